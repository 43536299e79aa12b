using System;

namespace Falco.Plugins.Tables;

/// <summary>A table the framework lists (<c>list_tables</c>).</summary>
/// <param name="Name">The table name.</param>
/// <param name="KeyType">The type of its keys.</param>
public sealed record TableDescription(string Name, StateType KeyType);

/// <summary>A field of a table as the table lists it (<c>list_table_fields</c>).</summary>
/// <param name="Name">The field name.</param>
/// <param name="Type">The value type.</param>
/// <param name="ReadOnly">Whether other plugins may only read it.</param>
public sealed record TableFieldDescription(string Name, StateType Type, bool ReadOnly);

/// <summary>
/// A field of an imported table, obtained at init from <see cref="ImportedTable{TKey}"/> or
/// <see cref="NestedTableField{TKey}"/>, and read or written on entries during event
/// processing. It stays valid for the life of the plugin.
/// </summary>
/// <typeparam name="T">The value type: sbyte, short, int, long, byte, ushort, uint, ulong, bool or string.</typeparam>
public sealed unsafe class TableField<T>
{
    internal TableField(object table, string tableName, string name, void* handle)
    {
        Table = table;
        TableName = tableName;
        Name = name;
        Handle = handle;
    }

    /// <summary>The field name.</summary>
    public string Name { get; }

    /// <summary>The name of the table the field belongs to.</summary>
    public string TableName { get; }

    internal object Table { get; }

    internal void* Handle { get; }

    /// <inheritdoc />
    public override string ToString() => $"{TableName}.{Name}";
}

/// <summary>
/// A table-typed field of an imported table (e.g. <c>threads.file_descriptors</c>): reading it
/// from an entry gives the nested table of that entry. The nested table's own fields are
/// obtained from it at init.
/// </summary>
/// <typeparam name="TKey">The key type of the nested table.</typeparam>
public sealed unsafe class NestedTableField<TKey>
{
    private readonly TableRegistry _registry;
    private readonly void* _parentTable;

    internal NestedTableField(TableRegistry registry, void* parentTable, string parentName, string name, void* handle)
    {
        _registry = registry;
        _parentTable = parentTable;
        Name = name;
        TableName = parentName + "." + name;
        Handle = handle;
    }

    /// <summary>The field name in the parent table.</summary>
    public string Name { get; }

    /// <summary>The nested table's name, <c>parent.field</c>.</summary>
    public string TableName { get; }

    internal void* Handle { get; }

    /// <summary>Gets an existing field of the nested table. Init only.</summary>
    /// <exception cref="PluginException">The field does not exist or has another type.</exception>
    public TableField<T> GetField<T>(string name) =>
        _registry.WithNestedTable(_parentTable, this, nested => _registry.ResolveField<T>(this, (void*)nested, TableName, name, add: false));

    /// <summary>Adds a field of the plugin's own to every nested table of this kind (or gets it if it exists with the same type). Init only.</summary>
    public TableField<T> AddField<T>(string name) =>
        _registry.WithNestedTable(_parentTable, this, nested => _registry.ResolveField<T>(this, (void*)nested, TableName, name, add: true));

    /// <summary>The fields of the nested table. Init only.</summary>
    public System.Collections.Generic.IReadOnlyList<TableFieldDescription> ListFields() =>
        _registry.WithNestedTable(_parentTable, this, nested => _registry.ListFields(nested, TableName));

    /// <inheritdoc />
    public override string ToString() => TableName;
}

/// <summary>
/// A table owned by the framework or another plugin, obtained at init from the
/// <see cref="TableRegistry"/>; its entries are read and written during event processing through
/// the <see cref="TableReader"/> or <see cref="TableWriter"/> the SDK hands out.
/// </summary>
/// <typeparam name="TKey">The key type, matching the table's.</typeparam>
public sealed unsafe class ImportedTable<TKey>
{
    private readonly TableRegistry _registry;

    internal ImportedTable(TableRegistry registry, string name, void* handle)
    {
        _registry = registry;
        Name = name;
        Handle = handle;
    }

    /// <summary>The table name.</summary>
    public string Name { get; }

    internal void* Handle { get; }

    /// <summary>Gets an existing field. Init only.</summary>
    /// <exception cref="PluginException">The field does not exist or has another type.</exception>
    public TableField<T> GetField<T>(string name) => _registry.ResolveField<T>(this, Handle, Name, name, add: false);

    /// <summary>Adds a field of the plugin's own to every entry (or gets it if it exists with the same type). Init only.</summary>
    /// <exception cref="PluginException">The name is taken by a field of another type.</exception>
    public TableField<T> AddField<T>(string name) => _registry.ResolveField<T>(this, Handle, Name, name, add: true);

    /// <summary>Gets a table-typed field, e.g. <c>file_descriptors</c> of <c>threads</c>. Init only; needs plugin API 3.5.</summary>
    /// <exception cref="PluginException">The field does not exist, is not a table, or its key type is not <typeparamref name="TNestedKey"/>.</exception>
    public NestedTableField<TNestedKey> GetTableField<TNestedKey>(string name) => _registry.ResolveNested<TNestedKey>(Handle, Name, name);

    /// <summary>The table's fields. Init only.</summary>
    public System.Collections.Generic.IReadOnlyList<TableFieldDescription> ListFields() => _registry.ListFields(Handle, Name);

    /// <inheritdoc />
    public override string ToString() => Name;

    internal static void RequireKeyType()
    {
        _ = StateValues.TypeOf<TKey>();
    }
}
