using System;
using Falco.Plugins.Syscalls;
using static Falco.Plugins.Tests.Syscalls.SyscallTestEvents;

namespace Falco.Plugins.Tests.Syscalls;

/// <summary>
/// TryRead validates the layout once: it accepts fewer parameters than the table (old
/// captures) and rejects everything that would make a later read leave the event.
/// </summary>
public sealed class TryReadTests
{
    private static readonly byte[] Openat = SyscallOpenat2Exit.Encode(10, 20, 3, -100, "/etc/hosts"u8, 1, 0644, 0x803, 77);

    [Fact]
    public void Well_formed_event_is_read_with_its_header_and_parameters()
    {
        With(Openat, view =>
        {
            Assert.True(SyscallOpenat2Exit.TryRead(view, out SyscallOpenat2Exit e, out string? error));

            Assert.Null(error);
            Assert.Equal(10ul, e.Timestamp);
            Assert.Equal(20ul, e.ThreadId);
            Assert.Equal(7, e.ParamCount);
            Assert.Equal(3, e.Fd);
            Assert.Equal(-100, e.Dirfd);
            Assert.Equal("/etc/hosts", e.GetNameString());
            Assert.Equal(1u, e.Flags.Value);
            Assert.Equal(0644u, e.Mode);
            Assert.Equal(0x803u, e.Dev);
            Assert.Equal(77ul, e.Ino);
            Assert.Equal(EventCode.SyscallOpenat2Exit, e.Event.Code);
        });
    }

    [Fact]
    public void Event_of_another_code_is_rejected_with_the_code_it_has()
    {
        With(Openat, view =>
        {
            Assert.False(SocketConnectExit.TryRead(view, out _));
            Assert.False(SocketConnectExit.TryRead(view, out SocketConnectExit e, out string? error));

            Assert.Equal("PPME_SOCKET_CONNECT_X (code 23): the event has code 307", error);
            Assert.Equal(0, e.ParamCount);
            Assert.Equal(0, e.Fd);
        });
    }

    [Fact]
    public void Old_event_with_fewer_parameters_reads_the_missing_ones_as_absent()
    {
        // An openat exit of an old capture: fd, dirfd and name only.
        byte[] old = Layout(307, 1, 2, false, I64(5), I64(-100), Str("/old"));

        With(old, view =>
        {
            Assert.True(SyscallOpenat2Exit.TryRead(view, out SyscallOpenat2Exit e, out string? error), error);

            Assert.Equal(3, e.ParamCount);
            Assert.Equal(5, e.Fd);
            Assert.Equal("/old", e.GetNameString());
            Assert.False(e.TryGetFlags(out FlagValue flags));
            Assert.Equal(default, flags);
            Assert.Equal(0u, e.Flags.Value);
            Assert.False(e.TryGetIno(out ulong ino));
            Assert.Equal(0ul, ino);
            Assert.True(e.Event.GetParameterBytes(6).IsEmpty);
        });
    }

    [Fact]
    public void Event_with_no_parameters_at_all_is_read()
    {
        With(Layout(307, 1, 2, false), view =>
        {
            Assert.True(SyscallOpenat2Exit.TryRead(view, out SyscallOpenat2Exit e));
            Assert.Equal(0, e.ParamCount);
            Assert.False(e.TryGetFd(out _));
            Assert.Null(e.GetNameString());
        });
    }

    [Fact]
    public void More_parameters_than_the_table_are_rejected()
    {
        byte[] extra = Layout(307, 1, 2, false, I64(1), I64(2), Str("/x"), U32(0), U32(0), U32(0), U64(0), U32(9));

        With(extra, view =>
        {
            Assert.False(SyscallOpenat2Exit.TryRead(view, out _, out string? error));
            Assert.Equal("PPME_SYSCALL_OPENAT_2_X (code 307): the event has 8 parameters, the table defines 7", error);
        });
    }

    [Fact]
    public void Lengths_that_do_not_add_up_to_len_are_rejected()
    {
        // The name's length says 12 bytes where the event has 11.
        byte[] bytes = Openat.WithUInt16(26 + 4, 12);

        With(bytes, view =>
        {
            Assert.False(SyscallOpenat2Exit.TryRead(view, out _, out string? error));
            Assert.Equal("PPME_SYSCALL_OPENAT_2_X (code 307): the parameter lengths add up to 48 bytes, the event length 87 leaves 47", error);
        });
    }

    [Fact]
    public void Length_table_longer_than_the_event_is_rejected()
    {
        byte[] bytes = Layout(307, 1, 2, false).WithUInt32(22, 7);

        With(bytes, view =>
        {
            Assert.False(SyscallOpenat2Exit.TryRead(view, out _, out string? error));
            Assert.Equal("PPME_SYSCALL_OPENAT_2_X (code 307): the lengths of 7 parameters (2 bytes each) do not fit in the event length 26", error);
        });
    }

