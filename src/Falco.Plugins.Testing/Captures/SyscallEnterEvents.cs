using System;

namespace Falco.Plugins.Testing.Captures;

/// <summary>
/// Which events are the enter half of a syscall. libsinsp no longer delivers those: current
/// libs drop enter events altogether, and when reading a capture libscap's converter keeps a
/// syscall's enter event only to fill parameters of its exit event. So a capture read through
/// libsinsp yields every event except these (1714 of the 1728 of single_ipv6_conn.scap).
/// </summary>
internal static class SyscallEnterEvents
{
    /// <summary>The codes of the event table (schema 4.5.1): events with a higher code are unknown to it.</summary>
    public const int KnownCodes = 454;

    /// <summary>
    /// The even (enter-direction) codes whose category is not a syscall: events that stand
    /// alone, such as scheduler switches, process exits, procinfo, plugin and async events.
    /// Every other even code below <see cref="KnownCodes"/> is a syscall enter event.
    /// </summary>
    private static ReadOnlySpan<ushort> StandaloneEnterCodes =>
    [
        16, // PPME_PROCEXIT_E
        146, // PPME_SCHEDSWITCH_1_E
        148, // PPME_DROP_E
        152, // PPME_SCHEDSWITCH_6_E
        186, // PPME_PROCEXIT_1_E
        196, // PPME_SCAPEVENT_E
        228, // PPME_CONTAINER_E
        232, // PPME_SIGNALDELIVER_E
        234, // PPME_PROCINFO_E
        244, // PPME_CPU_HOTPLUG_E
        260, // PPME_K8S_E
        268, // PPME_TRACER_E
        270, // PPME_MESOS_E
        272, // PPME_CONTAINER_JSON_E
        280, // PPME_NOTIFICATION_E
        286, // PPME_INFRASTRUCTURE_EVENT_E
        290, // PPME_PAGE_FAULT_E
        322, // PPME_PLUGINEVENT_E
        324, // PPME_CONTAINER_JSON_2_E
        354, // PPME_USER_ADDED_E
        356, // PPME_USER_DELETED_E
        358, // PPME_GROUP_ADDED_E
        360, // PPME_GROUP_DELETED_E
        402, // PPME_ASYNCEVENT_E
        430, // PPME_ITER_TASK_E
        432, // PPME_ITER_TASK_FILE_PIPE_E
        434, // PPME_ITER_TASK_FILE_MEMFD_E
        436, // PPME_ITER_TASK_FILE_REGULAR_E
        438, // PPME_ITER_TASK_FILE_DIRECTORY_E
        440, // PPME_ITER_TASK_FILE_SOCKET_INET_E
        442, // PPME_ITER_TASK_FILE_SOCKET_INET6_E
        444, // PPME_ITER_TASK_FILE_SOCKET_UNIX_E
        446, // PPME_ITER_TASK_FILE_SOCKET_NETLINK_E
        448, // PPME_ITER_TASK_FILE_ANON_INODE_E
    ];

    /// <summary>Whether <paramref name="code"/> is a syscall enter event that libsinsp does not deliver.</summary>
    public static bool Contains(ushort code) =>
        code % 2 == 0 && code < KnownCodes && StandaloneEnterCodes.BinarySearch(code) < 0;
}
