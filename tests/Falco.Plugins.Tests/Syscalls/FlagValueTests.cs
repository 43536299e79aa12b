using System;
using Falco.Plugins.Syscalls;

namespace Falco.Plugins.Tests.Syscalls;

/// <summary>Flags, modes and enumerations render their names the way libsinsp resolves them.</summary>
public sealed class FlagValueTests
{
    private static readonly FlagTable OpenFlags = FlagTableOf(EventCode.SyscallOpenat2Exit, "flags");

    [Theory]
    [InlineData(1u, "O_RDONLY")]
    [InlineData(1u | 4096u, "O_RDONLY|O_CLOEXEC")]
    [InlineData(3u, "O_RDWR")] // not also O_WRONLY and O_RDONLY: matched bits are taken out
    [InlineData(3u | 4u | 256u, "O_TRUNC|O_CREAT|O_RDWR")]
    [InlineData(0u, "O_NONE")]
    [InlineData(0x8000_0000u, "")]
    public void Bitmask_names_follow_the_table_order(uint value, string expected)
    {
        var flags = new FlagValue(value, OpenFlags);

        Assert.Equal(expected, flags.ToString());
        Span<char> text = stackalloc char[64];
        Assert.True(flags.TryFormat(text, out int written));
        Assert.Equal(expected, text.Slice(0, written).ToString());
        Span<byte> utf8 = stackalloc byte[64];
        Assert.True(flags.TryFormatUtf8(utf8, out written));
        Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(utf8.Slice(0, written)));
    }

    [Fact]
    public void Enumeration_names_match_the_exact_value()
    {
        FlagTable levels = FlagTableOf(EventCode.SocketSetsockoptExit, "level");
        Assert.Equal(FlagTableKind.Enumeration, levels.Kind);

        Assert.Equal("SOL_TCP", new FlagValue(2, levels).ToString());
        Assert.Equal("UNKNOWN", new FlagValue(0, levels).ToString());
        Assert.Equal(string.Empty, new FlagValue(3, levels).ToString());
    }

    [Fact]
    public void Enumeration_yields_every_alias_of_a_value()
    {
        var table = new FlagTable(FlagTableKind.Enumeration, new FlagEntry("AF_LOCAL", 1), new FlagEntry("AF_INET", 2), new FlagEntry("AF_UNIX", 1));

        Assert.Equal("AF_LOCAL|AF_UNIX", new FlagValue(1, table).ToString());
    }

    [Fact]
    public void Mode_bits_render_like_flags()
    {
        FlagTable mode = FlagTableOf(EventCode.SyscallFchmodatExit, "mode");

        Assert.Equal(FlagTableKind.Bitmask, mode.Kind);
        Assert.Contains("S_IRUSR", new FlagValue(Convert.ToUInt32("400", 8), mode).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Formatting_into_a_short_buffer_fails_without_writing_a_length()
    {
        var flags = new FlagValue(1u | 4096u, OpenFlags);

        Assert.False(flags.TryFormat(new char[10], out int written));
        Assert.Equal(0, written);
        Assert.False(flags.TryFormatUtf8(new byte[10], out written));
        Assert.Equal(0, written);
        Assert.True(flags.TryFormat(new char[18], out written));
        Assert.Equal(18, written);
    }

    [Fact]
    public void A_value_without_a_table_has_no_names()
    {
        var flags = new FlagValue(7, null);

        Assert.Equal(string.Empty, flags.ToString());
        Assert.True(flags.HasFlag(3));
        Assert.False(flags.HasFlag(8));
        Assert.Equal(new FlagValue(7, null), flags);
        Assert.NotEqual(new FlagValue(7, OpenFlags), flags);
    }

    [Fact]
    public void Names_are_walked_without_allocating()
    {
        var flags = new FlagValue(3u | 4u | 256u, OpenFlags);
        int count = 0;
        foreach (FlagEntry entry in flags.GetNames())
        {
            count += entry.Name.Length;
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        count = 0;
        foreach (FlagEntry entry in flags.GetNames())
        {
            count += entry.Utf8Name.Length;
        }

        Span<char> text = stackalloc char[64];
        flags.TryFormat(text, out int written);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(20, count);
        Assert.Equal(22, written);
    }

    private static FlagTable FlagTableOf(EventCode code, string parameter)
    {
        foreach (ParamInfo p in EventSchema.Get(code).Parameters)
        {
            if (p.Name == parameter)
            {
                return p.FlagTable!;
            }
        }

        throw new InvalidOperationException(parameter);
    }
}
