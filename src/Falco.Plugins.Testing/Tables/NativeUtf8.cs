using System;
using System.Runtime.InteropServices;
using System.Text;

namespace Falco.Plugins.Testing.Tables;

/// <summary>NUL-terminated UTF-8 copies in native memory, for strings handed to plugins.</summary>
internal static unsafe class NativeUtf8
{
    /// <summary>An empty string that is never freed: what unset string fields read as.</summary>
    public static byte* Empty { get; } = Allocate(string.Empty);

    /// <summary>Copies <paramref name="value"/> into a new native buffer; free it with <see cref="Free"/>.</summary>
    public static byte* Allocate(string value)
    {
        int length = Encoding.UTF8.GetByteCount(value);
        byte* buffer = (byte*)NativeMemory.Alloc((nuint)length + 1);
        Encoding.UTF8.GetBytes(value, new Span<byte>(buffer, length));
        buffer[length] = 0;
        return buffer;
    }

    /// <summary>Frees a buffer from <see cref="Allocate"/>; the shared empty string and NULL are ignored.</summary>
    public static void Free(byte* buffer)
    {
        if (buffer is not null && buffer != Empty)
        {
            NativeMemory.Free(buffer);
        }
    }

    /// <summary>Decodes a NUL-terminated UTF-8 string; NULL reads as "" (as libsinsp copies it).</summary>
    public static string Read(byte* value) => PluginLibrary.Str(value);
}
