namespace Falco.Plugins.Testing;

/// <summary>The machine a capture was recorded on (libscap's <c>scap_machine_info</c>).</summary>
/// <param name="CpuCount">The number of processors.</param>
/// <param name="MemorySizeBytes">The physical memory size.</param>
/// <param name="MaxPid">The highest pid of the machine.</param>
/// <param name="Hostname">The host name.</param>
/// <param name="BootTimestamp">The boot time in nanoseconds since the epoch (0 in captures older than the field).</param>
/// <param name="Flags">libscap's machine flags.</param>
public sealed record CaptureMachineInfo(
    uint CpuCount,
    ulong MemorySizeBytes,
    ulong MaxPid,
    string Hostname,
    ulong BootTimestamp = 0,
    ulong Flags = 0);
