using System;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Falco.Plugins.Abi;
using Falco.Plugins.Tables;

namespace Falco.Plugins.Tests.Tables;

/// <summary>Tables a plugin exports, driven through the callbacks other plugins and the framework call.</summary>
public sealed unsafe class ExportedTableTests
{
    [Fact]
    public void Publishing_fills_a_table_input_whose_deprecated_vtables_equal_the_extended_ones()
    {
        using var harness = new ExportedTableHarness<long>(new ExportedTable<long>("counts"));
        TableInput* input = harness.Input;

        Assert.Equal("counts", Marshal.PtrToStringUTF8((nint)input->Name));
        Assert.Equal(StateType.Int64, input->KeyType);
        // The framework compares the addresses: libsinsp refuses a table whose copies differ.
        Assert.Equal((nint)input->Reader.GetTableEntry, (nint)input->ReaderExt->GetTableEntry);
        Assert.Equal((nint)input->Reader.ReadEntryField, (nint)input->ReaderExt->ReadEntryField);
        Assert.Equal((nint)input->Writer.WriteEntryField, (nint)input->WriterExt->WriteEntryField);
        Assert.Equal((nint)input->Writer.AddTableEntry, (nint)input->WriterExt->AddTableEntry);
        Assert.Equal((nint)input->Fields.AddTableField, (nint)input->FieldsExt->AddTableField);
        Assert.True(input->ReaderExt->IterateEntries is not null && input->ReaderExt->ReleaseTableEntry is not null);
        Assert.Equal("counts", Marshal.PtrToStringUTF8((nint)input->ReaderExt->GetTableName(input->Table)));
    }

    [Fact]
    public void Other_plugins_read_what_the_owner_writes_and_the_owner_reads_what_they_write()
    {
        var table = new ExportedTable<long>("counts");
        ExportedField<ulong> events = table.AddField<ulong>("events");
        ExportedField<string> comm = table.AddField<string>("comm");
        ExportedField<bool> flag = table.AddField<bool>("flag");
        ExportedField<short> small = table.AddField<short>("small");
        using var harness = new ExportedTableHarness<long>(table);
        ExportedEntry<long> owned = table.GetOrAdd(42);
        owned.Set(events, 7UL);
        owned.Set(comm, "bash");
        owned.Set(small, (short)-3);

        void* entry = harness.GetEntry(ExportedTableHarness<long>.Key(42));
        Assert.True(entry is not null);
        Assert.Equal(7UL, harness.Read(entry, harness.GetField("events", StateType.UInt64)).U64);
        Assert.Equal("bash", ExportedTableHarness<long>.String(harness.Read(entry, harness.GetField("comm", StateType.String))));
        Assert.Equal((short)-3, harness.Read(entry, harness.GetField("small", StateType.Int16)).S16);
        Assert.Equal(0u, harness.Read(entry, harness.GetField("flag", StateType.Bool)).B);

        Assert.Equal(PluginRc.Success, harness.Write(entry, harness.GetField("events", StateType.UInt64), new StateData { U64 = 9 }));
        Assert.Equal(PluginRc.Success, harness.Write(entry, harness.GetField("comm", StateType.String), new StateData { Str = harness.Utf8("zsh") }));
        Assert.Equal(PluginRc.Success, harness.Write(entry, harness.GetField("flag", StateType.Bool), new StateData { B = 1 }));
        harness.Reader->ReleaseTableEntry(harness.T, entry);

        Assert.Equal(9UL, owned.Get(events));
        Assert.Equal("zsh", owned.Get(comm));
        Assert.True(owned.Get(flag));
    }

    [Fact]
    public void A_missing_key_or_field_returns_null_with_a_reported_error()
    {
        var table = new ExportedTable<long>("counts");
        table.AddField<ulong>("events");
        using var harness = new ExportedTableHarness<long>(table);

        Assert.True(harness.GetEntry(ExportedTableHarness<long>.Key(5)) is null);
        Assert.True(harness.GetField("missing", StateType.UInt64) is null);
        Assert.True(harness.GetField("events", StateType.String) is null);

        Assert.Equal(
            ["table 'counts' has no entry with key 5", "table 'counts' has no field 'missing'", "field 'events' of table 'counts' is uint64, not string"],
            harness.Errors);
    }

