using System;
using System.Collections.Generic;

namespace Falco.Plugins.Testing.Tables;

/// <summary>
/// The schemas of libsinsp's <c>threads</c> table and the tables nested in each thread:
/// <c>file_descriptors</c> (one schema shared by every thread's fd table, so a dynamic field
/// added through one applies to all), and the list-like <c>args</c>, <c>env</c> and
/// <c>cgroups</c>. Static fields, types, read-only flags and defaults follow threadinfo.cpp
/// and fdinfo (tables.md §2.2, §2.3).
/// </summary>
internal sealed class ThreadTableSchemas : IDisposable
{
    /// <summary>PPM_CL_NAME_CHANGED: the flags libsinsp's threadinfo init() starts with.</summary>
    private const long NameChangedFlag = 131072;

    /// <summary>SCAP_FD_UNINITIALIZED (-1) as the uint8 the <c>type</c> field is read as.</summary>
    private const long UninitializedFdType = 255;

    public ThreadTableSchemas()
    {
        FileDescriptors = new TableSchema("file_descriptors", FdFields());
        Args = new TableSchema("args", [new StaticFieldSpec("value", StateType.String)]) { AllowsDynamicFields = false };
        Env = new TableSchema("env", [new StaticFieldSpec("value", StateType.String)]) { AllowsDynamicFields = false };
        Cgroups = new TableSchema("cgroups", [new StaticFieldSpec("first", StateType.String), new StaticFieldSpec("second", StateType.String)]) { AllowsDynamicFields = false };
        Threads = new TableSchema("threads", ThreadFields());
    }

    public TableSchema Threads { get; }

    public TableSchema FileDescriptors { get; }

    public TableSchema Args { get; }

    public TableSchema Env { get; }

    public TableSchema Cgroups { get; }

    /// <summary>A new, empty <c>threads</c> table keyed by tid.</summary>
    public HostTable NewThreadsTable() => new(Threads, keyField: "tid");

    public void Dispose()
    {
        Threads.Dispose();
        FileDescriptors.Dispose();
        Args.Dispose();
        Env.Dispose();
        Cgroups.Dispose();
    }

    private IEnumerable<StaticFieldSpec> ThreadFields() =>
    [
        new("tid", StateType.Int64, Default: -1),
        new("pid", StateType.Int64, Default: -1),
        new("ptid", StateType.Int64, Default: -1),
        new("reaper_tid", StateType.Int64, Default: -1),
        new("sid", StateType.Int64, Default: -1),
        new("comm", StateType.String),
        new("exe", StateType.String),
        new("exe_path", StateType.String),
        new("exe_writable", StateType.Bool),
        new("exe_upper_layer", StateType.Bool),
        new("exe_lower_layer", StateType.Bool),
        new("exe_from_memfd", StateType.Bool),
        new("args", StateType.Table, ReadOnly: true, NestedTable: () => new HostTable(Args, keyField: null, StateType.UInt64)),
        new("env", StateType.Table, ReadOnly: true, NestedTable: () => new HostTable(Env, keyField: null, StateType.UInt64)),
        new("cgroups", StateType.Table, ReadOnly: true, NestedTable: () => new HostTable(Cgroups, keyField: null, StateType.UInt64)),
        new("flags", StateType.UInt32, Default: NameChangedFlag),
        new("fd_limit", StateType.Int64, Default: -1),
        new("uid", StateType.UInt32, Default: uint.MaxValue),
        new("gid", StateType.UInt32, Default: uint.MaxValue),
        new("loginuid", StateType.UInt32, Default: uint.MaxValue),
        new("exe_ino", StateType.UInt64),
        new("exe_ino_ctime", StateType.UInt64),
        new("exe_ino_mtime", StateType.UInt64),
        new("vtid", StateType.Int64, Default: -1),
        new("vpid", StateType.Int64, Default: -1),
        new("vpgid", StateType.Int64, Default: -1),
        new("pgid", StateType.Int64, Default: -1),
        new("pidns_init_start_ts", StateType.UInt64),
        new("root", StateType.String),
        new("tty", StateType.UInt32),
        new("file_descriptors", StateType.Table, ReadOnly: true, NestedTable: () => new HostTable(FileDescriptors, keyField: "fd")),
        new("cwd", StateType.String, ReadOnly: true),
    ];

    private static IEnumerable<StaticFieldSpec> FdFields() =>
    [
        new("type", StateType.UInt8, Default: UninitializedFdType),
        new("open_flags", StateType.UInt32),
        new("name", StateType.String),
        new("name_raw", StateType.String),
        new("old_name", StateType.String),
        new("flags", StateType.UInt32),
        new("dev", StateType.UInt32),
        new("mount_id", StateType.UInt32),
        new("ino", StateType.UInt64),
        new("pid", StateType.Int64),
        new("fd", StateType.Int64, Default: -1),
        new("socket_ipv4_src_ip", StateType.UInt32),
        new("socket_ipv4_dest_dip", StateType.UInt32),
        new("socket_ipv4_src_port", StateType.UInt16),
        new("socket_ipv4_dst_port", StateType.UInt16),
        new("socket_ipv4_l4_proto", StateType.UInt8),
        new("socket_ipv6_src_ip_low", StateType.UInt64),
        new("socket_ipv6_src_ip_high", StateType.UInt64),
        new("socket_ipv6_dest_ip_low", StateType.UInt64),
        new("socket_ipv6_dest_ip_high", StateType.UInt64),
        new("socket_ipv6_src_port", StateType.UInt16),
        new("socket_ipv6_dst_port", StateType.UInt16),
        new("socket_ipv6_l4_proto", StateType.UInt8),
        new("socket_ipv4_server_ip", StateType.UInt32),
        new("socket_ipv4_server_port", StateType.UInt16),
        new("socket_ipv4_server_l4_proto", StateType.UInt8),
        new("socket_ipv6_server_ip_low", StateType.UInt64),
        new("socket_ipv6_server_ip_high", StateType.UInt64),
        new("socket_ipv6_server_port", StateType.UInt16),
        new("socket_ipv6_server_l4_proto", StateType.UInt8),
        new("socket_unix_src", StateType.UInt64),
        new("socket_unix_dest", StateType.UInt64),
    ];
}