    [Fact]
    public void Len_beyond_the_bytes_of_the_view_is_rejected()
    {
        // A view over fewer bytes than the header's len: reading by len would leave the buffer.
        WithSpan(Openat.AsSpan(0, Openat.Length - 1), view =>
        {
            Assert.False(SyscallOpenat2Exit.TryRead(view, out _, out string? error));
            Assert.Equal("PPME_SYSCALL_OPENAT_2_X (code 307): the event length 87 is not between the 26-byte header and the 86 bytes available", error);
        });
    }

    [Fact]
    public void View_shorter_than_a_header_is_rejected()
    {
        WithSpan(Openat.AsSpan(0, 25), view =>
        {
            Assert.False(SyscallOpenat2Exit.TryRead(view, out _, out string? error));
            Assert.Equal("PPME_SYSCALL_OPENAT_2_X (code 307): 25 bytes, shorter than the 26-byte header", error);
            Assert.False(SyscallEvent.TryCreate(view, out _, out error));
            Assert.Equal("the event: 25 bytes, shorter than the 26-byte header", error);
        });
    }

    [Fact]
    public void Default_view_is_rejected()
    {
        Assert.False(SyscallOpenat2Exit.TryRead(default, out SyscallOpenat2Exit e));
        Assert.Equal(0ul, e.Timestamp);
        Assert.Equal(0, e.ParamCount);
        Assert.Equal(0, e.Fd);
    }

    [Fact]
    public void Len_within_a_longer_view_reads_only_len_bytes()
    {
        byte[] padded = [.. Openat, 0xEE, 0xEE];

        WithSpan(padded, view =>
        {
            Assert.True(SyscallOpenat2Exit.TryRead(view, out SyscallOpenat2Exit e));
            Assert.Equal(Openat.Length, e.Event.Raw.Length);
            Assert.Equal(77ul, e.Ino);
        });
    }

    [Fact]
    public void Generic_view_reads_any_code_through_the_schema()
    {
        With(Openat, view =>
        {
            Assert.True(SyscallEvent.TryCreate(view, out SyscallEvent e, out string? error), error);

            Assert.Equal(EventCode.SyscallOpenat2Exit, e.Code);
            Assert.Equal("openat", e.Info.Name);
            SyscallParameter name = e.GetParameter(2);
            Assert.Equal("name", name.Info!.Name);
            Assert.Equal(ParamType.FsRelPath, name.Info.Type);
            Assert.Equal(1, name.Info.DirFdIndex);
            Assert.True(name.TryGetString(out ReadOnlySpan<byte> text));
            Assert.Equal("/etc/hosts"u8.ToArray(), text.ToArray());
            Assert.True(e.GetParameter(3).TryGetFlags(out FlagValue flags));
            Assert.Equal("O_RDONLY", flags.ToString());
            bool thrown = false;
            try
            {
                e.GetParameter(7);
            }
            catch (ArgumentOutOfRangeException)
            {
                thrown = true;
            }

            Assert.True(thrown);
        });
    }

    [Fact]
    public void Generic_view_rejects_codes_outside_the_table()
    {
        With(Layout(454, 1, 2, false), view =>
        {
            Assert.False(SyscallEvent.TryCreate(view, out _, out string? error));
            Assert.Equal($"code 454 is not in the event table (schema {EventSchema.Version})", error);
        });
    }

    [Fact]
    public void Wrong_sized_fixed_parameter_reads_as_absent()
    {
        // fd with 4 bytes instead of 8: the layout is sound, the value is not a PT_FD.
        byte[] bytes = Layout(307, 1, 2, false, U32(3), I64(-100), Str("/x"));

        With(bytes, view =>
        {
            Assert.True(SyscallOpenat2Exit.TryRead(view, out SyscallOpenat2Exit e));
            Assert.False(e.TryGetFd(out long fd));
            Assert.Equal(0, fd);
            Assert.Equal(-100, e.Dirfd);
        });
    }

    [Fact]
    public void Zero_length_parameter_reads_as_absent()
    {
        // libscap writes a value it could not read, or a NULL string, with length 0.
        byte[] bytes = Layout(307, 1, 2, false, I64(3), I64(-100), []);

        With(bytes, view =>
        {
            Assert.True(SyscallOpenat2Exit.TryRead(view, out SyscallOpenat2Exit e));
            Assert.False(e.TryGetName(out _));
            Assert.Null(e.GetNameString());
            Assert.True(e.Name.IsEmpty);
        });
    }

    [Fact]
    public void String_without_its_NUL_reads_as_absent()
    {
        byte[] bytes = Layout(307, 1, 2, false, I64(3), I64(-100), "/no-nul"u8.ToArray());

        With(bytes, view =>
        {
            Assert.True(SyscallOpenat2Exit.TryRead(view, out SyscallOpenat2Exit e));
            Assert.False(e.TryGetName(out _));
            Assert.Null(e.GetNameString());
        });
    }

    [Fact]
    public void String_reads_up_to_its_first_NUL()
    {
        byte[] bytes = Layout(307, 1, 2, false, I64(3), I64(-100), "/a\0b\0"u8.ToArray());

        With(bytes, view =>
        {
            Assert.True(SyscallOpenat2Exit.TryRead(view, out SyscallOpenat2Exit e));
            Assert.Equal("/a", e.GetNameString());
        });
    }
}
