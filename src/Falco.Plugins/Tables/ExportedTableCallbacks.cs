using System;
using System.Runtime.InteropServices;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Tables;

/// <summary>
/// The table API callbacks of exported tables: the framework and other plugins call them with
/// the <c>table</c> pointer of the table input, a handle to the <see cref="ExportedTableBase"/>.
/// Each one catches everything, reports failures as the owning plugin's last error (the
/// framework copies it to the caller) and returns the API's failure value.
/// </summary>
internal static unsafe class ExportedTableCallbacks
{
    /// <summary>Fills the vtables of <paramref name="input"/>; the deprecated by-value copies must equal the extended ones.</summary>
    public static void Fill(TableInput* input)
    {
        var reader = (TableReaderVtableExt*)NativeMemory.AllocZeroed((nuint)sizeof(TableReaderVtableExt));
        var writer = (TableWriterVtableExt*)NativeMemory.AllocZeroed((nuint)sizeof(TableWriterVtableExt));
        var fields = (TableFieldsVtableExt*)NativeMemory.AllocZeroed((nuint)sizeof(TableFieldsVtableExt));

        reader->GetTableName = &GetTableName;
        reader->GetTableSize = &GetTableSize;
        reader->GetTableEntry = &GetTableEntry;
        reader->ReadEntryField = &ReadEntryField;
        reader->ReleaseTableEntry = &ReleaseTableEntry;
        reader->IterateEntries = &IterateEntries;

        writer->ClearTable = &ClearTable;
        writer->EraseTableEntry = &EraseTableEntry;
        writer->CreateTableEntry = &CreateTableEntry;
        writer->DestroyTableEntry = &DestroyTableEntry;
        writer->AddTableEntry = &AddTableEntry;
        writer->WriteEntryField = &WriteEntryField;

        fields->ListTableFields = &ListTableFields;
        fields->GetTableField = &GetTableField;
        fields->AddTableField = &AddTableField;

        input->ReaderExt = reader;
        input->WriterExt = writer;
        input->FieldsExt = fields;
        input->Reader = new TableReaderVtable
        {
            GetTableName = reader->GetTableName,
            GetTableSize = reader->GetTableSize,
            GetTableEntry = reader->GetTableEntry,
            ReadEntryField = reader->ReadEntryField,
        };
        input->Writer = new TableWriterVtable
        {
            ClearTable = writer->ClearTable,
            EraseTableEntry = writer->EraseTableEntry,
            CreateTableEntry = writer->CreateTableEntry,
            DestroyTableEntry = writer->DestroyTableEntry,
            AddTableEntry = writer->AddTableEntry,
            WriteEntryField = writer->WriteEntryField,
        };
        input->Fields = new TableFieldsVtable
        {
            ListTableFields = fields->ListTableFields,
            GetTableField = fields->GetTableField,
            AddTableField = fields->AddTableField,
        };
    }

    public static void Free(TableInput* input)
    {
        NativeMemory.Free(input->ReaderExt);
        NativeMemory.Free(input->WriterExt);
        NativeMemory.Free(input->FieldsExt);
        input->ReaderExt = null;
        input->WriterExt = null;
        input->FieldsExt = null;
    }

    [UnmanagedCallersOnly]
    private static byte* GetTableName(void* t)
    {
        try
        {
            return ExportedTableBase.FromHandle(t)?.NameUtf8;
        }
        catch (Exception)
        {
            return null;
        }
    }

    [UnmanagedCallersOnly]
    private static ulong GetTableSize(void* t)
    {
        ExportedTableBase? table = null;
        try
        {
            table = ExportedTableBase.FromHandle(t);
            return table is null ? ulong.MaxValue : (ulong)table.Count;
        }
        catch (Exception ex)
        {
            Report(table, "get_table_size", ex);
            return ulong.MaxValue;
        }
    }

