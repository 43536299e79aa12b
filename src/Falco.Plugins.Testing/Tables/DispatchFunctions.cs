using System;
using System.Runtime.InteropServices;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Testing.Tables;

/// <summary>
/// The vtables in the init, parse and extract inputs (libsinsp's <c>dispatch_*</c>): each
/// takes an <c>ss_plugin_table_t*</c> that is really an <c>ss_plugin_table_input*</c> and
/// forwards to <c>t-&gt;*_ext-&gt;fn(t-&gt;table, ...)</c>. The same functions therefore serve the
/// host's accessors and nested tables a plugin passes out of its own tables.
/// </summary>
internal static unsafe class DispatchFunctions
{
    public static TableReaderVtableExt* ReaderExt { get; } = NativeBlock.Of(new TableReaderVtableExt
    {
        GetTableName = &GetTableName,
        GetTableSize = &GetTableSize,
        GetTableEntry = &GetTableEntry,
        ReadEntryField = &ReadEntryField,
        ReleaseTableEntry = &ReleaseTableEntry,
        IterateEntries = &IterateEntries,
    });

    public static TableWriterVtableExt* WriterExt { get; } = NativeBlock.Of(new TableWriterVtableExt
    {
        ClearTable = &ClearTable,
        EraseTableEntry = &EraseTableEntry,
        CreateTableEntry = &CreateTableEntry,
        DestroyTableEntry = &DestroyTableEntry,
        AddTableEntry = &AddTableEntry,
        WriteEntryField = &WriteEntryField,
    });

    public static TableFieldsVtableExt* FieldsExt { get; } = NativeBlock.Of(new TableFieldsVtableExt
    {
        ListTableFields = &ListTableFields,
        GetTableField = &GetTableField,
        AddTableField = &AddTableField,
    });

    public static TableReaderVtable Reader => VtableCopies.Reader(ReaderExt);

    public static TableWriterVtable Writer => VtableCopies.Writer(WriterExt);

    public static TableFieldsVtable Fields => VtableCopies.Fields(FieldsExt);

    // The callees are host functions or another plugin's exports; neither throws into managed
    // code, but a NULL input or vtable must not crash the test process either.
    [UnmanagedCallersOnly]
    private static byte* GetTableName(void* t)
    {
        TableInput* input = (TableInput*)t;
        try
        {
            return input is null || input->ReaderExt is null ? null : input->ReaderExt->GetTableName(input->Table);
        }
        catch (Exception)
        {
            return null;
        }
    }

    [UnmanagedCallersOnly]
    private static ulong GetTableSize(void* t)
    {
        TableInput* input = (TableInput*)t;
        try
        {
            return input is null || input->ReaderExt is null ? ulong.MaxValue : input->ReaderExt->GetTableSize(input->Table);
        }
        catch (Exception)
        {
            return ulong.MaxValue;
        }
    }

    [UnmanagedCallersOnly]
    private static void* GetTableEntry(void* t, StateData* key)
    {
        TableInput* input = (TableInput*)t;
        try
        {
            return input is null || input->ReaderExt is null ? null : input->ReaderExt->GetTableEntry(input->Table, key);
        }
        catch (Exception)
        {
            return null;
        }
    }

    [UnmanagedCallersOnly]
    private static PluginRc ReadEntryField(void* t, void* entry, void* field, StateData* output)
    {
        TableInput* input = (TableInput*)t;
        try
        {
            return input is null || input->ReaderExt is null ? PluginRc.Failure : input->ReaderExt->ReadEntryField(input->Table, entry, field, output);
        }
        catch (Exception)
        {
            return PluginRc.Failure;
        }
    }

    [UnmanagedCallersOnly]
    private static void ReleaseTableEntry(void* t, void* entry)
    {
        TableInput* input = (TableInput*)t;
        try
        {
            if (input is not null && input->ReaderExt is not null)
            {
                input->ReaderExt->ReleaseTableEntry(input->Table, entry);
            }
        }
        catch (Exception)
        {
            // release_table_entry has no way to report a failure.
        }
    }

