using System.Collections.Generic;
using System.Linq;
using Falco.Plugins.Testing.Tests.Infrastructure;

namespace Falco.Plugins.Testing.Tests;

/// <summary>
/// A table added by one plugin, used by another through the host's wrapper: calls reach the
/// owner's functions, and the owner's get_last_error becomes the caller's error on NULL,
/// FAILURE and (uint64)-1, as libsinsp's plugin_table_wrapper does.
/// </summary>
public sealed unsafe class PluginOwnedTableTests : System.IDisposable
{
    private readonly PluginHost _host = new();
    private readonly ExportedTable _exported = new("exported");
    private readonly TablesClient _owner;
    private readonly TablesClient _user;
    private readonly TableInput* _table;

    public PluginOwnedTableTests()
    {
        _owner = new TablesClient(_host, "owner", ExportedTable.GetLastErrorFunction, _exported.State);
        TableInput* input = _exported.NewInput();
        Assert.Equal(TableAbi.Success, _owner.TryAddTable(input));
        ExportedTable.FreeInput(input);
        _exported.Rows[1] = new ExportedTable.Row { Count = 10, Label = "one", Id = 1 };
        _exported.Rows[2] = new ExportedTable.Row { Count = 20, Label = "two", Id = 2 };
        _user = new TablesClient(_host, "user");
        _table = _user.GetTable("exported", TableAbi.UInt64);
    }

    [Fact]
    public void The_user_gets_a_host_handle_with_the_owners_name_and_key_type()
    {
        Assert.True(_table->Table != (void*)_exported.State, "the user must get the host's wrapper, not the owner's table pointer");
        Assert.Equal("exported", TablesClient.Str(_table->Name));
        Assert.Equal(TableAbi.UInt64, _table->KeyType);
        Assert.Equal("exported", _user.TableName(_table));
    }

    [Fact]
    public void Reads_reach_the_owners_rows()
    {
        void* count = _user.GetField(_table, "count", TableAbi.UInt64);
        void* label = _user.GetField(_table, "label", TableAbi.String);
        void* entry = _user.GetEntry(_table, 2UL);

        Assert.Equal(2UL, _user.Size(_table));
        Assert.Equal(20UL, _user.Read(_table, entry, count).U64);
        Assert.Equal("two", _user.ReadString(_table, entry, label));
        Assert.Equal([("count", TableAbi.UInt64, false), ("label", TableAbi.String, false), ("id", TableAbi.UInt64, true)], _user.ListFields(_table));
    }

    [Fact]
    public void Writes_creates_adds_erases_and_clears_reach_the_owner()
    {
        void* count = _user.GetField(_table, "count", TableAbi.UInt64);
        void* label = _user.GetField(_table, "label", TableAbi.String);
        _user.Write(_table, _user.GetEntry(_table, 1UL), count, new StateData { U64 = 11 });

        void* created = _user.Create(_table);
        void* added = _user.TryAdd(_table, 5UL, created);
        Assert.True(added is not null, _user.OwnerError);
        _user.WriteString(_table, added, label, "five");

        Assert.Equal(11UL, _exported.Rows[1].Count);
        Assert.Equal("five", _exported.Rows[5].Label);
        Assert.Equal(TableAbi.Success, _user.Erase(_table, 2UL));
        Assert.Equal([1UL, 5UL], _exported.Rows.Keys);
        Assert.Equal(TableAbi.Success, _user.Clear(_table));
        Assert.Empty(_exported.Rows);
    }

    [Fact]
    public void A_missing_entry_gives_the_owners_error_to_the_user()
    {
        Assert.True(_user.TryGetEntry(_table, 9UL) is null);

        Assert.Equal("no row 9", _user.OwnerError);
        Assert.Null(_owner.OwnerError);
    }

    [Fact]
    public void A_failed_write_gives_the_owners_error_to_the_user()
    {
        void* count = _user.GetField(_table, "count", TableAbi.UInt64);
        void* entry = _user.GetEntry(_table, 1UL);

        Assert.Equal(TableAbi.Failure, _user.TryWrite(_table, entry, count, new StateData { U64 = 1000 }));
        Assert.Equal("count too large", _user.OwnerError);
    }

    [Fact]
    public void A_failed_size_gives_minus_one_and_the_owners_error()
    {
        _exported.FailSize = true;

        Assert.Equal(ulong.MaxValue, _user.Size(_table));
        Assert.Equal("size unavailable", _user.OwnerError);
    }

