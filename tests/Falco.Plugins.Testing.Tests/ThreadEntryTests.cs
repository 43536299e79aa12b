using Falco.Plugins.Testing.Tests.Infrastructure;

namespace Falco.Plugins.Testing.Tests;

/// <summary>The reader and writer on the threads table: lookups, reads of each type, writes, and entry management.</summary>
public sealed unsafe class ThreadEntryTests : System.IDisposable
{
    private readonly PluginHost _host = new();
    private readonly TablesClient _client;
    private readonly TableInput* _threads;

    public ThreadEntryTests()
    {
        _host.Threads.Add(100, comm: "bash", exe: "/bin/bash", pid: 100, uid: 1000);
        _host.Threads.Add(101, comm: "worker", pid: 100);
        _host.Threads[101].ExeWritable = true;
        _client = new TablesClient(_host);
        _threads = _client.GetTable("threads", TableAbi.Int64);
    }

    [Fact]
    public void Size_and_reads_of_each_type_see_the_seeded_threads()
    {
        void* entry = _client.GetEntry(_threads, 101L);

        Assert.Equal(2UL, _client.Size(_threads));
        Assert.Equal(101L, _client.Read(_threads, entry, Field("tid", TableAbi.Int64)).S64);
        Assert.Equal(100L, _client.Read(_threads, entry, Field("pid", TableAbi.Int64)).S64);
        Assert.Equal("worker", _client.ReadString(_threads, entry, Field("comm", TableAbi.String)));
        Assert.Equal(uint.MaxValue, _client.Read(_threads, entry, Field("uid", TableAbi.UInt32)).U32);
        Assert.Equal(1000u, _client.Read(_threads, _client.GetEntry(_threads, 100L), Field("uid", TableAbi.UInt32)).U32);
    }

    [Fact]
    public void A_bool_reads_as_a_four_byte_ss_plugin_bool_with_the_rest_zeroed()
    {
        StateData value = _client.Read(_threads, _client.GetEntry(_threads, 101L), Field("exe_writable", TableAbi.Bool));

        Assert.Equal(1UL, value.U64);
    }

    [Fact]
    public void A_missing_thread_gives_NULL_and_libsinsps_message()
    {
        Assert.True(_client.TryGetEntry(_threads, 999L) is null);
        Assert.Equal("get_entry found no element at given key", _client.OwnerError);
    }

    [Fact]
    public void Writes_are_seen_by_the_host_and_by_later_reads()
    {
        void* entry = _client.GetEntry(_threads, 100L);
        _client.WriteString(_threads, entry, Field("comm", TableAbi.String), "zsh");
        _client.Write(_threads, entry, Field("vpid", TableAbi.Int64), new StateData { S64 = 12 });
        _client.Write(_threads, entry, Field("exe_writable", TableAbi.Bool), new StateData { B = 7 });

        Assert.Equal("zsh", _host.Threads[100].Comm);
        Assert.Equal(12L, _host.Threads[100].Vpid);
        Assert.True(_host.Threads[100].ExeWritable);
        Assert.Equal("zsh", _client.ReadString(_threads, entry, Field("comm", TableAbi.String)));
    }

    [Fact]
    public void A_read_only_field_can_be_read_but_not_written()
    {
        _host.Threads[100].Cwd = "/home";
        void* entry = _client.GetEntry(_threads, 100L);
        void* cwd = Field("cwd", TableAbi.String);

        Assert.Equal("/home", _client.ReadString(_threads, entry, cwd));
        Assert.Equal(TableAbi.Failure, _client.TryWriteString(_threads, entry, cwd, "/tmp"));
        Assert.Equal("can't set a read-only static struct field: cwd", _client.OwnerError);
        Assert.Equal("/home", _host.Threads[100].Cwd);
    }

    [Fact]
    public void A_table_field_cannot_be_written()
    {
        void* entry = _client.GetEntry(_threads, 100L);

        Assert.Equal(TableAbi.Failure, _client.TryWrite(_threads, entry, Field("file_descriptors", TableAbi.Table), default));
        Assert.Equal("writing to table fields is currently not supported", _client.OwnerError);
    }

