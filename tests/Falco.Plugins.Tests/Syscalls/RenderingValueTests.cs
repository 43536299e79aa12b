using System;
using System.Net;
using Falco.Plugins.Syscalls;
using Falco.Plugins.Syscalls.Rendering;
using static Falco.Plugins.Tests.Syscalls.RenderingEvents;
using static Falco.Plugins.Tests.Syscalls.SyscallTestEvents;

namespace Falco.Plugins.Tests.Syscalls;

/// <summary>The pieces of a rendering: numbers in each print format, IPv6 text, names from state, the entry points.</summary>
public sealed class RenderingValueTests
{
    private delegate void Writer(ref TextBuffer text);

    [Theory]
    [InlineData(0L, 4, PrintFormat.Decimal, "0")]
    [InlineData(-1L, 4, PrintFormat.Decimal, "-1")]
    [InlineData(long.MinValue, 8, PrintFormat.Decimal, "-9223372036854775808")]
    [InlineData(-1L, 1, PrintFormat.Hexadecimal, "FF")]
    [InlineData(-1L, 4, PrintFormat.Hexadecimal, "FFFFFFFF")]
    [InlineData(-1L, 8, PrintFormat.Hexadecimal, "FFFFFFFFFFFFFFFF")]
    [InlineData(0x803L, 4, PrintFormat.Hexadecimal, "803")]
    [InlineData(420L, 4, PrintFormat.Octal, "0644")]
    [InlineData(0L, 4, PrintFormat.Octal, "0")]
    [InlineData(-1L, 2, PrintFormat.Octal, "0177777")]
    [InlineData(5L, 4, PrintFormat.PaddedDecimal, "000000005")]
    [InlineData(-1L, 4, PrintFormat.PaddedDecimal, "-00000001")]
    [InlineData(1234567890L, 4, PrintFormat.PaddedDecimal, "1234567890")]
    [InlineData(7L, 4, PrintFormat.Id, "7")]
    [InlineData(7L, 4, PrintFormat.NotApplicable, "7")]
    public void Signed_numbers_follow_the_print_format(long value, int width, PrintFormat format, string expected)
    {
        Assert.Equal(expected, Write((ref TextBuffer text) => NumberText.AppendSigned(ref text, value, width, format)));
    }

    [Theory]
    [InlineData(ulong.MaxValue, PrintFormat.Decimal, "18446744073709551615")]
    [InlineData(0x7f9158a43000UL, PrintFormat.Hexadecimal, "7F9158A43000")]
    [InlineData(8UL, PrintFormat.Octal, "010")]
    [InlineData(ulong.MaxValue, PrintFormat.Octal, "01777777777777777777777")]
    [InlineData(42UL, PrintFormat.PaddedDecimal, "000000042")]
    public void Unsigned_numbers_follow_the_print_format(ulong value, PrintFormat format, string expected)
    {
        Assert.Equal(expected, Write((ref TextBuffer text) => NumberText.AppendUnsigned(ref text, value, format)));
    }