    [Fact]
    public void Failed_erase_field_lookup_and_field_addition_give_the_owners_errors()
    {
        Assert.Equal(TableAbi.Failure, _user.Erase(_table, 42UL));
        Assert.Equal("no row to erase", _user.OwnerError);
        Assert.True(_user.TryGetField(_table, "count", TableAbi.String) is null);
        Assert.Equal("no field count of type 9", _user.OwnerError);
        Assert.True(_user.TryAddField(_table, "extra", TableAbi.UInt64) is null);
        Assert.Equal("fixed schema", _user.OwnerError);
    }

    [Fact]
    public void Other_result_codes_pass_through_without_touching_the_error()
    {
        void* id = _user.GetField(_table, "id", TableAbi.UInt64);
        void* entry = _user.GetEntry(_table, 1UL);
        _user.Plugin.OwnerLastError = "earlier";

        Assert.Equal(TableAbi.NotSupported, _user.TryWrite(_table, entry, id, new StateData { U64 = 5 }));
        Assert.Equal("earlier", _user.OwnerError);
    }

    [Fact]
    public void Adding_a_table_typed_field_is_refused_before_the_owner_sees_it()
    {
        Assert.True(_user.TryAddField(_table, "nested", TableAbi.Table) is null);

        Assert.Equal("can't add dynamic field of type table: nested", _user.OwnerError);
        Assert.Null(_exported.LastError);
    }

    [Fact]
    public void Iteration_goes_through_the_owners_rows_and_stops_when_asked()
    {
        void* label = _user.GetField(_table, "label", TableAbi.String);
        var seen = new List<string?>();

        uint all = Iteration.Run(TablesClient.Reader, _table, entry =>
        {
            seen.Add(_user.ReadString(_table, (void*)entry, label));
            return true;
        });
        uint stopped = Iteration.Run(TablesClient.Reader, _table, _ => false);

        Assert.Equal(1u, all);
        Assert.Equal(["one", "two"], seen);
        Assert.Equal(0u, stopped);
    }

    [Fact]
    public void Entries_the_user_keeps_are_released_to_the_owner_when_the_callback_ends()
    {
        _user.GetEntry(_table, 1UL);
        _user.GetEntry(_table, 2UL);
        _user.Create(_table);
        Assert.Equal(3, _exported.LiveEntries);

        _user.Plugin.EndCallback();

        Assert.Equal(0, _exported.LiveEntries);
    }

    [Fact]
    public void The_host_view_reads_and_writes_the_owners_table()
    {
        StateTable view = _host.GetTable("exported");
        view.Write(1UL, "label", "uno");

        Assert.Equal("owner", view.AddedBy);
        Assert.Equal(2UL, view.Count);
        Assert.Equal("uno", _exported.Rows[1].Label);
        Assert.Equal(20UL, view.Read(2UL, "count"));
        Assert.True(view.Contains(2UL));
        Assert.False(view.Contains(3UL));
        Assert.Equal(["uno", "two"], view.ReadAll().Select(row => row["label"]));
        PluginHostException error = Assert.Throws<PluginHostException>(() => view.Write(1UL, "count", 500UL));
        Assert.Equal("table 'exported': count too large", error.Message);
    }

    [Fact]
    public void When_the_owner_is_destroyed_its_table_leaves_the_registry_and_handles_fail_with_a_message()
    {
        _owner.Dispose();

        Assert.DoesNotContain("exported", _host.Tables.Select(table => table.Name));
        Assert.Equal(ulong.MaxValue, _user.Size(_table));
        Assert.Equal("table 'exported' is gone: plugin 'owner' that added it was destroyed", _user.OwnerError);
        Assert.True(_user.TryGetTable("exported", TableAbi.UInt64) is null);
    }

    [Fact]
    public void A_table_re_added_under_the_name_of_a_dropped_one_gets_a_new_handle_and_the_old_one_keeps_failing()
    {
        _owner.Dispose();
        using var replacement = new ExportedTable("exported");
        replacement.Rows[1] = new ExportedTable.Row();
        using var newOwner = new TablesClient(_host, "new-owner", ExportedTable.GetLastErrorFunction, replacement.State);
        TableInput* input = replacement.NewInput();
        Assert.Equal(TableAbi.Success, newOwner.TryAddTable(input));
        ExportedTable.FreeInput(input);

        TableInput* fresh = _user.GetTable("exported", TableAbi.UInt64);

        Assert.True(fresh != _table);
        Assert.Equal(1UL, _user.Size(fresh));
        Assert.Equal(ulong.MaxValue, _user.Size(_table));
        Assert.Equal("table 'exported' is gone: plugin 'owner' that added it was destroyed", _user.OwnerError);
    }

    public void Dispose()
    {
        _user.Dispose();
        _owner.Dispose();
        _host.Dispose();
        _exported.Dispose();
    }
}
