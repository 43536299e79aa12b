using System.Collections.Generic;
using Falco.Plugins.Testing.Tests.Infrastructure;

namespace Falco.Plugins.Testing.Tests;

/// <summary>Each thread's file_descriptors table, read as a table-typed field, and the nested-field technique plugins use at init.</summary>
public sealed unsafe class NestedTableTests : System.IDisposable
{
    private readonly PluginHost _host = new();
    private readonly TablesClient _client;
    private readonly TableInput* _threads;
    private readonly void* _fds;

    public NestedTableTests()
    {
        ThreadEntry bash = _host.Threads.Add(10, comm: "bash");
        bash.Fds.Add(0, name: "/dev/pts/0", type: FdType.File);
        bash.Fds.Add(3, name: "/etc/passwd", type: FdType.FileV2, openFlags: 1);
        _host.Threads.Add(20, comm: "cat").Fds.Add(1, name: "pipe:[42]", type: FdType.Fifo);
        _client = new TablesClient(_host);
        _threads = _client.GetTable("threads", TableAbi.Int64);
        _fds = _client.GetField(_threads, "file_descriptors", TableAbi.Table);
    }

    [Fact]
    public void A_table_field_reads_as_an_input_for_the_threads_own_fd_table()
    {
        TableInput* fds = FdsOf(10);

        Assert.Equal("file_descriptors", TablesClient.Str(fds->Name));
        Assert.Equal(TableAbi.Int64, fds->KeyType);
        Assert.True(fds->ReaderExt is not null && fds->WriterExt is not null && fds->FieldsExt is not null);
        Assert.Equal("file_descriptors", _client.TableName(fds));
        Assert.Equal(2UL, _client.Size(fds));
        Assert.Equal(1UL, _client.Size(FdsOf(20)));
    }

    [Fact]
    public void Fd_entries_read_with_libsinsps_field_types()
    {
        TableInput* fds = FdsOf(10);
        void* entry = _client.GetEntry(fds, 3L);

        Assert.Equal("/etc/passwd", _client.ReadString(fds, entry, _client.GetField(fds, "name", TableAbi.String)));
        Assert.Equal((byte)FdType.FileV2, _client.Read(fds, entry, _client.GetField(fds, "type", TableAbi.UInt8)).U8);
        Assert.Equal(1u, _client.Read(fds, entry, _client.GetField(fds, "open_flags", TableAbi.UInt32)).U32);
        Assert.Equal(3L, _client.Read(fds, entry, _client.GetField(fds, "fd", TableAbi.Int64)).S64);
        Assert.Equal(0UL, _client.Read(fds, entry, _client.GetField(fds, "ino", TableAbi.UInt64)).U64);
        Assert.Equal(0u, _client.Read(fds, entry, _client.GetField(fds, "mount_id", TableAbi.UInt32)).U32);
    }

    [Fact]
    public void Fds_added_through_the_nested_handle_appear_in_the_threads_table()
    {
        TableInput* fds = FdsOf(20);
        void* added = _client.Add(fds, 5L, _client.Create(fds));
        _client.WriteString(fds, added, _client.GetField(fds, "name", TableAbi.String), "/tmp/out");
        _client.Release(fds, added);

        Assert.Equal("/tmp/out", _host.Threads[20].Fds[5].Name);
        Assert.Equal(5L, _host.Threads[20].Fds[5].Fd);
        Assert.Equal(TableAbi.Success, _client.Erase(fds, 1L));
        Assert.False(_host.Threads[20].Fds.Contains(1));
        Assert.Equal(TableAbi.Success, _client.Clear(FdsOf(10)));
        Assert.Equal(0, _host.Threads[10].Fds.Count);
    }

