namespace Falco.Plugins.Testing.Captures;

/// <summary>
/// The block types of libscap's capture format (scap_savefile.h). The <c>*Int</c> values are
/// numbers older libscap releases wrote before the format settled; readers still accept them.
/// </summary>
internal static class BlockTypes
{
    public const uint SectionHeader = 0x0A0D0D0A;

    public const uint MachineInfo = 0x201;
    public const uint MachineInfoInt = 0x8002ABCD;

    public const uint ProcessListV1 = 0x202;
    public const uint ProcessListV1Int = 0x8000ABCD;
    public const uint ProcessListV2 = 0x207;
    public const uint ProcessListV2Int = 0x8013ABCD;
    public const uint ProcessListV3 = 0x209;
    public const uint ProcessListV3Int = 0x8014ABCD;
    public const uint ProcessListV4 = 0x210;
    public const uint ProcessListV5 = 0x211;
    public const uint ProcessListV6 = 0x212;
    public const uint ProcessListV7 = 0x213;
    public const uint ProcessListV8 = 0x214;
    public const uint ProcessListV9 = 0x215;

    public const uint FdList = 0x203;
    public const uint FdListInt = 0x8001ABCD;
    public const uint FdListV2 = 0x218;

    public const uint Event = 0x204;
    public const uint EventInt = 0x8010ABCD;
    public const uint EventV2 = 0x216;
    public const uint EventV2Large = 0x221;
    public const uint EventWithFlags = 0x208;
    public const uint EventWithFlagsV2 = 0x217;
    public const uint EventWithFlagsV2Large = 0x222;

    public const uint InterfaceList = 0x205;
    public const uint InterfaceListInt = 0x8011ABCD;
    public const uint InterfaceListV2 = 0x219;

    public const uint UserList = 0x206;
    public const uint UserListInt = 0x8012ABCD;
    public const uint UserListV2 = 0x220;

    /// <summary>Whether blocks of <paramref name="type"/> hold one event.</summary>
    public static bool IsEvent(uint type) => type is Event or EventInt or EventV2 or EventV2Large
        or EventWithFlags or EventWithFlagsV2 or EventWithFlagsV2Large;

    /// <summary>Whether the events of <paramref name="type"/> blocks carry the parameter count in their header (the 26-byte header).</summary>
    public static bool HasParamCount(uint type) => type is EventV2 or EventV2Large or EventWithFlagsV2 or EventWithFlagsV2Large;

    /// <summary>Whether <paramref name="type"/> blocks put 32 bits of flags between the CPU id and the event.</summary>
    public static bool HasFlags(uint type) => type is EventWithFlags or EventWithFlagsV2 or EventWithFlagsV2Large;

    /// <summary>The version (1 to 9) of a process list block, or 0 when <paramref name="type"/> is not one.</summary>
    public static int ProcessListVersion(uint type) => type switch
    {
        ProcessListV1 or ProcessListV1Int => 1,
        ProcessListV2 or ProcessListV2Int => 2,
        ProcessListV3 or ProcessListV3Int => 3,
        ProcessListV4 => 4,
        ProcessListV5 => 5,
        ProcessListV6 => 6,
        ProcessListV7 => 7,
        ProcessListV8 => 8,
        ProcessListV9 => 9,
        _ => 0,
    };
}
