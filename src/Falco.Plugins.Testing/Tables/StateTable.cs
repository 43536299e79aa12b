using System;
using System.Collections.Generic;
using Falco.Plugins.Abi;
using Falco.Plugins.Testing.Tables;

namespace Falco.Plugins.Testing;

/// <summary>
/// Any table of a host's registry, read and written by key and field name the way a plugin
/// would: a table a plugin added answers through the plugin's own vtables. Use it to check
/// what a plugin put in the table it exports. Failures raise <see cref="PluginHostException"/>
/// with the error a plugin would have received.
/// </summary>
public sealed unsafe class StateTable
{
    private readonly TableSession _session;

    internal StateTable(TableSession session, string name)
    {
        _session = session;
        Name = name;
    }

    /// <summary>The table name.</summary>
    public string Name { get; }

    /// <summary>The key type.</summary>
    public StateType KeyType => Table.KeyType;

    /// <summary>The plugin that added the table, or null for the host's own.</summary>
    public string? AddedBy => Table.AddedBy?.PluginName;

    /// <summary>The number of entries (get_table_size).</summary>
    public ulong Count => Run(table => table.GetSize());

    /// <summary>The fields (list_table_fields).</summary>
    public IReadOnlyList<StateFieldInfo> Fields => Run(table =>
    {
        var fields = new List<StateFieldInfo>();
        foreach (TableFieldInfo info in table.ListFields())
        {
            fields.Add(new StateFieldInfo(NativeUtf8.Read(info.Name), info.FieldType, info.ReadOnly != 0));
        }

        return fields;
    });

    private RegisteredTable Table => _session.Registry.Find(Name) ?? throw new PluginHostException($"table '{Name}' is no longer registered");

    /// <summary>Whether an entry is stored under <paramref name="key"/> (get_table_entry finds it).</summary>
    /// <param name="key">A value convertible to the key type (a number, a bool or a string).</param>
    public bool Contains(object key)
    {
        try
        {
            return Run(table => WithEntry(table, key, entry => true));
        }
        catch (PluginHostException)
        {
            return false;
        }
    }

    /// <summary>
    /// Reads <paramref name="field"/> of the entry under <paramref name="key"/>: a string, a bool,
    /// a number of the field's exact width, or for a nested table its <c>ss_plugin_table_t*</c>.
    /// </summary>
    /// <exception cref="PluginHostException">There is no such entry or field, or the table failed.</exception>
    public object? Read(object key, string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return Run(table =>
        {
            StateType type = FieldType(table, field);
            TableField handle = table.GetField(field, type);
            return WithEntry(table, key, entry =>
            {
                StateData value = default;
                Check(table.ReadField(entry, handle, &value, _session), "read_entry_field");
                return type switch
                {
                    StateType.String => NativeUtf8.Read(value.Str),
                    StateType.Table => (object)(nint)value.Table,
                    _ => StateValueCodec.ToObject(type, StateValueCodec.ReadBits(type, &value)),
                };
            });
        });
    }

    /// <summary>Writes <paramref name="field"/> of the entry under <paramref name="key"/> (write_entry_field).</summary>
    /// <exception cref="PluginHostException">There is no such entry or field, or the table refused the write.</exception>
    public void Write(object key, string field, object value)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(value);
        Run(table =>
        {
            StateType type = FieldType(table, field);
            TableField handle = table.GetField(field, type);
            return WithEntry(table, key, entry =>
            {
                using var data = new NativeStateData(type, value);
                Check(table.WriteField(entry, handle, data.Pointer), "write_entry_field");
                return true;
            });
        });
    }

    /// <summary>Every entry with every field, read through iterate_entries (nested tables as their pointers).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> ReadAll() => Run(table =>
    {
        var fields = new List<(TableField Handle, StateType Type)>();
        foreach (TableFieldInfo info in table.ListFields())
        {
            fields.Add((table.GetField(NativeUtf8.Read(info.Name), info.FieldType), info.FieldType));
        }

        var rows = new List<IReadOnlyDictionary<string, object?>>();
        table.Iterate(entry =>
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach ((TableField handle, StateType type) in fields)
            {
                StateData value = default;
                Check(table.ReadField(entry, handle, &value, _session), "read_entry_field");
                row[handle.Name] = type switch
                {
                    StateType.String => NativeUtf8.Read(value.Str),
                    StateType.Table => (nint)value.Table,
                    _ => StateValueCodec.ToObject(type, StateValueCodec.ReadBits(type, &value)),
                };
            }

            rows.Add(row);
            return true;
        });
        return rows;
    });

    private static StateType FieldType(RegisteredTable table, string field)
    {
        foreach (TableFieldInfo info in table.ListFields())
        {
            if (string.Equals(NativeUtf8.Read(info.Name), field, StringComparison.Ordinal))
            {
                return info.FieldType;
            }
        }

        throw new TableApiException($"undefined field '{field}' in table '{table.Name}'");
    }

    private static void Check(PluginRc rc, string call)
    {
        if (rc != PluginRc.Success)
        {
            throw new TableApiException($"{call} returned {rc}");
        }
    }

    private static T WithEntry<T>(RegisteredTable table, object key, Func<TableEntry, T> use)
    {
        using var data = new NativeStateData(table.KeyType, key);
        TableEntry entry = table.GetEntry(data.Pointer);
        try
        {
            return use(entry);
        }
        finally
        {
            table.ReleaseEntry(entry);
        }
    }

    private T Run<T>(Func<RegisteredTable, T> call)
    {
        try
        {
            return call(Table);
        }
        catch (TableApiException error)
        {
            throw new PluginHostException($"table '{Name}': {error.Message}", error);
        }
        finally
        {
            _session.EndCallback();
        }
    }
}