    [UnmanagedCallersOnly]
    private static void* GetTableEntry(void* t, StateData* key)
    {
        ExportedTableBase? table = null;
        try
        {
            table = ExportedTableBase.FromHandle(t);
            if (table is null || key is null)
            {
                return null;
            }

            using (table.Lock())
            {
                ExportedEntry? entry = table.Find(key);
                if (entry is null)
                {
                    table.ReportError?.Invoke($"table '{table.Name}' has no entry with key {table.DescribeKey(key)}");
                    return null;
                }

                entry.Hold();
                return entry.Handle;
            }
        }
        catch (Exception ex)
        {
            Report(table, "get_table_entry", ex);
            return null;
        }
    }

    [UnmanagedCallersOnly]
    private static PluginRc ReadEntryField(void* t, void* e, void* f, StateData* output)
    {
        ExportedTableBase? table = null;
        try
        {
            table = ExportedTableBase.FromHandle(t);
            ExportedEntry? entry = ExportedEntry.FromHandle(e);
            ExportedField? field = ExportedField.FromHandle(f);
            if (table is null || entry is null || field is null || output is null)
            {
                return Fail(table, "read_entry_field was called with a NULL argument");
            }

            using (table.Lock())
            {
                entry.Expose(field, output);
                return PluginRc.Success;
            }
        }
        catch (Exception ex)
        {
            return Report(table, "read_entry_field", ex);
        }
    }

    [UnmanagedCallersOnly]
    private static void ReleaseTableEntry(void* t, void* e)
    {
        ExportedTableBase? table = null;
        try
        {
            table = ExportedTableBase.FromHandle(t);
            ExportedEntry? entry = ExportedEntry.FromHandle(e);
            if (table is not null && entry is not null)
            {
                using (table.Lock())
                {
                    entry.Release();
                }
            }
        }
        catch (Exception ex)
        {
            Report(table, "release_table_entry", ex);
        }
    }

    [UnmanagedCallersOnly]
    private static uint IterateEntries(void* t, delegate* unmanaged<void*, void*, uint> iterator, void* state)
    {
        ExportedTableBase? table = null;
        try
        {
            table = ExportedTableBase.FromHandle(t);
            if (table is null || iterator is null)
            {
                return 0;
            }

            ExportedEntry[] entries;
            using (table.Lock())
            {
                entries = table.Snapshot();
            }

            foreach (ExportedEntry entry in entries)
            {
                if (entry.IsInTable && iterator(state, entry.Handle) == 0)
                {
                    return 0;
                }
            }

            return 1;
        }
        catch (Exception ex)
        {
            Report(table, "iterate_entries", ex);
            return 0;
        }
    }

    [UnmanagedCallersOnly]
    private static PluginRc ClearTable(void* t)
    {
        ExportedTableBase? table = null;
        try
        {
            table = ExportedTableBase.FromHandle(t);
            if (table is null)
            {
                return PluginRc.Failure;
            }

            using (table.Lock())
            {
                table.ClearEntries();
            }

            return PluginRc.Success;
        }
        catch (Exception ex)
        {
            return Report(table, "clear_table", ex);
        }
    }

    [UnmanagedCallersOnly]
    private static PluginRc EraseTableEntry(void* t, StateData* key)
    {
        ExportedTableBase? table = null;
        try
        {
            table = ExportedTableBase.FromHandle(t);
            if (table is null || key is null)
            {
                return Fail(table, "erase_table_entry was called with a NULL argument");
            }

            using (table.Lock())
            {
                return table.Erase(key) ? PluginRc.Success : Fail(table, $"table '{table.Name}' has no entry with key {table.DescribeKey(key)}");
            }
        }
        catch (Exception ex)
        {
            return Report(table, "erase_table_entry", ex);
        }
    }

    [UnmanagedCallersOnly]
    private static void* CreateTableEntry(void* t)
    {
        ExportedTableBase? table = null;
        try
        {
            table = ExportedTableBase.FromHandle(t);
            if (table is null)
            {
                return null;
            }

            using (table.Lock())
            {
                ExportedEntry entry = table.CreateDetached();
                entry.Hold();
                return entry.Handle;
            }
        }
        catch (Exception ex)
        {
            Report(table, "create_table_entry", ex);
            return null;
        }
    }

