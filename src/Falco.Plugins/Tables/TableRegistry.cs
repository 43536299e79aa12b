using System;
using System.Collections.Generic;
using Falco.Plugins.Abi;
using Falco.Plugins.Hosting;

namespace Falco.Plugins.Tables;

/// <summary>
/// The framework's state tables, as a plugin sees them during init: take a
/// <see cref="TableRegistry"/> constructor parameter to list tables, import them with typed
/// fields, add fields of your own and export tables. Everything here must happen in the
/// constructor: table and field handles are set up once, then used while processing events
/// through the <see cref="TableReader"/> and <see cref="TableWriter"/> the SDK hands out.
/// Only plugins that parse events or extract fields get table access from the framework.
/// </summary>
public sealed unsafe class TableRegistry
{
    private readonly string _pluginName;
    private readonly InitTablesInput _input;
    private readonly TableFieldsVtableExt _fields;
    private readonly TableReaderVtableExt _reader;
    private readonly TableWriterVtableExt _writer;
    private readonly bool _hasEntryAccess;
    private readonly TableApi _api;
    private readonly List<IExportedTable> _exported = new();
    private readonly PluginState _state;
    private bool _open = true;

    internal TableRegistry(PluginDescriptor descriptor, InitTablesInput* input, void* owner, delegate* unmanaged<void*, byte*> ownerLastError, PluginState state)
    {
        _pluginName = descriptor.Name;
        _state = state;
        _input = *input;
        if (input->FieldsExt is null)
        {
            throw new PluginException("the framework's table input has no fields vtable");
        }

        _fields = *input->FieldsExt;

        // reader_ext and writer_ext joined the init input in API 3.5; they are read only when the
        // plugin requires it, since an older framework passes a shorter struct.
        if (descriptor.Has(5) && input->ReaderExt is not null && input->WriterExt is not null)
        {
            _reader = *input->ReaderExt;
            _writer = *input->WriterExt;
            _hasEntryAccess = true;
        }

        _api = new TableApi(null, null, owner, ownerLastError);
    }

    /// <summary>The tables the framework and the plugins loaded before this one registered.</summary>
    public IReadOnlyList<TableDescription> ListTables()
    {
        RequireOpen();
        if (_input.ListTables is null)
        {
            throw new PluginException("the framework offers no list_tables");
        }

        uint count = 0;
        TableInfo* tables = _input.ListTables(_api.Owner, &count);
        if (tables is null)
        {
            throw _api.Failure("listing the tables failed");
        }

        var result = new List<TableDescription>((int)count);
        for (uint i = 0; i < count; i++)
        {
            result.Add(new TableDescription(Utf8Interop.ToString(tables[i].Name), tables[i].KeyType));
        }

        return result;
    }

    /// <summary>Imports the table <paramref name="name"/>, whose keys must be of type <typeparamref name="TKey"/>.</summary>
    /// <exception cref="PluginException">No such table, or its keys have another type.</exception>
    public ImportedTable<TKey> GetTable<TKey>(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        RequireOpen();
        StateType keyType = KeyType<TKey>(name);
        void* table;
        fixed (byte* utf8 = CString(name))
        {
            table = _input.GetTable(_api.Owner, utf8, keyType);
        }

        if (table is null)
        {
            TableDescription? existing = null;
            foreach (TableDescription candidate in ListTables())
            {
                existing = candidate.Name == name ? candidate : existing;
            }

            throw existing is null
                ? new PluginException($"there is no table '{name}'")
                : _api.Failure($"table '{name}' has {StateValues.Name(existing.KeyType)} keys, not {StateValues.Name(keyType)}");
        }

        return new ImportedTable<TKey>(this, name, table);
    }

    /// <summary>
    /// Publishes <paramref name="table"/> so that the framework and other plugins can read it,
    /// write it and add fields to it. The plugin keeps using it directly.
    /// </summary>
    /// <exception cref="PluginException">The framework refused the table (e.g. the name is taken).</exception>
    public void AddTable<TKey>(ExportedTable<TKey> table)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(table);
        RequireOpen();
        if (_input.AddTable is null)
        {
            throw new PluginException("the framework offers no add_table");
        }

