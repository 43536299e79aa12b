using System;
using System.Runtime.InteropServices;
using Falco.Plugins.Hosting;

namespace Falco.Plugins.Tests.Hosting;

/// <summary>The reusable C string behind get_last_error, event_to_string and progress.</summary>
public unsafe class NativeUtf8BufferTests
{
    [Fact]
    public void Pointer_is_null_before_the_first_set()
    {
        using var buffer = new NativeUtf8Buffer();

        Assert.True(buffer.Pointer is null);
    }

    [Fact]
    public void Set_writes_a_NUL_terminated_UTF8_string()
    {
        using var buffer = new NativeUtf8Buffer();

        byte* p = buffer.Set("h\u00e9llo");

        Assert.Equal("h\u00e9llo", Marshal.PtrToStringUTF8((nint)p));
        Assert.Equal(6, MemoryMarshal.CreateReadOnlySpanFromNullTerminated(p).Length);
    }

    [Fact]
    public void A_longer_value_grows_the_buffer()
    {
        using var buffer = new NativeUtf8Buffer();
        buffer.Set("short");
        string longValue = new('x', 5000);

        byte* p = buffer.Set(longValue);

        Assert.Equal(longValue, Marshal.PtrToStringUTF8((nint)p));
    }

    [Fact]
    public void Set_from_bytes_terminates_the_copy()
    {
        using var buffer = new NativeUtf8Buffer();
        buffer.Set("a much longer previous value");

        byte* p = buffer.Set("abc"u8);

        Assert.Equal("abc", Marshal.PtrToStringUTF8((nint)p));
        Assert.Equal((nint)p, (nint)buffer.Pointer);
    }
}
