using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Tables;

/// <summary>What <see cref="TableRegistry"/> does with the tables a plugin exports, whatever their key type.</summary>
internal interface IExportedTable
{
    /// <summary>Frees the entries' values and the native structures, when the framework drops the table.</summary>
    void Release();
}

/// <summary>
/// The key-type-independent part of an exported table: its fields, its lock, and the native
/// <c>ss_plugin_table_input</c> the framework reads, whose callbacks
/// (<see cref="ExportedTableCallbacks"/>) dispatch back here.
/// </summary>
public abstract unsafe class ExportedTableBase : IExportedTable
{
    private readonly List<ExportedField> _fields = new();
    private readonly Dictionary<string, ExportedField> _fieldsByName = new(StringComparer.Ordinal);
    private readonly object? _sync;
    private GCHandle _handle;
    private TableInput* _input;
    private byte* _name;
    private TableFieldInfo* _fieldInfos;
    private int _fieldInfoCapacity;

    private protected ExportedTableBase(string name, StateType keyType, bool threadSafe)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        KeyType = keyType;
        _sync = threadSafe ? new object() : null;
    }

    /// <summary>The table name.</summary>
    public string Name { get; }

    /// <summary>The key type.</summary>
    public StateType KeyType { get; }

    /// <summary>Whether every operation (the owner's and other plugins') takes the table's lock.</summary>
    public bool IsThreadSafe => _sync is not null;

    /// <summary>The fields, declared and dynamic.</summary>
    public IReadOnlyList<ExportedField> Fields
    {
        get
        {
            using (Lock())
            {
                return _fields.ToArray();
            }
        }
    }

    /// <summary>The number of entries.</summary>
    public abstract int Count { get; }

    internal List<ExportedField> FieldList => _fields;

    internal bool IsPublished => _input is not null;

    /// <summary>Where failures of calls from other plugins are reported (the owning plugin's last error).</summary>
    internal Action<string>? ReportError { get; set; }

    internal byte* NameUtf8 => _name;

    /// <summary>Declares a field. Declare fields before publishing the table, so that other plugins see them at init.</summary>
    public ExportedField<T> AddField<T>(string name, bool readOnly = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        using (Lock())
        {
            if (_fieldsByName.TryGetValue(name, out ExportedField? existing))
            {
                return existing as ExportedField<T>
                    ?? throw new PluginException($"table '{Name}' already has a field '{name}' of type {StateValues.Name(existing.Type)}");
            }

            var field = new ExportedField<T>(name, readOnly, _fields.Count, dynamic: false);
            AddFieldLocked(field);
            return field;
        }
    }

    /// <summary>Finds a field by name, e.g. one another plugin added; null when there is none of that type.</summary>
    public ExportedField<T>? FindField<T>(string name)
    {
        using (Lock())
        {
            return _fieldsByName.TryGetValue(name, out ExportedField? field) ? field as ExportedField<T> : null;
        }
    }

    /// <summary>Takes the table's lock when the table is thread-safe; otherwise does nothing.</summary>
    internal TableLock Lock() => new(_sync);

    internal ExportedField? FindField(byte* name, StateType type, out string? error)
    {
        string text = Hosting.Utf8Interop.ToString(name);
        error = null;
        if (!_fieldsByName.TryGetValue(text, out ExportedField? field))
        {
            error = $"table '{Name}' has no field '{text}'";
            return null;
        }

        if (field.Type != type)
        {
            error = $"field '{text}' of table '{Name}' is {StateValues.Name(field.Type)}, not {StateValues.Name(type)}";
            return null;
        }

        return field;
    }

    internal ExportedField? AddDynamicField(byte* name, StateType type, out string? error)
    {
        string text = Hosting.Utf8Interop.ToString(name);
        if (_fieldsByName.TryGetValue(text, out ExportedField? existing))
        {
            error = existing.Type == type ? null : $"field '{text}' of table '{Name}' already exists as {StateValues.Name(existing.Type)}, not {StateValues.Name(type)}";
            return error is null ? existing : null;
        }

        ExportedField? field = ExportedFieldFactory.Create(text, type, _fields.Count);
        if (field is null)
        {
            error = $"table '{Name}' cannot hold fields of type {StateValues.Name(type)}";
            return null;
        }

        AddFieldLocked(field);
        error = null;
        return field;
    }

    internal TableFieldInfo* ListFields(out uint count)
    {
        if (_fields.Count > _fieldInfoCapacity)
        {
            _fieldInfoCapacity = Math.Max(_fields.Count, _fieldInfoCapacity * 2);
            _fieldInfos = (TableFieldInfo*)NativeMemory.Realloc(_fieldInfos, (nuint)(_fieldInfoCapacity * sizeof(TableFieldInfo)));
        }

        for (int i = 0; i < _fields.Count; i++)
        {
            _fieldInfos[i] = new TableFieldInfo { Name = _fields[i].NameUtf8, FieldType = _fields[i].Type, ReadOnly = _fields[i].ReadOnly ? 1u : 0u };
        }

        count = (uint)_fields.Count;
        return _fieldInfos;
    }

    internal abstract ExportedEntry? Find(StateData* key);

    internal abstract ExportedEntry CreateDetached();

    internal abstract ExportedEntry Insert(StateData* key, ExportedEntry detached);

    internal abstract bool Erase(StateData* key);

    internal abstract void ClearEntries();

    internal abstract ExportedEntry[] Snapshot();

    internal abstract string DescribeKey(StateData* key);

    /// <summary>Builds the native table input the framework copies in add_table; the name stays allocated until disposal.</summary>
    internal TableInput* Publish()
    {
        if (_input is not null)
        {
            throw new PluginException($"table '{Name}' is already published");
        }

        byte[] name = Encoding.UTF8.GetBytes(Name + "\0");
        _name = (byte*)NativeMemory.Alloc((nuint)name.Length);
        name.CopyTo(new Span<byte>(_name, name.Length));
        _handle = GCHandle.Alloc(this);
        _input = (TableInput*)NativeMemory.AllocZeroed((nuint)sizeof(TableInput));
        _input->Name = _name;
        _input->KeyType = KeyType;
        _input->Table = (void*)GCHandle.ToIntPtr(_handle);
        ExportedTableCallbacks.Fill(_input);
        return _input;
    }

    internal static ExportedTableBase? FromHandle(void* table) =>
        table is null ? null : GCHandle.FromIntPtr((nint)table).Target as ExportedTableBase;

    /// <inheritdoc />
    void IExportedTable.Release()
    {
        using (Lock())
        {
            ClearEntries();
            foreach (ExportedField field in _fields)
            {
                field.Release();
            }

            if (_input is not null)
            {
                ExportedTableCallbacks.Free(_input);
                NativeMemory.Free(_input);
                _input = null;
            }

            NativeMemory.Free(_name);
            NativeMemory.Free(_fieldInfos);
            _name = null;
            _fieldInfos = null;
            if (_handle.IsAllocated)
            {
                _handle.Free();
            }
        }
    }

    private void AddFieldLocked(ExportedField field)
    {
        _fields.Add(field);
        _fieldsByName.Add(field.Name, field);
    }
}

