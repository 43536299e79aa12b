using System.Collections.Generic;
using System.Globalization;

namespace Falco.Plugins.Testing.Captures;

/// <summary>
/// The process list blocks, versions 1 to 9: one entry per thread, each version adding fields.
/// Version 9 entries start with their length, and fields added since are present only when
/// that length covers them; bytes past the fields this reader knows are skipped.
/// </summary>
internal static class ProcessListReader
{
    /// <summary>
    /// What libs before 0.10 wrote after the mandatory fields of a version 9 entry: loginuid (4),
    /// exe_writable (1) and three capability sets (24). Later libs wrote pidns_init_start_ts and
    /// tty before those, so an entry with no more than this left is an old one without them.
    /// </summary>
    private const int Pre010Tail = 4 + 1 + (3 * 8);

    /// <summary>The threads of a process list block, in block order.</summary>
    public static IReadOnlyList<CaptureThread> Read(CaptureBlock block)
    {
        int version = BlockTypes.ProcessListVersion(block.Type);
        var threads = new List<CaptureThread>();
        BlockCursor cursor = block.Cursor("process list");
        // Fewer than 4 bytes left is padding, as libscap reads it.
        while (cursor.Remaining >= 4)
        {
            threads.Add(version == 9 ? ReadSized(ref cursor) : ReadEntry(ref cursor, version));
        }

        return threads;
    }

    private static CaptureThread ReadSized(ref BlockCursor cursor)
    {
        uint length = cursor.U32();
        if (length < sizeof(uint) || length - sizeof(uint) > (uint)cursor.Remaining)
        {
            throw cursor.Error(string.Create(CultureInfo.InvariantCulture, $"entry length {length} does not fit the {cursor.Remaining + sizeof(uint)} bytes left"));
        }

        BlockCursor entry = cursor.Slice((int)length - sizeof(uint), "process list entry");
        CaptureThread thread = ReadEntry(ref entry, 9);
        return ReadTail(ref entry, thread);
    }

    private static CaptureThread ReadEntry(ref BlockCursor cursor, int version)
    {
        long tid = cursor.I64();
        long pid = cursor.I64();
        long ptid = cursor.I64();
        long sid = version >= 6 ? cursor.I64() : -1;
        long vpgid = version >= 8 ? cursor.I64() : -1;
        string comm = cursor.String16();
        string exe = cursor.String16();
        string exePath = version >= 7 ? cursor.String16() : "";
        IReadOnlyList<string> args = NulSeparated.Split(cursor.Bytes16());
        string cwd = cursor.String16();
        var thread = new CaptureThread
        {
            Tid = tid,
            Pid = pid,
            Ptid = ptid,
            Sid = sid,
            Vpgid = vpgid,
            Comm = comm,
            Exe = exe,
            ExePath = exePath,
            Args = args,
            Cwd = cwd,
            FdLimit = cursor.I64(),
            Flags = cursor.U32(),
            Uid = cursor.U32(),
            Gid = cursor.U32(),
        };

        if (version < 2)
        {
            return thread;
        }

        thread = thread with
        {
            VmSizeKb = cursor.U32(),
            VmRssKb = cursor.U32(),
            VmSwapKb = cursor.U32(),
            PageFaultsMajor = cursor.U64(),
            PageFaultsMinor = cursor.U64(),
        };

        if (version >= 3)
        {
            thread = thread with { Env = NulSeparated.Split(cursor.Bytes16()) };
        }

        if (version >= 4)
        {
            thread = thread with
            {
                Vtid = cursor.I64(),
                Vpid = cursor.I64(),
                Cgroups = NulSeparated.SplitCgroups(cursor.Bytes16()),
            };
        }

        if (version >= 5)
        {
            thread = thread with { Root = cursor.String16() };
        }

        return thread;
    }

    /// <summary>The fields version 9 entries gained over time, each read only when the entry length covers it.</summary>
    private static CaptureThread ReadTail(ref BlockCursor entry, CaptureThread thread)
    {
        if (entry.Remaining > Pre010Tail)
        {
            thread = thread with
            {
                PidNamespaceInitStart = entry.Fits(8) ? entry.U64() : 0,
                Tty = entry.Fits(4) ? entry.U32() : 0,
            };
        }

        thread = thread with
        {
            LoginUid = entry.Fits(4) ? entry.U32() : uint.MaxValue,
            ExeWritable = entry.Fits(1) && entry.U8() != 0,
            CapInheritable = entry.Fits(8) ? entry.U64() : 0,
            CapPermitted = entry.Fits(8) ? entry.U64() : 0,
            CapEffective = entry.Fits(8) ? entry.U64() : 0,
            ExeUpperLayer = entry.Fits(1) && entry.U8() != 0,
            ExeIno = entry.Fits(8) ? entry.U64() : 0,
            ExeInoCtime = entry.Fits(8) ? entry.U64() : 0,
            ExeInoMtime = entry.Fits(8) ? entry.U64() : 0,
            ExeFromMemfd = entry.Fits(1) && entry.U8() != 0,
            ExeLowerLayer = entry.Fits(1) && entry.U8() != 0,
            Pgid = entry.Fits(8) ? entry.I64() : -1,
        };

        // Fields of newer libs than this reader knows stay unread, as libscap skips them.
        return thread;
    }
}
