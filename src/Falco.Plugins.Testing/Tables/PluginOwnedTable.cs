using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Testing.Tables;

/// <summary>
/// A table a plugin added with add_table (libsinsp's <c>plugin_table_wrapper</c>): calls are
/// forwarded to the owner's vtables, copied at add time. When the owner returns NULL,
/// FAILURE, or (uint64)-1 from get_table_size, the owner plugin's get_last_error becomes the
/// caller's error, as libsinsp does; other return codes pass through without an error.
/// </summary>
internal sealed unsafe class PluginOwnedTable : RegisteredTable
{
    private readonly TableSession _owner;
    private readonly byte* _name;
    private readonly void* _table;
    private readonly TableReaderVtableExt _reader;
    private readonly TableWriterVtableExt _writer;
    private readonly TableFieldsVtableExt _fields;

    private readonly Dictionary<string, nint> _fieldNames = new(StringComparer.Ordinal);

    /// <param name="owner">The plugin that added the table.</param>
    /// <param name="input">The checked copy of what the plugin passed to add_table.</param>
    public PluginOwnedTable(TableSession owner, in CheckedTableInput input)
    {
        _owner = owner;
        _name = input.Name;
        _table = input.Table;
        KeyType = input.KeyType;
        _reader = input.Reader;
        _writer = input.Writer;
        _fields = input.Fields;
        Name = NativeUtf8.Read(input.Name);
    }

    public override string Name { get; }

    public override byte* NativeName => _name;

    public override StateType KeyType { get; }

    public override object FieldScope => this;

    public override TableSession AddedBy => _owner;

    /// <summary>Set when the owner is destroyed: its table pointer and functions may be gone.</summary>
    public bool Dropped { get; set; }

    public override ulong GetSize()
    {
        ulong size = Owner()._reader.GetTableSize(_table);
        return size != ulong.MaxValue ? size : throw OwnerError();
    }

    public override IReadOnlyList<TableFieldInfo> ListFields()
    {
        uint count = 0;
        TableFieldInfo* infos = Owner()._fields.ListTableFields(_table, &count);
        return infos is not null ? new ReadOnlySpan<TableFieldInfo>(infos, checked((int)count)).ToArray() : throw OwnerError();
    }

    public override TableField GetField(string name, StateType type) => Field(name, type, add: false);

    public override TableField AddField(string name, StateType type) => Field(name, type, add: true);

    public override TableEntry GetEntry(StateData* key)
    {
        void* entry = Owner()._reader.GetTableEntry(_table, key);
        return entry is not null ? new ForeignEntry(entry) : throw OwnerError();
    }

    public override PluginRc ReadField(TableEntry entry, TableField field, StateData* output, TableSession caller)
    {
        // A table-typed value is the owner's own ss_plugin_table_input*, passed through as libsinsp does.
        return Checked(Owner()._reader.ReadEntryField(_table, Raw(entry), Raw(field), output));
    }

    public override void ReleaseEntry(TableEntry entry) => Owner()._reader.ReleaseTableEntry(_table, Raw(entry));

    public override bool Iterate(Func<TableEntry, bool> visit)
    {
        var iteration = new Iteration(visit);
        GCHandle handle = GCHandle.Alloc(iteration);
        try
        {
            uint result = Owner()._reader.IterateEntries(_table, &Visit, (void*)GCHandle.ToIntPtr(handle));
            if (iteration.Error is { } error)
            {
                throw new TableApiException(error.Message, error);
            }

            return result != 0;
        }
        finally
        {
            handle.Free();
        }
    }

    public override PluginRc Clear() => Checked(Owner()._writer.ClearTable(_table));

    public override PluginRc Erase(StateData* key) => Checked(Owner()._writer.EraseTableEntry(_table, key));

    public override TableEntry CreateEntry()
    {
        void* entry = Owner()._writer.CreateTableEntry(_table);
        return entry is not null ? new ForeignEntry(entry) : throw OwnerError();
    }

    public override void DestroyEntry(TableEntry entry) => Owner()._writer.DestroyTableEntry(_table, Raw(entry));

    public override TableEntry AddEntry(StateData* key, TableEntry entry)
    {
        void* added = Owner()._writer.AddTableEntry(_table, key, Raw(entry));
        return added is not null ? new ForeignEntry(added) : throw OwnerError();
    }

    public override PluginRc WriteField(TableEntry entry, TableField field, StateData* input) =>
        Checked(Owner()._writer.WriteEntryField(_table, Raw(entry), Raw(field), input));

    /// <summary>Frees the field names passed to the owner; only once nothing can call the owner any more.</summary>
    public void FreeFieldNames()
    {
        foreach (nint name in _fieldNames.Values)
        {
            NativeUtf8.Free((byte*)name);
        }

        _fieldNames.Clear();
    }

    private ForeignField Field(string name, StateType type, bool add)
    {
        PluginOwnedTable table = Owner();
        // The owner may keep the name pointer (libsinsp passes the caller's), so it lives as long as the table.
        if (!_fieldNames.TryGetValue(name, out nint native))
        {
            native = (nint)NativeUtf8.Allocate(name);
            _fieldNames.Add(name, native);
        }

        void* field = add
            ? table._fields.AddTableField(_table, (byte*)native, type)
            : table._fields.GetTableField(_table, (byte*)native, type);
        return field is not null ? new ForeignField(this, field, name, type) : throw OwnerError();
    }

    /// <summary>This table, if its owner is still alive to serve it.</summary>
    private PluginOwnedTable Owner() => !Dropped
        ? this
        : throw new TableApiException($"table '{Name}' is gone: plugin '{_owner.PluginName}' that added it was destroyed");

    private PluginRc Checked(PluginRc rc) => rc != PluginRc.Failure ? rc : throw OwnerError();

    private TableApiException OwnerError() => new(_owner.PluginLastError());

    private void* Raw(TableEntry entry) => entry is ForeignEntry foreign
        ? foreign.Raw
        : throw new TableApiException($"entry does not belong to table '{Name}'");

    private void* Raw(TableField field) => field is ForeignField foreign && foreign.Table == this
        ? foreign.Raw
        : throw new TableApiException($"field '{field.Name}' does not belong to table '{Name}'");

    [UnmanagedCallersOnly]
    private static uint Visit(void* state, void* entry)
    {
        Iteration? iteration = null;
        try
        {
            iteration = (Iteration)GCHandle.FromIntPtr((nint)state).Target!;
            return iteration.Visit(new ForeignEntry(entry)) ? 1u : 0u;
        }
        catch (Exception error)
        {
            if (iteration is not null)
            {
                iteration.Error = error;
            }

            return 0;
        }
    }

    /// <summary>An entry pointer of the owner plugin.</summary>
    private sealed class ForeignEntry(void* raw) : TableEntry
    {
        public void* Raw { get; } = raw;
    }

    /// <summary>A field pointer of the owner plugin.</summary>
    private sealed class ForeignField(PluginOwnedTable table, void* raw, string name, StateType type) : TableField
    {
        public PluginOwnedTable Table { get; } = table;

        public void* Raw { get; } = raw;

        public override string Name { get; } = name;

        public override StateType Type { get; } = type;

        public override object Scope => Table;
    }

    /// <summary>The state of one iterate_entries call, reached from the unmanaged callback.</summary>
    private sealed class Iteration(Func<TableEntry, bool> visit)
    {
        public Func<TableEntry, bool> Visit { get; } = visit;

        public Exception? Error { get; set; }
    }
}
