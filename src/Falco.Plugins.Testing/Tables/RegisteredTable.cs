using System;
using System.Collections.Generic;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Testing.Tables;

/// <summary>
/// A table in the registry, as libsinsp's <c>base_table</c>: the host's own tables and the
/// wrappers of plugin-owned ones implement it. Failures throw <see cref="TableApiException"/>
/// with the message that goes into the caller's owner last error; codes other than SUCCESS
/// and FAILURE that a plugin-owned table returns pass through without one.
/// </summary>
internal abstract unsafe class RegisteredTable
{
    public abstract string Name { get; }

    /// <summary>The name as the registry hands it out (libsinsp keeps the pointer a plugin added).</summary>
    public abstract byte* NativeName { get; }

    public abstract StateType KeyType { get; }

    /// <summary>What field handles of this table are valid for (see <see cref="TableField.Scope"/>).</summary>
    public abstract object FieldScope { get; }

    /// <summary>The plugin that added the table, or null for the host's own tables.</summary>
    public virtual TableSession? AddedBy => null;

    public abstract ulong GetSize();

    public abstract IReadOnlyList<TableFieldInfo> ListFields();

    public abstract TableField GetField(string name, StateType type);

    public abstract TableField AddField(string name, StateType type);

    public abstract TableEntry GetEntry(StateData* key);

    /// <summary>Reads a field; a table-typed value is bound for <paramref name="caller"/> (it needs an <c>ss_plugin_table_input</c>).</summary>
    public abstract PluginRc ReadField(TableEntry entry, TableField field, StateData* output, TableSession caller);

    public abstract void ReleaseEntry(TableEntry entry);

    /// <summary>Visits entries until <paramref name="visit"/> returns false; true when all were visited.</summary>
    public abstract bool Iterate(Func<TableEntry, bool> visit);

    public abstract PluginRc Clear();

    public abstract PluginRc Erase(StateData* key);

    public abstract TableEntry CreateEntry();

    public abstract void DestroyEntry(TableEntry entry);

    /// <summary>Inserts a created entry under <paramref name="key"/> (replacing any) and returns the inserted entry.</summary>
    public abstract TableEntry AddEntry(StateData* key, TableEntry entry);

    public abstract PluginRc WriteField(TableEntry entry, TableField field, StateData* input);
}