    [Fact]
    public void Read_only_fields_refuse_writes_from_other_plugins_but_not_from_the_owner()
    {
        var table = new ExportedTable<long>("counts");
        ExportedField<ulong> events = table.AddField<ulong>("events", readOnly: true);
        using var harness = new ExportedTableHarness<long>(table);
        table.GetOrAdd(1).Set(events, 3UL);

        void* entry = harness.GetEntry(ExportedTableHarness<long>.Key(1));
        PluginRc rc = harness.Write(entry, harness.GetField("events", StateType.UInt64), new StateData { U64 = 4 });
        harness.Reader->ReleaseTableEntry(harness.T, entry);

        Assert.Equal(PluginRc.Failure, rc);
        Assert.Equal("field 'events' of table 'counts' is read-only", Assert.Single(harness.Errors));
        Assert.Equal(3UL, table.GetOrAdd(1).Get(events));
        uint count;
        TableFieldInfo* fields = harness.Fields->ListTableFields(harness.T, &count);
        Assert.Equal(1u, count);
        Assert.Equal(1u, fields[0].ReadOnly);
    }

    [Fact]
    public void Dynamic_fields_added_by_another_plugin_appear_on_every_entry_and_to_the_owner()
    {
        var table = new ExportedTable<string>("items");
        table.AddField<ulong>("count");
        using var harness = new ExportedTableHarness<string>(table);
        table.GetOrAdd("before");

        void* note = harness.AddField("note", StateType.String);
        void* again = harness.AddField("note", StateType.String);
        void* clash = harness.AddField("note", StateType.UInt64);
        table.GetOrAdd("after");

        Assert.True(note is not null && note == again);
        Assert.True(clash is null);
        Assert.Equal("field 'note' of table 'items' already exists as string, not uint64", Assert.Single(harness.Errors));
        foreach (string key in new[] { "before", "after" })
        {
            void* entry = harness.GetEntry(harness.Key(key));
            Assert.Equal("", ExportedTableHarness<string>.String(harness.Read(entry, note)));
            Assert.Equal(PluginRc.Success, harness.Write(entry, note, new StateData { Str = harness.Utf8("n-" + key) }));
            harness.Reader->ReleaseTableEntry(harness.T, entry);
        }

        ExportedField<string> owned = Assert.IsType<ExportedField<string>>(table.FindField<string>("note"));
        Assert.True(owned.IsDynamic);
        Assert.Equal("n-after", table.GetOrAdd("after").Get(owned));
        Assert.Equal(["count", "note"], table.Fields.Select(f => f.Name));
    }

    [Fact]
    public void A_string_read_stays_valid_while_the_entry_is_held_even_if_overwritten()
    {
        var table = new ExportedTable<long>("t");
        ExportedField<string> name = table.AddField<string>("name");
        using var harness = new ExportedTableHarness<long>(table);
        ExportedEntry<long> owned = table.GetOrAdd(1);
        owned.Set(name, "first value");

        void* entry = harness.GetEntry(ExportedTableHarness<long>.Key(1));
        byte* first = harness.Read(entry, harness.GetField("name", StateType.String)).Str;
        owned.Set(name, "second value");
        Assert.Equal(PluginRc.Success, harness.Write(entry, harness.GetField("name", StateType.String), new StateData { Str = harness.Utf8("third value") }));

        Assert.Equal("first value", Marshal.PtrToStringUTF8((nint)first));
        Assert.Equal("third value", owned.Get(name));
        harness.Reader->ReleaseTableEntry(harness.T, entry);
    }

    [Fact]
    public void Rewriting_a_held_entry_keeps_only_the_strings_a_holder_was_handed()
    {
        var table = new ExportedTable<long>("t");
        ExportedField<string> name = table.AddField<string>("name");
        ExportedField<string> other = table.AddField<string>("other");
        using var harness = new ExportedTableHarness<long>(table);
        ExportedEntry<long> owned = table.GetOrAdd(1);
        owned.Set(name, "initial");
        owned.Set(other, "initial");
        void* entry = harness.GetEntry(ExportedTableHarness<long>.Key(1));

        for (int i = 0; i < 1000; i++)
        {
            owned.Set(name, $"unread {i}");
        }

        Assert.Equal(0, owned.RetiredStrings);

        byte* handed = harness.Read(entry, harness.GetField("name", StateType.String)).Str;
        for (int i = 0; i < 1000; i++)
        {
            owned.Set(name, $"after read {i}");
            owned.Set(other, $"never read {i}");
        }

        Assert.Equal(1, owned.RetiredStrings);
        Assert.Equal("unread 999", Marshal.PtrToStringUTF8((nint)handed));
        harness.Reader->ReleaseTableEntry(harness.T, entry);
        Assert.Equal(0, owned.RetiredStrings);
    }