    [UnmanagedCallersOnly]
    private static uint IterateEntries(void* t, delegate* unmanaged<void*, void*, uint> iterator, void* state)
    {
        TableInput* input = (TableInput*)t;
        try
        {
            return input is null || input->ReaderExt is null ? 0u : input->ReaderExt->IterateEntries(input->Table, iterator, state);
        }
        catch (Exception)
        {
            return 0;
        }
    }

    [UnmanagedCallersOnly]
    private static PluginRc ClearTable(void* t)
    {
        TableInput* input = (TableInput*)t;
        try
        {
            return input is null || input->WriterExt is null ? PluginRc.Failure : input->WriterExt->ClearTable(input->Table);
        }
        catch (Exception)
        {
            return PluginRc.Failure;
        }
    }

    [UnmanagedCallersOnly]
    private static PluginRc EraseTableEntry(void* t, StateData* key)
    {
        TableInput* input = (TableInput*)t;
        try
        {
            return input is null || input->WriterExt is null ? PluginRc.Failure : input->WriterExt->EraseTableEntry(input->Table, key);
        }
        catch (Exception)
        {
            return PluginRc.Failure;
        }
    }

    [UnmanagedCallersOnly]
    private static void* CreateTableEntry(void* t)
    {
        TableInput* input = (TableInput*)t;
        try
        {
            return input is null || input->WriterExt is null ? null : input->WriterExt->CreateTableEntry(input->Table);
        }
        catch (Exception)
        {
            return null;
        }
    }

    [UnmanagedCallersOnly]
    private static void DestroyTableEntry(void* t, void* entry)
    {
        TableInput* input = (TableInput*)t;
        try
        {
            if (input is not null && input->WriterExt is not null)
            {
                input->WriterExt->DestroyTableEntry(input->Table, entry);
            }
        }
        catch (Exception)
        {
            // destroy_table_entry has no way to report a failure.
        }
    }

    [UnmanagedCallersOnly]
    private static void* AddTableEntry(void* t, StateData* key, void* entry)
    {
        TableInput* input = (TableInput*)t;
        try
        {
            return input is null || input->WriterExt is null ? null : input->WriterExt->AddTableEntry(input->Table, key, entry);
        }
        catch (Exception)
        {
            return null;
        }
    }

    [UnmanagedCallersOnly]
    private static PluginRc WriteEntryField(void* t, void* entry, void* field, StateData* data)
    {
        TableInput* input = (TableInput*)t;
        try
        {
            return input is null || input->WriterExt is null ? PluginRc.Failure : input->WriterExt->WriteEntryField(input->Table, entry, field, data);
        }
        catch (Exception)
        {
            return PluginRc.Failure;
        }
    }

    [UnmanagedCallersOnly]
    private static TableFieldInfo* ListTableFields(void* t, uint* count)
    {
        TableInput* input = (TableInput*)t;
        try
        {
            return input is null || input->FieldsExt is null ? null : input->FieldsExt->ListTableFields(input->Table, count);
        }
        catch (Exception)
        {
            return null;
        }
    }

    [UnmanagedCallersOnly]
    private static void* GetTableField(void* t, byte* name, StateType type)
    {
        TableInput* input = (TableInput*)t;
        try
        {
            return input is null || input->FieldsExt is null ? null : input->FieldsExt->GetTableField(input->Table, name, type);
        }
        catch (Exception)
        {
            return null;
        }
    }

    [UnmanagedCallersOnly]
    private static void* AddTableField(void* t, byte* name, StateType type)
    {
        TableInput* input = (TableInput*)t;
        try
        {
            return input is null || input->FieldsExt is null ? null : input->FieldsExt->AddTableField(input->Table, name, type);
        }
        catch (Exception)
        {
            return null;
        }
    }
}