        TableInput* input = table.Publish();
        table.ReportError = message => _state.SetError("table " + table.Name, message);
        _exported.Add(table);
        if (_input.AddTable(_api.Owner, input) != PluginRc.Success)
        {
            throw _api.Failure($"the framework refused the table '{table.Name}'");
        }
    }

    /// <summary>Ends the init phase: from now on, table and field handles can no longer be set up.</summary>
    internal void Close() => _open = false;

    /// <summary>Frees the tables the plugin exported, when the framework destroys the plugin.</summary>
    internal void DisposeExported()
    {
        foreach (IExportedTable table in _exported)
        {
            table.Release();
        }

        _exported.Clear();
    }

    internal TableField<T> ResolveField<T>(object owner, void* table, string tableName, string name, bool add)
    {
        ArgumentNullException.ThrowIfNull(name);
        RequireOpen();
        StateType type = FieldType<T>(tableName, name);
        void* field;
        fixed (byte* utf8 = CString(name))
        {
            field = add ? _fields.AddTableField(table, utf8, type) : _fields.GetTableField(table, utf8, type);
        }

        if (field is null)
        {
            throw add
                ? _api.Failure($"cannot add field '{name}' of type {StateValues.Name(type)} to table '{tableName}'")
                : _api.Failure($"table '{tableName}' has no field '{name}' of type {StateValues.Name(type)}");
        }

        return new TableField<T>(owner, tableName, name, field);
    }

    internal NestedTableField<TKey> ResolveNested<TKey>(void* table, string tableName, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        RequireOpen();
        void* field;
        fixed (byte* utf8 = CString(name))
        {
            field = _fields.GetTableField(table, utf8, StateType.Table);
        }

        if (field is null)
        {
            throw _api.Failure($"table '{tableName}' has no table-typed field '{name}'");
        }

        var nested = new NestedTableField<TKey>(this, table, tableName, name, field);
        WithNestedTable(table, nested, handle =>
        {
            // Every table handle the framework gives points to an ss_plugin_table_input, whose
            // key type tells whether the nested table is what the plugin expects.
            StateType actual = ((TableInput*)handle)->KeyType;
            StateType expected = KeyType<TKey>(nested.TableName);
            return actual == expected
                ? 0
                : throw new PluginException($"nested table '{nested.TableName}' has {StateValues.Name(actual)} keys, not {StateValues.Name(expected)}");
        });
        return nested;
    }

    /// <summary>
    /// Runs <paramref name="action"/> on the nested table of a temporary entry of the parent
    /// table: the only way to reach a nested table at init, when no entry may exist yet. Fields
    /// obtained this way work on that nested table of every entry.
    /// </summary>
    internal T WithNestedTable<TKey, T>(void* parentTable, NestedTableField<TKey> field, Func<nint, T> action)
    {
        RequireOpen();
        if (!_hasEntryAccess)
        {
            throw new PluginException($"nested tables such as '{field.TableName}' need plugin API 3.5: set RequiredApiVersion = \"3.5.0\" on [FalcoPlugin]");
        }

        void* entry = _writer.CreateTableEntry(parentTable);
        if (entry is null)
        {
            throw _api.Failure($"cannot create a temporary entry of table '{field.TableName[..field.TableName.LastIndexOf('.')]}' to reach '{field.TableName}'");
        }

        try
        {
            StateData value = default;
            if (_reader.ReadEntryField(parentTable, entry, field.Handle, &value) != PluginRc.Success || value.Table is null)
            {
                throw _api.Failure($"cannot read the nested table '{field.TableName}' of a temporary entry");
            }

            return action((nint)value.Table);
        }
        finally
        {
            _writer.DestroyTableEntry(parentTable, entry);
        }
    }

    internal IReadOnlyList<TableFieldDescription> ListFields(void* table, string tableName)
    {
        RequireOpen();
        uint count = 0;
        TableFieldInfo* fields = _fields.ListTableFields(table, &count);
        if (fields is null)
        {
            throw _api.Failure($"listing the fields of table '{tableName}' failed");
        }

        var result = new List<TableFieldDescription>((int)count);
        for (uint i = 0; i < count; i++)
        {
            result.Add(new TableFieldDescription(Utf8Interop.ToString(fields[i].Name), fields[i].FieldType, fields[i].ReadOnly != 0));
        }

        return result;
    }

    internal IReadOnlyList<TableFieldDescription> ListFields(nint table, string tableName) => ListFields((void*)table, tableName);

    private void RequireOpen()
    {
        if (!_open)
        {
            throw new PluginException($"{_pluginName}: tables can only be set up during init, in the plugin constructor");
        }
    }

    private static StateType KeyType<TKey>(string tableName)
    {
        try
        {
            return StateValues.TypeOf<TKey>();
        }
        catch (NotSupportedException ex)
        {
            throw new PluginException($"table '{tableName}': {ex.Message}", ex);
        }
    }

    private static StateType FieldType<T>(string tableName, string name)
    {
        try
        {
            return StateValues.TypeOf<T>();
        }
        catch (NotSupportedException ex)
        {
            throw new PluginException($"field '{name}' of table '{tableName}': {ex.Message}", ex);
        }
    }

    private static byte[] CString(string value) => System.Text.Encoding.UTF8.GetBytes(value + "\0");
}
