using System;
using System.Collections.Generic;

namespace Falco.Plugins.Testing.Tables;

/// <summary>
/// The fields of a kind of host table: fixed static fields plus dynamic fields added by
/// plugins. Dynamic definitions apply to every entry, present and future, of every table that
/// shares the schema; all <c>file_descriptors</c> tables share one, as in libsinsp.
/// </summary>
internal sealed unsafe class TableSchema : IDisposable
{
    private readonly List<FieldDefinition> _static = new();
    private readonly List<FieldDefinition> _dynamic = new();
    private readonly Dictionary<string, FieldDefinition> _byName = new(StringComparer.Ordinal);

    public TableSchema(string tableName, IEnumerable<StaticFieldSpec> staticFields)
    {
        ArgumentNullException.ThrowIfNull(staticFields);
        TableName = tableName;
        NativeTableName = NativeUtf8.Allocate(tableName);
        foreach (StaticFieldSpec spec in staticFields)
        {
            var field = new FieldDefinition(this, spec.Name, spec.Type, spec.ReadOnly, isDynamic: false, _static.Count, (ulong)spec.Default, spec.NestedTable);
            _static.Add(field);
            _byName.Add(spec.Name, field);
        }
    }

    public string TableName { get; }

    /// <summary>False for libsinsp's STL adapter tables (args, env, cgroups), which refuse dynamic fields.</summary>
    public bool AllowsDynamicFields { get; init; } = true;

    /// <summary>The table name as native UTF-8 (get_table_name, list_tables); lives as long as the schema.</summary>
    public byte* NativeTableName { get; private set; }

    public IReadOnlyList<FieldDefinition> StaticFields => _static;

    public int DynamicFieldCount => _dynamic.Count;

    /// <summary>Static fields first, then dynamic ones in the order they were added (list_table_fields' order).</summary>
    public IReadOnlyList<FieldDefinition> AllFields
    {
        get
        {
            var all = new List<FieldDefinition>(_static);
            all.AddRange(_dynamic);
            return all;
        }
    }

    public FieldDefinition? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>get_table_field: the field named <paramref name="name"/>, which must have <paramref name="type"/>.</summary>
    public FieldDefinition GetField(string name, StateType type)
    {
        FieldDefinition field = Find(name)
            ?? throw new TableApiException($"undefined field '{name}' in table '{TableName}'");
        if (field.Type != type)
        {
            string kind = field.IsDynamic ? "dynamic" : "static";
            throw new TableApiException($"incompatible data types for {kind} field: {name}");
        }

        return field;
    }

    /// <summary>add_table_field: defines a dynamic field, or returns the existing one of the same type.</summary>
    public FieldDefinition AddDynamicField(string name, StateType type)
    {
        if (!AllowsDynamicFields)
        {
            throw new TableApiException("can't add dynamic fields to stl_container_table_adapter");
        }

        if (type == StateType.Table)
        {
            throw new TableApiException("dynamic fields of type table are not supported");
        }

        if (Find(name) is { } existing)
        {
            if (!existing.IsDynamic)
            {
                throw new TableApiException("can't add dynamic field already defined as static: " + name);
            }

            if (existing.Type != type)
            {
                throw new TableApiException(
                    $"multiple definitions of dynamic field with different types in struct: {name}, prevtype={StateTypeNames.Of(existing.Type)}, newtype={StateTypeNames.Of(type)}");
            }

            return existing;
        }

        StateTypeNames.RequireKnown(type);
        var field = new FieldDefinition(this, name, type, readOnly: false, isDynamic: true, _dynamic.Count, defaultBits: 0, nestedTable: null);
        _dynamic.Add(field);
        _byName.Add(name, field);
        return field;
    }

    public void Dispose()
    {
        foreach (FieldDefinition field in AllFields)
        {
            field.FreeNativeName();
        }

        NativeUtf8.Free(NativeTableName);
        NativeTableName = null;
    }
}
