namespace Falco.Plugins.Syscalls.Rendering;

/// <summary>The plain integer types, in the print format of their parameter (see <see cref="NumberText"/>).</summary>
internal static class IntegerText
{
    public static bool TryAppend(ref TextBuffer text, SyscallParameter p, ParamType type, PrintFormat format)
    {
        switch (type)
        {
            case ParamType.Int8 when p.TryGetInt8(out sbyte int8):
                NumberText.AppendSigned(ref text, int8, sizeof(sbyte), format);
                return true;
            case ParamType.Int16 when p.TryGetInt16(out short int16):
                NumberText.AppendSigned(ref text, int16, sizeof(short), format);
                return true;
            case ParamType.Int32 when p.TryGetInt32(out int int32):
                NumberText.AppendSigned(ref text, int32, sizeof(int), format);
                return true;
            case ParamType.Int64 when p.TryGetInt64(out long int64):
                NumberText.AppendSigned(ref text, int64, sizeof(long), format);
                return true;
            case ParamType.UInt8 or ParamType.L4Proto or ParamType.SockFamily when p.TryGetUInt8(out byte uint8):
                NumberText.AppendUnsigned(ref text, uint8, format);
                return true;
            case ParamType.UInt16 or ParamType.SyscallId when p.TryGetUInt16(out ushort uint16):
                NumberText.AppendUnsigned(ref text, uint16, format);
                return true;
            case ParamType.Port when p.TryGetUInt16(out ushort port):
                // A port reads as a port whatever the table's format says.
                text.Append(port);
                return true;
            case ParamType.UInt32 when p.TryGetUInt32(out uint uint32):
                NumberText.AppendUnsigned(ref text, uint32, format);
                return true;
            case ParamType.UInt64 when p.TryGetUInt64(out ulong uint64):
                NumberText.AppendUnsigned(ref text, uint64, format);
                return true;
            default:
                return false;
        }
    }
}
