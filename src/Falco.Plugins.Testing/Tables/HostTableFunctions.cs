using System;
using System.Runtime.InteropServices;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Testing.Tables;

/// <summary>
/// The vtables of host accessors: every function takes the accessor handle stored in
/// <c>ss_plugin_table_input.table</c>, runs the call for the plugin the accessor belongs to,
/// and turns any exception into that plugin's owner error plus the call's failure value.
/// </summary>
internal static unsafe class HostTableFunctions
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

    /// <summary>The deprecated by-value reader of an accessor input: the same functions as <see cref="ReaderExt"/>.</summary>
    public static TableReaderVtable Reader => VtableCopies.Reader(ReaderExt);

    /// <summary>The deprecated by-value writer: the same functions as <see cref="WriterExt"/>.</summary>
    public static TableWriterVtable Writer => VtableCopies.Writer(WriterExt);

    /// <summary>The deprecated by-value fields vtable: the same functions as <see cref="FieldsExt"/>.</summary>
    public static TableFieldsVtable Fields => VtableCopies.Fields(FieldsExt);

    [UnmanagedCallersOnly]
    private static byte* GetTableName(void* t)
    {
        TableAccessor? accessor = TableAccessor.Find(t);
        try
        {
            return accessor is null ? null : accessor.GetName();
        }
        catch (Exception error)
        {
            Fail(accessor, error);
            return null;
        }
    }

    [UnmanagedCallersOnly]
    private static ulong GetTableSize(void* t)
    {
        TableAccessor? accessor = TableAccessor.Find(t);
        try
        {
            return accessor is null ? ulong.MaxValue : accessor.GetSize();
        }
        catch (Exception error)
        {
            Fail(accessor, error);
            return ulong.MaxValue;
        }
    }

    [UnmanagedCallersOnly]
    private static void* GetTableEntry(void* t, StateData* key)
    {
        TableAccessor? accessor = TableAccessor.Find(t);
        try
        {
            return accessor is null ? null : accessor.GetEntry(key);
        }
        catch (Exception error)
        {
            Fail(accessor, error);
            return null;
        }
    }

    [UnmanagedCallersOnly]
    private static PluginRc ReadEntryField(void* t, void* entry, void* field, StateData* output)
    {
        TableAccessor? accessor = TableAccessor.Find(t);
        try
        {
            return accessor is null ? PluginRc.Failure : accessor.ReadField(entry, field, output);
        }
        catch (Exception error)
        {
            Fail(accessor, error);
            return PluginRc.Failure;
        }
    }

    [UnmanagedCallersOnly]
    private static void ReleaseTableEntry(void* t, void* entry)
    {
        TableAccessor? accessor = TableAccessor.Find(t);
        try
        {
            accessor?.ReleaseEntry(entry);
        }
        catch (Exception error)
        {
            Fail(accessor, error);
        }
    }

    [UnmanagedCallersOnly]
    private static uint IterateEntries(void* t, delegate* unmanaged<void*, void*, uint> iterator, void* state)
    {
        TableAccessor? accessor = TableAccessor.Find(t);
        try
        {
            return accessor is null ? 0u : accessor.IterateEntries(iterator, state);
        }
        catch (Exception error)
        {
            Fail(accessor, error);
            return 0;
        }
    }

    [UnmanagedCallersOnly]
    private static PluginRc ClearTable(void* t)
    {
        TableAccessor? accessor = TableAccessor.Find(t);
        try
        {
            return accessor is null ? PluginRc.Failure : accessor.Clear();
        }
        catch (Exception error)
        {
            Fail(accessor, error);
            return PluginRc.Failure;
        }
    }

    [UnmanagedCallersOnly]
    private static PluginRc EraseTableEntry(void* t, StateData* key)
    {
        TableAccessor? accessor = TableAccessor.Find(t);
        try
        {
            return accessor is null ? PluginRc.Failure : accessor.EraseEntry(key);
        }
        catch (Exception error)
        {
            Fail(accessor, error);
            return PluginRc.Failure;
        }
    }

    [UnmanagedCallersOnly]
    private static void* CreateTableEntry(void* t)
    {
        TableAccessor? accessor = TableAccessor.Find(t);
        try
        {
            return accessor is null ? null : accessor.CreateEntry();
        }
        catch (Exception error)
        {
            Fail(accessor, error);
            return null;
        }
    }

    [UnmanagedCallersOnly]
    private static void DestroyTableEntry(void* t, void* entry)
    {
        TableAccessor? accessor = TableAccessor.Find(t);
        try
        {
            accessor?.DestroyEntry(entry);
        }
        catch (Exception error)
        {
            Fail(accessor, error);
        }
    }

    [UnmanagedCallersOnly]
    private static void* AddTableEntry(void* t, StateData* key, void* entry)
    {
        TableAccessor? accessor = TableAccessor.Find(t);
        try
        {
            return accessor is null ? null : accessor.AddEntry(key, entry);
        }
        catch (Exception error)
        {
            Fail(accessor, error);
            return null;
        }
    }

    [UnmanagedCallersOnly]
    private static PluginRc WriteEntryField(void* t, void* entry, void* field, StateData* input)
    {
        TableAccessor? accessor = TableAccessor.Find(t);
        try
        {
            return accessor is null ? PluginRc.Failure : accessor.WriteField(entry, field, input);
        }
        catch (Exception error)
        {
            Fail(accessor, error);
            return PluginRc.Failure;
        }
    }

    [UnmanagedCallersOnly]
    private static TableFieldInfo* ListTableFields(void* t, uint* count)
    {
        TableAccessor? accessor = TableAccessor.Find(t);
        try
        {
            return accessor is null ? null : accessor.ListFields(count);
        }
        catch (Exception error)
        {
            Fail(accessor, error);
            return null;
        }
    }

    [UnmanagedCallersOnly]
    private static void* GetTableField(void* t, byte* name, StateType type)
    {
        TableAccessor? accessor = TableAccessor.Find(t);
        try
        {
            return accessor is null ? null : accessor.GetField(name, type);
        }
        catch (Exception error)
        {
            Fail(accessor, error);
            return null;
        }
    }

    [UnmanagedCallersOnly]
    private static void* AddTableField(void* t, byte* name, StateType type)
    {
        TableAccessor? accessor = TableAccessor.Find(t);
        try
        {
            return accessor is null ? null : accessor.AddField(name, type);
        }
        catch (Exception error)
        {
            Fail(accessor, error);
            return null;
        }
    }

    /// <summary>Sets the calling plugin's owner error, as libsinsp's <c>__CATCH_ERR_MSG</c> does.</summary>
    private static void Fail(TableAccessor? accessor, Exception error)
    {
        try
        {
            if (accessor is not null)
            {
                accessor.Session.Owner.LastError = error.Message;
            }
        }
        catch (Exception)
        {
            // Nothing more can be reported from here.
        }
    }
}
