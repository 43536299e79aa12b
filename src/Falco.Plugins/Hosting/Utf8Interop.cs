using System;
using System.Runtime.InteropServices;
using System.Text;

namespace Falco.Plugins.Hosting;

/// <summary>Conversions of the C strings the framework passes.</summary>
internal static unsafe class Utf8Interop
{
    /// <summary>The bytes of a NUL-terminated string; empty for NULL.</summary>
    public static ReadOnlySpan<byte> Span(byte* value) =>
        value is null ? default : MemoryMarshal.CreateReadOnlySpanFromNullTerminated(value);

    /// <summary>A managed copy of a NUL-terminated string; empty for NULL.</summary>
    public static string ToString(byte* value) =>
        value is null ? string.Empty : Encoding.UTF8.GetString(Span(value));
}
