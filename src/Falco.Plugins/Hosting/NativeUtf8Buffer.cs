using System;
using System.Runtime.InteropServices;
using System.Text;

namespace Falco.Plugins.Hosting;

/// <summary>
/// A reusable NUL-terminated UTF-8 string in native memory, for strings a plugin returns
/// (last error, event_to_string, progress). The pointer stays valid until the next
/// <see cref="Set(string)"/>: the lifetime the plugin API grants to such results.
/// </summary>
internal sealed unsafe class NativeUtf8Buffer : IDisposable
{
    private byte* _data;
    private int _capacity;

    /// <summary>The current string, or <see langword="null"/> before the first set.</summary>
    public byte* Pointer => _data;

    public byte* Set(string value)
    {
        int length = Encoding.UTF8.GetByteCount(value);
        Span<byte> target = Reserve(length);
        Encoding.UTF8.GetBytes(value, target);
        target[length] = 0;
        return _data;
    }

    public byte* Set(ReadOnlySpan<byte> utf8)
    {
        Span<byte> target = Reserve(utf8.Length);
        utf8.CopyTo(target);
        target[utf8.Length] = 0;
        return _data;
    }

    private Span<byte> Reserve(int length)
    {
        if (length + 1 > _capacity)
        {
            int capacity = Math.Max(length + 1, Math.Max(64, _capacity * 2));
            _data = (byte*)NativeMemory.Realloc(_data, (nuint)capacity);
            _capacity = capacity;
        }

        return new Span<byte>(_data, length + 1);
    }

    public void Dispose()
    {
        NativeMemory.Free(_data);
        _data = null;
        _capacity = 0;
        GC.SuppressFinalize(this);
    }

    ~NativeUtf8Buffer()
    {
        NativeMemory.Free(_data);
    }
}