    [Fact]
    public void A_created_entry_added_under_a_key_becomes_a_thread_whose_tid_is_the_key()
    {
        void* created = _client.Create(_threads);
        Assert.True(created is not null, _client.OwnerError);
        Assert.Equal(-1L, _client.Read(_threads, created, Field("pid", TableAbi.Int64)).S64);

        void* added = _client.Add(_threads, 200L, created);
        _client.WriteString(_threads, added, Field("comm", TableAbi.String), "new");
        _client.Release(_threads, added);

        Assert.Equal(3UL, _client.Size(_threads));
        Assert.Equal(200L, _host.Threads[200].Tid);
        Assert.Equal("new", _host.Threads[200].Comm);
        Assert.Equal("new", _client.ReadString(_threads, _client.GetEntry(_threads, 200L), Field("comm", TableAbi.String)));
    }

    [Fact]
    public void A_new_thread_reads_libsinsps_defaults()
    {
        void* created = _client.Create(_threads);

        Assert.Equal("", _client.ReadString(_threads, created, Field("comm", TableAbi.String)));
        Assert.Equal(-1L, _client.Read(_threads, created, Field("ptid", TableAbi.Int64)).S64);
        Assert.Equal(uint.MaxValue, _client.Read(_threads, created, Field("loginuid", TableAbi.UInt32)).U32);
        Assert.Equal(131072u, _client.Read(_threads, created, Field("flags", TableAbi.UInt32)).U32);
        Assert.Equal(0UL, _client.Size(_client.Read(_threads, created, Field("file_descriptors", TableAbi.Table)).Table));
    }

    [Fact]
    public void Adding_under_an_existing_key_replaces_the_entry()
    {
        void* created = _client.Create(_threads);
        _client.WriteString(_threads, created, Field("comm", TableAbi.String), "replacement");

        _client.Add(_threads, 100L, created);

        Assert.Equal(2UL, _client.Size(_threads));
        Assert.Equal("replacement", _host.Threads[100].Comm);
        Assert.Equal("", _host.Threads[100].Exe);
    }

    [Fact]
    public void Add_and_destroy_refuse_entries_that_were_not_created()
    {
        void* existing = _client.GetEntry(_threads, 100L);

        Assert.True(_client.TryAdd(_threads, 5L, existing) is null);
        Assert.Equal("add_entry called on entry not created by create_table_entry", _client.OwnerError);
        _client.Destroy(_threads, existing);
        Assert.Equal("destroy_table_entry called on entry not created by create_table_entry", _client.OwnerError);
    }

    [Fact]
    public void A_destroyed_entry_is_gone_and_cannot_be_added()
    {
        void* created = _client.Create(_threads);
        _client.Destroy(_threads, created);

        Assert.True(_client.TryAdd(_threads, 300L, created) is null);
        Assert.Equal(2UL, _client.Size(_threads));
    }

    [Fact]
    public void Erase_removes_a_thread_and_fails_for_a_missing_one()
    {
        Assert.Equal(TableAbi.Success, _client.Erase(_threads, 101L));
        Assert.False(_host.Threads.Contains(101));

        Assert.Equal(TableAbi.Failure, _client.Erase(_threads, 101L));
        Assert.Equal("table entry not found", _client.OwnerError);
    }

    [Fact]
    public void Clear_removes_every_thread()
    {
        Assert.Equal(TableAbi.Success, _client.Clear(_threads));

        Assert.Equal(0UL, _client.Size(_threads));
        Assert.Equal(0, _host.Threads.Count);
    }

    [Fact]
    public void Errors_are_not_cleared_by_later_successful_calls()
    {
        _client.TryGetEntry(_threads, 999L);

        _client.GetEntry(_threads, 100L);

        Assert.Equal("get_entry found no element at given key", _client.OwnerError);
    }

    [Fact]
    public void Each_plugin_gets_its_own_errors()
    {
        using var other = new TablesClient(_host, "other");

        _client.TryGetEntry(_threads, 999L);

        Assert.Null(other.OwnerError);
    }

    public void Dispose()
    {
        _client.Dispose();
        _host.Dispose();
    }

    private void* Field(string name, uint type) => _client.GetField(_threads, name, type);
}
