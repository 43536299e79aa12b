using System;
using System.Collections.Generic;
using Falco.Plugins.Testing.Tables;

namespace Falco.Plugins.Testing;

/// <summary>A thread of the host's <c>threads</c> table: typed access to the common static fields, and any field by name.</summary>
public sealed class ThreadEntry : HostTableEntry
{
    internal ThreadEntry(HostEntry entry)
        : base(entry)
    {
    }

    /// <summary>The thread id (<c>tid</c>).</summary>
    public long Tid => Value<long>("tid");

    /// <summary>The process id (<c>pid</c>).</summary>
    public long Pid { get => Value<long>("pid"); set => SetValue("pid", value); }

    /// <summary>The parent thread id (<c>ptid</c>).</summary>
    public long Ptid { get => Value<long>("ptid"); set => SetValue("ptid", value); }

    /// <summary>The session id (<c>sid</c>).</summary>
    public long Sid { get => Value<long>("sid"); set => SetValue("sid", value); }

    /// <summary>The reaper's thread id (<c>reaper_tid</c>).</summary>
    public long ReaperTid { get => Value<long>("reaper_tid"); set => SetValue("reaper_tid", value); }

    /// <summary>The command name (<c>comm</c>).</summary>
    public string Comm { get => Value<string>("comm"); set => SetValue("comm", value); }

    /// <summary>argv[0] (<c>exe</c>).</summary>
    public string Exe { get => Value<string>("exe"); set => SetValue("exe", value); }

    /// <summary>The executable path (<c>exe_path</c>).</summary>
    public string ExePath { get => Value<string>("exe_path"); set => SetValue("exe_path", value); }

    /// <summary>Whether the executable is writable by the user (<c>exe_writable</c>).</summary>
    public bool ExeWritable { get => Value<bool>("exe_writable"); set => SetValue("exe_writable", value); }

    /// <summary>The PPM_CL_* flags (<c>flags</c>).</summary>
    public uint Flags { get => Value<uint>("flags"); set => SetValue("flags", value); }

    /// <summary>The fd limit (<c>fd_limit</c>).</summary>
    public long FdLimit { get => Value<long>("fd_limit"); set => SetValue("fd_limit", value); }

    /// <summary>The user id (<c>uid</c>).</summary>
    public uint Uid { get => Value<uint>("uid"); set => SetValue("uid", value); }

    /// <summary>The group id (<c>gid</c>).</summary>
    public uint Gid { get => Value<uint>("gid"); set => SetValue("gid", value); }

    /// <summary>The login user id (<c>loginuid</c>).</summary>
    public uint LoginUid { get => Value<uint>("loginuid"); set => SetValue("loginuid", value); }

    /// <summary>The thread id in its pid namespace (<c>vtid</c>).</summary>
    public long Vtid { get => Value<long>("vtid"); set => SetValue("vtid", value); }

    /// <summary>The process id in its pid namespace (<c>vpid</c>).</summary>
    public long Vpid { get => Value<long>("vpid"); set => SetValue("vpid", value); }

    /// <summary>The process group id in its pid namespace (<c>vpgid</c>).</summary>
    public long Vpgid { get => Value<long>("vpgid"); set => SetValue("vpgid", value); }

    /// <summary>The process group id (<c>pgid</c>).</summary>
    public long Pgid { get => Value<long>("pgid"); set => SetValue("pgid", value); }

    /// <summary>The root directory (<c>root</c>).</summary>
    public string Root { get => Value<string>("root"); set => SetValue("root", value); }

    /// <summary>The controlling terminal (<c>tty</c>).</summary>
    public uint Tty { get => Value<uint>("tty"); set => SetValue("tty", value); }

    /// <summary>The working directory (<c>cwd</c>, read-only to plugins; tests may set it).</summary>
    public string Cwd { get => Value<string>("cwd"); set => SetValue("cwd", value); }

    /// <summary>The thread's file descriptors (<c>file_descriptors</c>).</summary>
    public FdTable Fds => new(Nested("file_descriptors"));

    /// <summary>The arguments (<c>args</c>, a nested table keyed by index with the field <c>value</c>).</summary>
    public IReadOnlyList<string> Args => ListTables.Read(Nested("args"), "value");

    /// <summary>The environment (<c>env</c>, like <see cref="Args"/>).</summary>
    public IReadOnlyList<string> Env => ListTables.Read(Nested("env"), "value");

    /// <summary>The cgroups as (subsystem, path) pairs (<c>cgroups</c>, fields <c>first</c> and <c>second</c>).</summary>
    public IReadOnlyList<(string Subsystem, string Path)> Cgroups
    {
        get
        {
            IReadOnlyList<string> subsystems = ListTables.Read(Nested("cgroups"), "first");
            IReadOnlyList<string> paths = ListTables.Read(Nested("cgroups"), "second");
            var pairs = new List<(string, string)>();
            for (int i = 0; i < subsystems.Count; i++)
            {
                pairs.Add((subsystems[i], paths[i]));
            }

            return pairs;
        }
    }

    /// <summary>Replaces the arguments.</summary>
    public void SetArgs(params string[] args) => ListTables.Write(Nested("args"), ("value", args));

    /// <summary>Replaces the environment (<c>NAME=value</c> strings).</summary>
    public void SetEnv(params string[] env) => ListTables.Write(Nested("env"), ("value", env));

    /// <summary>Replaces the cgroups.</summary>
    public void SetCgroups(params (string Subsystem, string Path)[] cgroups)
    {
        ArgumentNullException.ThrowIfNull(cgroups);
        string[] subsystems = Array.ConvertAll(cgroups, cgroup => cgroup.Subsystem);
        string[] paths = Array.ConvertAll(cgroups, cgroup => cgroup.Path);
        ListTables.Write(Nested("cgroups"), ("first", subsystems), ("second", paths));
    }

    /// <inheritdoc />
    public override string ToString() => $"thread {Tid} ({Comm})";

    private protected override object NestedView(FieldDefinition field, HostTable table) => field.Name switch
    {
        "file_descriptors" => new FdTable(table),
        "cgroups" => Cgroups,
        _ => ListTables.Read(table, "value"),
    };
}