    [UnmanagedCallersOnly]
    private static void DestroyTableEntry(void* t, void* e)
    {
        ExportedTableBase? table = null;
        try
        {
            table = ExportedTableBase.FromHandle(t);
            ExportedEntry? entry = ExportedEntry.FromHandle(e);
            if (table is not null && entry is not null && !entry.IsInTable)
            {
                using (table.Lock())
                {
                    entry.Release();
                }
            }
        }
        catch (Exception ex)
        {
            Report(table, "destroy_table_entry", ex);
        }
    }

    [UnmanagedCallersOnly]
    private static void* AddTableEntry(void* t, StateData* key, void* e)
    {
        ExportedTableBase? table = null;
        try
        {
            table = ExportedTableBase.FromHandle(t);
            ExportedEntry? entry = ExportedEntry.FromHandle(e);
            if (table is null || key is null || entry is null || entry.IsInTable)
            {
                Fail(table, "add_table_entry needs an entry from create_table_entry of the same table");
                return null;
            }

            using (table.Lock())
            {
                // The created entry's hold passes to the returned handle, which the caller releases.
                return table.Insert(key, entry).Handle;
            }
        }
        catch (Exception ex)
        {
            Report(table, "add_table_entry", ex);
            return null;
        }
    }

    [UnmanagedCallersOnly]
    private static PluginRc WriteEntryField(void* t, void* e, void* f, StateData* input)
    {
        ExportedTableBase? table = null;
        try
        {
            table = ExportedTableBase.FromHandle(t);
            ExportedEntry? entry = ExportedEntry.FromHandle(e);
            ExportedField? field = ExportedField.FromHandle(f);
            if (table is null || entry is null || field is null || input is null)
            {
                return Fail(table, "write_entry_field was called with a NULL argument");
            }

            if (field.ReadOnly)
            {
                return Fail(table, $"field '{field.Name}' of table '{table.Name}' is read-only");
            }

            using (table.Lock())
            {
                entry.Write(field, input);
            }

            return PluginRc.Success;
        }
        catch (Exception ex)
        {
            return Report(table, "write_entry_field", ex);
        }
    }

    [UnmanagedCallersOnly]
    private static TableFieldInfo* ListTableFields(void* t, uint* count)
    {
        ExportedTableBase? table = null;
        try
        {
            table = ExportedTableBase.FromHandle(t);
            if (table is null || count is null)
            {
                return null;
            }

            using (table.Lock())
            {
                return table.ListFields(out *count);
            }
        }
        catch (Exception ex)
        {
            Report(table, "list_table_fields", ex);
            return null;
        }
    }

    [UnmanagedCallersOnly]
    private static void* GetTableField(void* t, byte* name, StateType type)
    {
        ExportedTableBase? table = null;
        try
        {
            table = ExportedTableBase.FromHandle(t);
            if (table is null || name is null)
            {
                return null;
            }

            using (table.Lock())
            {
                ExportedField? field = table.FindField(name, type, out string? error);
                if (field is null)
                {
                    table.ReportError?.Invoke(error!);
                }

                return field is null ? null : field.Handle;
            }
        }
        catch (Exception ex)
        {
            Report(table, "get_table_field", ex);
            return null;
        }
    }

    [UnmanagedCallersOnly]
    private static void* AddTableField(void* t, byte* name, StateType type)
    {
        ExportedTableBase? table = null;
        try
        {
            table = ExportedTableBase.FromHandle(t);
            if (table is null || name is null)
            {
                return null;
            }

            using (table.Lock())
            {
                ExportedField? field = table.AddDynamicField(name, type, out string? error);
                if (field is null)
                {
                    table.ReportError?.Invoke(error!);
                }

                return field is null ? null : field.Handle;
            }
        }
        catch (Exception ex)
        {
            Report(table, "add_table_field", ex);
            return null;
        }
    }

    private static PluginRc Fail(ExportedTableBase? table, string message)
    {
        table?.ReportError?.Invoke(message);
        return PluginRc.Failure;
    }

    private static PluginRc Report(ExportedTableBase? table, string operation, Exception error)
    {
        try
        {
            table?.ReportError?.Invoke($"table '{table.Name}': {operation}: {Hosting.PluginState.Describe(error)}");
        }
        catch (Exception)
        {
            // Reporting must not fail the callback's caller.
        }

        return PluginRc.Failure;
    }
}