    [Theory]
    [InlineData("::", "::")]
    [InlineData("::1", "::1")]
    [InlineData("1::", "1::")]
    [InlineData("::ffff:1.2.3.4", "::ffff:1.2.3.4")]
    [InlineData("::1.2.3.4", "::1.2.3.4")]
    [InlineData("::2", "::2")]
    [InlineData("1:0:0:1:0:0:0:1", "1:0:0:1::1")]
    [InlineData("1:0:0:2:0:0:3:4", "1::2:0:0:3:4")]
    [InlineData("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1")]
    [InlineData("2001:DB8::ABCD:EF01", "2001:db8::abcd:ef01")]
    [InlineData("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    public void IPv6_addresses_are_written_as_inet_ntop_writes_them(string address, string expected)
    {
        IPv6Address v6 = IPv6Address.FromIPAddress(IPAddress.Parse(address));
        Span<char> text = stackalloc char[64];

        Assert.True(v6.TryFormat(text, out int written));
        Assert.Equal(expected, new string(text.Slice(0, written)));
        Assert.Equal(expected, v6.ToString());
        Assert.False(v6.TryFormat(text.Slice(0, expected.Length - 1), out int none));
        Assert.Equal(0, none);
    }

    [Fact]
    public void Names_from_state_follow_fds_pids_users_and_groups()
    {
        var names = new TableNames();
        names.Fds[(2, 3)] = new FdDescription('f', "/etc/passwd");
        names.Fds[(2, 5)] = new FdDescription('4', "10.0.0.1:40000->10.0.0.2:443", 't');
        names.Threads[1234] = "bash";
        names.Users[1000] = "alice";
        names.Groups[100] = "users";
        var options = new EventRenderOptions { Names = names };

        Assert.Equal(
            "openat fd=3(<f>/etc/passwd) dirfd=-100(AT_FDCWD) name=/etc/passwd flags=1(O_RDONLY) mode=0 dev=0 ino=1",
            Render(SyscallOpenat2Exit.Encode(1, 2, 3, -100, "/etc/passwd"u8, 1, 0, 0, 1), options));
        Assert.Equal("close res=0 fd=5(<4t>10.0.0.1:40000->10.0.0.2:443)", Render(SyscallCloseExit.Encode(1, 2, 0, 5), options));
        Assert.Equal("close res=0 fd=6", Render(SyscallCloseExit.Encode(1, 2, 0, 6), options));
        Assert.Equal("kill res=0 pid=1234(bash) sig=15(SIGTERM)", Render(SyscallKillExit.Encode(1, 2, 0, 1234, 15), options));
        Assert.Equal("setuid res=0 uid=1000(alice)", Render(SyscallSetuidExit.Encode(1, 2, 0, 1000), options));
        Assert.Equal("setuid res=0 uid=1001", Render(SyscallSetuidExit.Encode(1, 2, 0, 1001), options));
        Assert.Equal("setgid res=0 gid=100(users)", Render(SyscallSetgidExit.Encode(1, 2, 0, 100), options));
        Assert.Equal(
            "poll res=1 fds=3:f1 5:44 7:?1 timeout=10",
            Render(SyscallPollExit.Encode(1, 2, 1, FdList.FromEntries([new(3, 1), new(5, 4), new(7, 1)]), 10), options));
    }

    [Fact]
    public void Names_from_state_are_shown_on_one_line()
    {
        var names = new TableNames();
        names.Fds[(2, 3)] = new FdDescription('\n', "/tmp/a\nb");
        var options = new EventRenderOptions { Names = names };

        Assert.Equal("close res=0 fd=3(<.>/tmp/a.b)", Render(SyscallCloseExit.Encode(1, 2, 0, 3), options));
    }

    [Fact]
    public void Without_names_numbers_render_alone()
    {
        Assert.Equal("setuid res=0 uid=1000", Render(SyscallSetuidExit.Encode(1, 2, 0, 1000)));
        Assert.Equal("setuid res=0 uid=-1(<NONE>)", Render(SyscallSetuidExit.Encode(1, 2, 0, uint.MaxValue)));
        Assert.Equal("close res=-9(EBADF) fd=-1(EPERM)", Render(SyscallCloseExit.Encode(1, 2, -9, -1)));
    }

    [Fact]
    public void Flags_without_a_matching_name_render_as_the_number()
    {
        // execve's flags have no 0 entry; setsockopt's level is an enumeration with no 7.
        Assert.Equal("0", RenderParameter(SyscallExecve19Exit.Encode(1, 2, 0, default, default, 0, 0, 0, default, 0, 0, 0, 0, 0, 0, default, default, default, 0, 0, 0, 0, 0, 0, 0, 0, default, default, 0, default, 0, 0, default), 19));
        Assert.Equal("7", RenderParameter(SocketSetsockoptExit.Encode(1, 2, 0, 3, 7, 2, DynamicValue.Create(2, U32(1)), 4), 2));
    }

    [Fact]
    public void The_entry_points_render_the_same_text()
    {
        byte[] bytes = SyscallCloseExit.Encode(1, 2, -9, 4);
        Assert.True(SyscallEvent.TryCreate(bytes, out SyscallEvent evt));
        Span<char> text = stackalloc char[64];

        Assert.Equal("close res=-9(EBADF) fd=4", evt.ToString());
        Assert.Equal("close res=-9(EBADF) fd=4", EventRenderer.Format(evt));
        Assert.True(evt.TryFormat(text, out int written));
        Assert.Equal("close res=-9(EBADF) fd=4", new string(text.Slice(0, written)));
        Assert.Equal("res=-9(EBADF) fd=4", EventRenderer.FormatArguments(evt));
        Assert.True(EventRenderer.TryFormatArguments(evt, text, out written));
        Assert.Equal("res=-9(EBADF) fd=4", new string(text.Slice(0, written)));
        Assert.Equal("-9(EBADF)", RenderParameter(bytes, 0));
        Assert.Equal("4", RenderParameter(bytes, 1));
    }

    [Fact]
    public void Parameter_index_outside_the_table_is_an_argument_error()
    {
        byte[] bytes = SyscallCloseExit.Encode(1, 2, 0, 4);
        char[] text = new char[64];

        Assert.Throws<ArgumentOutOfRangeException>(() => EventRenderer.TryFormatParameter(View(bytes), 2, text, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => EventRenderer.TryFormatParameter(View(bytes), -1, text, out _));
    }

    [Fact]
    public void Default_view_renders_as_the_table_entry_of_code_0_without_values()
    {
        Assert.Equal("syscall ID=<NA> nativeID=<NA>", default(SyscallEvent).ToString());
    }

    [Fact]
    public void Long_event_renders_to_a_string_longer_than_the_first_buffer()
    {
        string path = "/" + new string('p', 5000);
        byte[] bytes = SyscallRmdirEnter.Encode(1, 2, System.Text.Encoding.ASCII.GetBytes(path));

        Assert.Equal("rmdir path=" + path, Render(bytes));
    }

    private static SyscallEvent View(byte[] bytes)
    {
        Assert.True(SyscallEvent.TryCreate(bytes, out SyscallEvent evt));
        return evt;
    }

    private static string Write(Writer write)
    {
        Span<char> destination = stackalloc char[128];
        var text = new TextBuffer(destination);
        write(ref text);
        Assert.False(text.Overflowed);
        return new string(destination.Slice(0, text.Length));
    }
}
