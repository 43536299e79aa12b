using Falco.Plugins.Testing.Captures;
using Falco.Plugins.Testing.Tables;

namespace Falco.Plugins.Testing;

/// <summary>
/// The host's <c>threads</c> table (key INT64 tid), with libsinsp's static fields; plugins
/// reach it with <c>get_table("threads", SS_PLUGIN_ST_INT64)</c>.
/// </summary>
public sealed class ThreadTable : HostTableView<ThreadEntry>
{
    internal ThreadTable(TableRegistry registry)
        : base(registry.Threads)
    {
    }

    /// <summary>
    /// Adds a thread (replacing any with that tid), as if libsinsp had learned of it. Fields not
    /// given keep libsinsp's defaults for a new thread (uid/gid/loginuid 0xffffffff, ptid -1, …).
    /// </summary>
    /// <param name="tid">The thread id (the key, and the <c>tid</c> field).</param>
    /// <param name="comm">The command name.</param>
    /// <param name="exe">argv[0].</param>
    /// <param name="exePath">The executable path (<c>exe_path</c>).</param>
    /// <param name="pid">The process id; the tid when not given (a main thread).</param>
    /// <param name="ptid">The parent thread id.</param>
    /// <param name="cwd">The working directory (read-only to plugins).</param>
    /// <param name="uid">The user id.</param>
    /// <param name="gid">The group id.</param>
    public ThreadEntry Add(long tid, string comm = "", string exe = "", string exePath = "", long? pid = null, long ptid = -1, string cwd = "", uint? uid = null, uint? gid = null)
    {
        var thread = new ThreadEntry(Insert(tid))
        {
            Comm = comm,
            Exe = exe,
            ExePath = exePath,
            Pid = pid ?? tid,
            Ptid = ptid,
            Cwd = cwd,
        };
        if (uid is { } userId)
        {
            thread.Uid = userId;
        }

        if (gid is { } groupId)
        {
            thread.Gid = groupId;
        }

        return thread;
    }

    /// <summary>
    /// Adds a thread of a capture's process list with its file descriptors (replacing any with
    /// that tid), as libsinsp does when it opens the capture: the environment and working
    /// directory go to main threads only, and the flags gain PPM_CL_ACTIVE.
    /// </summary>
    public ThreadEntry Add(CaptureThread thread)
    {
        System.ArgumentNullException.ThrowIfNull(thread);
        return ThreadSeeding.Add(this, thread);
    }

    private protected override ThreadEntry View(HostEntry entry) => new(entry);
}
