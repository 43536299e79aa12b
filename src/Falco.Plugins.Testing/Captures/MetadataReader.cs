using System.Collections.Generic;
using System.Globalization;

namespace Falco.Plugins.Testing.Captures;

/// <summary>
/// Reads a capture up to its first event block, as libscap's scap_read_init does: the section
/// header, then machine info, process, fd, interface and user lists in any order; blocks of
/// unknown types are skipped. A later list of a kind replaces an earlier one, except process
/// and fd lists, which add up.
/// </summary>
internal static class MetadataReader
{
    /// <summary>The metadata, and the first event block (valid until the reader moves on).</summary>
    /// <exception cref="CaptureFileException">The capture is empty, malformed, or has no event.</exception>
    public static (CaptureMetadata Metadata, CaptureBlock FirstEvent) Read(BlockReader reader)
    {
        if (!reader.TryRead(out CaptureBlock header, BlockTypes.SectionHeader))
        {
            throw new CaptureFileException("the capture is empty", 0);
        }

        var version = SectionHeaderReader.Read(header);
        CaptureMachineInfo? machine = null;
        var threads = new List<CaptureThread>();
        var fdLists = new List<(long Tid, IReadOnlyList<CaptureFd> Fds)>();
        IReadOnlyList<CaptureInterface> interfaces = [];
        IReadOnlyList<CaptureUser> users = [];
        IReadOnlyList<CaptureGroup> groups = [];
        while (true)
        {
            if (!reader.TryRead(out CaptureBlock block))
            {
                throw new CaptureFileException("the capture has no events (it ends before the first event block)", reader.Offset);
            }

            switch (block.Type)
            {
                case var type when BlockTypes.IsEvent(type):
                    var metadata = new CaptureMetadata(version, machine, AttachFds(threads, fdLists), interfaces, users, groups);
                    return (metadata, block);
                case BlockTypes.SectionHeader:
                    throw new CaptureFileException("a second section header before any event", block.Offset);
                case BlockTypes.MachineInfo or BlockTypes.MachineInfoInt:
                    machine = MachineInfoReader.Read(block);
                    break;
                case var type when BlockTypes.ProcessListVersion(type) > 0:
                    threads.AddRange(ProcessListReader.Read(block));
                    break;
                case BlockTypes.FdList or BlockTypes.FdListInt or BlockTypes.FdListV2:
                    fdLists.Add(FdListReader.Read(block));
                    break;
                case BlockTypes.InterfaceList or BlockTypes.InterfaceListInt or BlockTypes.InterfaceListV2:
                    interfaces = InterfaceListReader.Read(block);
                    break;
                case BlockTypes.UserList or BlockTypes.UserListInt or BlockTypes.UserListV2:
                    (users, groups) = UserListReader.Read(block);
                    break;
                default:
                    // libscap skips blocks it does not know (newer block kinds, pcapng options).
                    break;
            }
        }
    }

    /// <summary>The threads with the fds of their fd lists; fds of a tid without a thread are dropped, as libscap drops them.</summary>
    private static CaptureThread[] AttachFds(List<CaptureThread> threads, List<(long Tid, IReadOnlyList<CaptureFd> Fds)> fdLists)
    {
        var fdsByTid = new Dictionary<long, List<CaptureFd>>();
        foreach ((long tid, IReadOnlyList<CaptureFd> fds) in fdLists)
        {
            if (!fdsByTid.TryGetValue(tid, out List<CaptureFd>? list))
            {
                fdsByTid[tid] = list = [];
            }

            list.AddRange(fds);
        }

        var result = new CaptureThread[threads.Count];
        for (int i = 0; i < threads.Count; i++)
        {
            CaptureThread thread = threads[i];
            result[i] = fdsByTid.TryGetValue(thread.Tid, out List<CaptureFd>? fds) ? thread with { Fds = fds } : thread;
        }

        return result;
    }

    /// <summary>The message for a block that may not follow the events.</summary>
    public static string UnexpectedAfterEvents(uint type) =>
        type == BlockTypes.SectionHeader
            ? "a second section (concatenated captures) is not supported"
            : string.Create(CultureInfo.InvariantCulture, $"unexpected block of type 0x{type:X} among the events");
}