    [Fact]
    public void Entries_are_created_detached_added_replacing_erased_and_cleared()
    {
        var table = new ExportedTable<long>("t");
        ExportedField<ulong> value = table.AddField<ulong>("value");
        using var harness = new ExportedTableHarness<long>(table);
        void* field = harness.GetField("value", StateType.UInt64);
        table.GetOrAdd(7).Set(value, 1UL);

        void* created = harness.Writer->CreateTableEntry(harness.T);
        Assert.Equal(PluginRc.Success, harness.Write(created, field, new StateData { U64 = 70 }));
        Assert.Equal(1, table.Count);
        StateData key = ExportedTableHarness<long>.Key(7);
        void* added = harness.Writer->AddTableEntry(harness.T, &key, created);
        harness.Reader->ReleaseTableEntry(harness.T, added);
        Assert.Equal(70UL, table.GetOrAdd(7).Get(value));
        Assert.Equal(1UL, harness.Reader->GetTableSize(harness.T));

        void* discarded = harness.Writer->CreateTableEntry(harness.T);
        harness.Writer->DestroyTableEntry(harness.T, discarded);
        Assert.Equal(1, table.Count);

        Assert.Equal(PluginRc.Success, harness.Writer->EraseTableEntry(harness.T, &key));
        Assert.Equal(PluginRc.Failure, harness.Writer->EraseTableEntry(harness.T, &key));
        table.GetOrAdd(1);
        table.GetOrAdd(2);
        Assert.Equal(PluginRc.Success, harness.Writer->ClearTable(harness.T));
        Assert.Equal(0, table.Count);
    }

    [Fact]
    public void Iteration_visits_every_entry_or_stops_when_the_callback_says_so()
    {
        var table = new ExportedTable<long>("t");
        using var harness = new ExportedTableHarness<long>(table);
        for (long key = 0; key < 5; key++)
        {
            table.GetOrAdd(key);
        }

        Visits = 0;
        StopAfter = int.MaxValue;
        Assert.Equal(1u, harness.Reader->IterateEntries(harness.T, &Count, null));
        Assert.Equal(5, Visits);

        Visits = 0;
        StopAfter = 2;
        Assert.Equal(0u, harness.Reader->IterateEntries(harness.T, &Count, null));
        Assert.Equal(2, Visits);
    }

    [Fact]
    public void A_thread_safe_table_keeps_counts_exact_under_concurrent_owner_and_api_writes()
    {
        var table = new ExportedTable<long>("shared", threadSafe: true);
        ExportedField<ulong> value = table.AddField<ulong>("value");
        using var harness = new ExportedTableHarness<long>(table);
        void* field = harness.GetField("value", StateType.UInt64);
        table.GetOrAdd(1);
        const int Iterations = 20_000;

        Parallel.For(0, 4, worker =>
        {
            for (int i = 0; i < Iterations; i++)
            {
                if (worker % 2 == 0)
                {
                    ExportedEntry<long> entry = table.GetOrAdd(1);
                    lock (entry)
                    {
                        entry.Set(value, entry.Get(value) + 1);
                    }
                }
                else
                {
                    table.GetOrAdd(worker * 1_000_000L + i);
                    table.Remove(worker * 1_000_000L + i);
                }
            }
        });

        Assert.Equal((ulong)(2 * Iterations), table.GetOrAdd(1).Get(value));
        Assert.Equal(1, table.Count);
        Assert.True(field is not null);
    }

    [Fact]
    public void Unsupported_key_types_are_refused()
    {
        Assert.Throws<NotSupportedException>(() => new ExportedTable<double>("t"));
    }

    private static int Visits { get; set; }

    private static int StopAfter { get; set; }

    [UnmanagedCallersOnly]
    private static uint Count(void* state, void* entry)
    {
        Visits++;
        return Visits < StopAfter ? 1u : 0u;
    }
}
