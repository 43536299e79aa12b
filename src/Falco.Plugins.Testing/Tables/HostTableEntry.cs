using System;
using System.Collections.Generic;
using System.Globalization;
using Falco.Plugins.Testing.Tables;

namespace Falco.Plugins.Testing;

/// <summary>
/// An entry of one of the host's own tables, for tests: every field, static or dynamic, can be
/// read and written by name; subclasses add typed properties. Writes from here may set
/// fields that are read-only to plugins (such as a thread's <c>cwd</c>), to seed state.
/// </summary>
public abstract class HostTableEntry
{
    private protected HostTableEntry(HostEntry entry) => Entry = entry;

    /// <summary>The fields of the entry: static ones first, then dynamic ones in the order they were added.</summary>
    public IReadOnlyList<StateFieldInfo> Fields => HostTableFields.Of(Entry.Schema);

    internal HostEntry Entry { get; }

    /// <summary>
    /// The value of <paramref name="field"/>: a string, a bool, or a number of the field's exact
    /// width (<c>long</c> for INT64, <c>uint</c> for UINT32, …); a dynamic field never written
    /// reads as 0 or "". Nested tables read as their views.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The table has no such field.</exception>
    public object? this[string field]
    {
        get
        {
            FieldDefinition definition = Definition(field);
            return definition.Type == StateType.Table && Entry.NestedTable(definition) is { } nested
                ? NestedView(definition, nested)
                : Entry.Get(definition);
        }

        set => Entry.Set(Definition(field), value);
    }

    /// <summary>The value of <paramref name="field"/> converted to <typeparamref name="T"/> (for example an INT32 field as <c>long</c>).</summary>
    public T Get<T>(string field)
    {
        object? value = this[field];
        return value is T typed ? typed : (T)Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture)!;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Entry.Schema.TableName} entry";

    /// <summary>The view of a nested table held in <paramref name="field"/>.</summary>
    private protected abstract object NestedView(FieldDefinition field, HostTable table);

    private protected T Value<T>(string field) => (T)Entry.Get(Definition(field))!;

    private protected void SetValue(string field, object value) => Entry.Set(Definition(field), value);

    private protected HostTable Nested(string field) =>
        Entry.NestedTable(Definition(field)) ?? throw new InvalidOperationException($"field '{field}' holds no table");

    private FieldDefinition Definition(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return Entry.Schema.Find(field) ?? throw new KeyNotFoundException($"undefined field '{field}' in table '{Entry.Schema.TableName}'");
    }
}
