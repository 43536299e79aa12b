using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Text;

namespace Falco.Plugins.Hosting;

/// <summary><c>plugin_get_required_event_schema_version</c> as the generated exports call it. Not meant for plugin code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class EventSchemaExports
{
    // One NUL-terminated copy for the life of the process: the framework keeps the pointer.
    private static readonly byte* RequiredVersionUtf8 = NulTerminated(TypedEventSchema.Version);

    private static readonly byte* RequiredMajorVersionUtf8 = NulTerminated(TypedEventSchema.Version.Split('.')[0] + ".0.0");

    /// <summary>The event schema version the SDK's typed syscall event views need, as a C string.</summary>
    public static byte* RequiredVersion() => RequiredVersionUtf8;

    /// <summary>
    /// The first version of the major of the SDK's event schema (e.g. 4.0.0), as a C string: what
    /// plugins report that read syscall events without typed views, whose layout the SDK reads
    /// only as far as the header and the parameter lengths, stable within a major.
    /// </summary>
    public static byte* RequiredMajorVersion() => RequiredMajorVersionUtf8;

    private static byte* NulTerminated(string value)
    {
        int length = Encoding.UTF8.GetByteCount(value);
        var bytes = (byte*)NativeMemory.Alloc((nuint)length + 1);
        Encoding.UTF8.GetBytes(value, new System.Span<byte>(bytes, length));
        bytes[length] = 0;
        return bytes;
    }
}
