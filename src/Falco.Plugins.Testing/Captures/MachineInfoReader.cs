namespace Falco.Plugins.Testing.Captures;

/// <summary>The machine info block: libscap's packed <c>scap_machine_info</c>, 180 bytes.</summary>
internal static class MachineInfoReader
{
    /// <summary>The size of the packed structure: u32, u64, u64, char[128], then four u64.</summary>
    public const int Size = 4 + 8 + 8 + HostnameSize + (4 * 8);

    /// <summary>The size of the hostname field.</summary>
    public const int HostnameSize = 128;

    public static CaptureMachineInfo Read(CaptureBlock block)
    {
        BlockCursor cursor = block.Cursor("machine info");
        uint cpus = cursor.U32();
        ulong memory = cursor.U64();
        ulong maxPid = cursor.U64();
        string hostname = BlockCursor.CString(cursor.Bytes(HostnameSize));
        ulong bootTimestamp = cursor.U64();
        ulong flags = cursor.U64();
        cursor.Skip(16);
        return new CaptureMachineInfo(cpus, memory, maxPid, hostname, bootTimestamp, flags);
    }
}