    [Fact]
    public void A_dynamic_field_added_through_one_threads_fds_applies_to_every_fd_table()
    {
        TableInput* bashFds = FdsOf(10);
        void* verdict = _client.AddField(bashFds, "verdict", TableAbi.String);
        TableInput* catFds = FdsOf(20);

        _client.WriteString(catFds, _client.GetEntry(catFds, 1L), verdict, "ok");
        ThreadEntry later = _host.Threads.Add(30);
        later.Fds.Add(9)["verdict"] = "new";

        Assert.Equal("ok", _host.Threads[20].Fds[1]["verdict"]);
        Assert.Equal("", _host.Threads[10].Fds[0]["verdict"]);
        Assert.True(verdict == _client.GetField(FdsOf(30), "verdict", TableAbi.String));
        Assert.Equal("new", _client.ReadString(FdsOf(30), _client.GetEntry(FdsOf(30), 9L), verdict));
    }

    [Fact]
    public void Field_handles_resolved_through_a_temporary_thread_at_init_work_on_every_threads_fds()
    {
        // The technique of libsinsp's syscall_subtables test, the Rust SDK and the C++ SDK.
        void* temporary = _client.Create(_threads);
        TableInput* emptyFds = _client.Read(_threads, temporary, _fds).Table;
        Assert.Equal(0UL, _client.Size(emptyFds));
        void* name = _client.GetField(emptyFds, "name", TableAbi.String);
        void* seen = _client.AddField(emptyFds, "seen", TableAbi.Bool);
        _client.Destroy(_threads, temporary);
        _client.Plugin.EndCallback();

        TableInput* fds = FdsOf(10);
        void* entry = _client.GetEntry(fds, 3L);
        _client.Write(fds, entry, seen, new StateData { B = 1 });

        Assert.Equal("/etc/passwd", _client.ReadString(fds, entry, name));
        Assert.Equal(true, _host.Threads[10].Fds[3]["seen"]);
    }

    [Fact]
    public void A_field_of_the_threads_table_is_refused_on_an_fd_table()
    {
        TableInput* fds = FdsOf(10);

        Assert.Equal(TableAbi.Failure, _client.TryRead(fds, _client.GetEntry(fds, 0L), _client.GetField(_threads, "comm", TableAbi.String), out _));
        Assert.Equal("field 'comm' does not belong to table 'file_descriptors'", _client.OwnerError);
    }

    [Fact]
    public void Iterating_an_fd_table_visits_its_fds()
    {
        TableInput* fds = FdsOf(10);
        void* name = _client.GetField(fds, "name", TableAbi.String);
        var names = new List<string?>();

        Iteration.Run(TablesClient.Reader, fds, entry =>
        {
            names.Add(_client.ReadString(fds, (void*)entry, name));
            return true;
        });

        Assert.Equal(["/dev/pts/0", "/etc/passwd"], names);
    }

    [Fact]
    public void The_list_like_nested_tables_hold_args_env_and_cgroups()
    {
        _host.Threads[10].SetArgs("-c", "ls");
        _host.Threads[10].SetCgroups(("cpu", "/user.slice"));
        TableInput* args = _client.Read(_threads, _client.GetEntry(_threads, 10L), _client.GetField(_threads, "args", TableAbi.Table)).Table;
        TableInput* cgroups = _client.Read(_threads, _client.GetEntry(_threads, 10L), _client.GetField(_threads, "cgroups", TableAbi.Table)).Table;

        Assert.Equal(TableAbi.UInt64, args->KeyType);
        Assert.Equal("ls", _client.ReadString(args, _client.GetEntry(args, 1UL), _client.GetField(args, "value", TableAbi.String)));
        Assert.Equal("/user.slice", _client.ReadString(cgroups, _client.GetEntry(cgroups, 0UL), _client.GetField(cgroups, "second", TableAbi.String)));
        Assert.True(_client.TryAddField(args, "extra", TableAbi.String) is null);
        Assert.Equal("can't add dynamic fields to stl_container_table_adapter", _client.OwnerError);
        Assert.Equal(["-c", "ls"], _host.Threads[10].Args);
    }

    public void Dispose()
    {
        _client.Dispose();
        _host.Dispose();
    }

    private TableInput* FdsOf(long tid) => _client.Read(_threads, _client.GetEntry(_threads, tid), _fds).Table;
}