/// <summary>The lock of a thread-safe exported table, taken with <c>using</c>; a no-op for other tables.</summary>
internal readonly struct TableLock : IDisposable
{
    private readonly object? _sync;

    public TableLock(object? sync)
    {
        _sync = sync;
        if (sync is not null)
        {
            Monitor.Enter(sync);
        }
    }

    public void Dispose()
    {
        if (_sync is not null)
        {
            Monitor.Exit(_sync);
        }
    }
}

/// <summary>Creates typed fields for the state types other plugins ask for.</summary>
internal static class ExportedFieldFactory
{
    public static ExportedField? Create(string name, StateType type, int slot) => type switch
    {
        StateType.Int8 => new ExportedField<sbyte>(name, false, slot, dynamic: true),
        StateType.Int16 => new ExportedField<short>(name, false, slot, dynamic: true),
        StateType.Int32 => new ExportedField<int>(name, false, slot, dynamic: true),
        StateType.Int64 => new ExportedField<long>(name, false, slot, dynamic: true),
        StateType.UInt8 => new ExportedField<byte>(name, false, slot, dynamic: true),
        StateType.UInt16 => new ExportedField<ushort>(name, false, slot, dynamic: true),
        StateType.UInt32 => new ExportedField<uint>(name, false, slot, dynamic: true),
        StateType.UInt64 => new ExportedField<ulong>(name, false, slot, dynamic: true),
        StateType.Bool => new ExportedField<bool>(name, false, slot, dynamic: true),
        StateType.String => new ExportedField<string>(name, false, slot, dynamic: true),
        _ => null,
    };
}
