using Falco.Plugins.Testing.Tests.Infrastructure;

namespace Falco.Plugins.Testing.Tests;

/// <summary>
/// libsinsp's collection after every callback: entry handles and nested-table handles die when
/// the callback returns; table and field handles live as long as the plugin.
/// </summary>
public sealed unsafe class HandleLifetimeTests : System.IDisposable
{
    private readonly PluginHost _host = new();
    private readonly TablesClient _client;
    private readonly TableInput* _threads;

    public HandleLifetimeTests()
    {
        _host.Threads.Add(1, comm: "init").Fds.Add(0, name: "/dev/null");
        _client = new TablesClient(_host);
        _threads = _client.GetTable("threads", TableAbi.Int64);
    }

    [Fact]
    public void An_entry_handle_is_invalid_after_the_callback_that_obtained_it()
    {
        void* comm = _client.GetField(_threads, "comm", TableAbi.String);
        void* entry = _client.GetEntry(_threads, 1L);
        Assert.Equal(1, _client.Plugin.LiveEntryHandles);

        _client.Plugin.EndCallback();

        Assert.Equal(0, _client.Plugin.LiveEntryHandles);
        Assert.Equal(TableAbi.Failure, _client.TryRead(_threads, entry, comm, out _));
        Assert.Equal("invalid table entry handle: it was released, or obtained in a callback that has returned", _client.OwnerError);
    }

    [Fact]
    public void A_released_entry_handle_is_invalid_at_once()
    {
        void* comm = _client.GetField(_threads, "comm", TableAbi.String);
        void* entry = _client.GetEntry(_threads, 1L);

        _client.Release(_threads, entry);

        Assert.Equal(0, _client.Plugin.LiveEntryHandles);
        Assert.Equal(TableAbi.Failure, _client.TryRead(_threads, entry, comm, out _));
    }

    [Fact]
    public void A_created_entry_never_added_is_destroyed_with_the_callback()
    {
        void* created = _client.Create(_threads);

        _client.Plugin.EndCallback();

        Assert.True(_client.TryAdd(_threads, 2L, created) is null);
        Assert.Equal("add_entry called on entry not created by create_table_entry", _client.OwnerError);
        Assert.Equal(1, _host.Threads.Count);
    }

    [Fact]
    public void A_nested_table_handle_is_unset_after_the_callback_that_read_it()
    {
        TableInput* fds = _client.Read(_threads, _client.GetEntry(_threads, 1L), _client.GetField(_threads, "file_descriptors", TableAbi.Table)).Table;
        Assert.Equal(1UL, _client.Size(fds));
        Assert.Equal(1, _client.Plugin.LiveNestedTableHandles);

        _client.Plugin.EndCallback();

        Assert.Equal(0, _client.Plugin.LiveNestedTableHandles);
        Assert.True(fds->Name is null, "libsinsp unsets the name of a dead nested handle");
        Assert.Equal(ulong.MaxValue, _client.Size(fds));
        Assert.Equal("invalid table handle: nested table handles are valid only during the callback that read them", _client.OwnerError);
    }

    [Fact]
    public void Table_and_field_handles_outlive_callbacks()
    {
        void* comm = _client.GetField(_threads, "comm", TableAbi.String);

        _client.Plugin.EndCallback();

        Assert.True(_threads == _client.GetTable("threads", TableAbi.Int64));
        Assert.Equal("init", _client.ReadString(_threads, _client.GetEntry(_threads, 1L), comm));
    }

    [Fact]
    public void Handles_of_one_plugin_mean_nothing_to_another()
    {
        using var other = new TablesClient(_host, "other");
        TableInput* otherThreads = other.GetTable("threads", TableAbi.Int64);
        void* mine = _client.GetEntry(_threads, 1L);

        Assert.Equal(TableAbi.Failure, other.TryRead(otherThreads, mine, other.GetField(otherThreads, "comm", TableAbi.String), out _));
        Assert.Equal(TableAbi.Failure, other.TryRead(otherThreads, other.GetEntry(otherThreads, 1L), _client.GetField(_threads, "comm", TableAbi.String), out _));
        Assert.Equal("invalid table field handle: it was not obtained by this plugin with get_table_field or add_table_field", other.OwnerError);
    }

    public void Dispose()
    {
        _client.Dispose();
        _host.Dispose();
    }
}
