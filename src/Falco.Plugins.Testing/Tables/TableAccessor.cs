using System;
using System.Runtime.InteropServices;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Testing.Tables;

/// <summary>
/// One plugin's view of one table (libsinsp's <c>table_accessor</c>): a native
/// <c>ss_plugin_table_input</c> whose <c>table</c> is a handle back to this object and whose
/// vtables are <see cref="HostTableFunctions"/>, so every call knows which plugin is calling
/// and whose owner error to set. Nested-table accessors are rebound from callback to callback.
/// </summary>
internal sealed unsafe class TableAccessor : IDisposable
{
    private static readonly HandleTable<TableAccessor> s_accessors = new();
    private readonly NativeArray<TableFieldInfo> _fieldInfos = new();
    private readonly nint _token;

    public TableAccessor(TableSession session, RegisteredTable? table)
    {
        Session = session;
        _token = s_accessors.Add(this);
        Input = (TableInput*)NativeMemory.AllocZeroed((nuint)sizeof(TableInput));
        Input->Table = (void*)_token;
        Input->Reader = HostTableFunctions.Reader;
        Input->Writer = HostTableFunctions.Writer;
        Input->Fields = HostTableFunctions.Fields;
        Input->ReaderExt = HostTableFunctions.ReaderExt;
        Input->WriterExt = HostTableFunctions.WriterExt;
        Input->FieldsExt = HostTableFunctions.FieldsExt;
        if (table is not null)
        {
            Bind(table);
        }
        else
        {
            Unbind();
        }
    }

    public TableSession Session { get; }

    /// <summary>The table served, or null for an unset nested-table accessor.</summary>
    public RegisteredTable? Table { get; private set; }

    /// <summary>The <c>ss_plugin_table_t*</c> handed to the plugin.</summary>
    public TableInput* Input { get; private set; }

    private RegisteredTable Bound => Table ?? throw new TableApiException(
        "invalid table handle: nested table handles are valid only during the callback that read them");

    /// <summary>The accessor behind a <c>t-&gt;table</c> pointer, or null if it is none of ours.</summary>
    public static TableAccessor? Find(void* table) => s_accessors.Find((nint)table);

    public void Bind(RegisteredTable table)
    {
        Table = table;
        Input->Name = table.NativeName;
        Input->KeyType = table.KeyType;
    }

    /// <summary>Unsets the accessor as libsinsp does (NULL name, INT8 key); the handle stays known so misuse gets an error.</summary>
    public void Unbind()
    {
        Table = null;
        Input->Name = null;
        Input->KeyType = StateType.Int8;
    }

    public byte* GetName() => Bound.NativeName;

    public ulong GetSize() => Bound.GetSize();

    public TableFieldInfo* ListFields(uint* count)
    {
        RequireOutput(count, "nfields");
        var infos = Bound.ListFields();
        *count = (uint)infos.Count;
        return _fieldInfos.Fill(infos);
    }

    public void* GetField(byte* name, StateType type)
    {
        string fieldName = RequireName(name);
        RegisteredTable table = Bound;
        return Session.IssueField(table.GetField(fieldName, type));
    }

    public void* AddField(byte* name, StateType type)
    {
        string fieldName = RequireName(name);
        if (type == StateType.Table)
        {
            // libsinsp refuses this in the accessor, before any table (even a plugin's) sees it.
            throw new TableApiException("can't add dynamic field of type table: " + fieldName);
        }

        RegisteredTable table = Bound;
        return Session.IssueField(table.AddField(fieldName, type));
    }

    public void* GetEntry(StateData* key)
    {
        RequireOutput(key, "key");
        RegisteredTable table = Bound;
        return Session.IssueEntry(table, table.GetEntry(key), EntryHandleKind.Accessed);
    }

    public PluginRc ReadField(void* entry, void* field, StateData* output)
    {
        RequireOutput(output, "out");
        *output = default;
        RegisteredTable table = Bound;
        EntryHandle handle = Session.ResolveEntry(entry, table);
        return table.ReadField(handle.Entry, Session.ResolveField(field, table), output, Session);
    }

    public void ReleaseEntry(void* entry) => Session.ReleaseEntry(entry, Bound);

    public uint IterateEntries(delegate* unmanaged<void*, void*, uint> iterator, void* state)
    {
        if (iterator is null)
        {
            throw new TableApiException("iterator function is null");
        }

        RegisteredTable table = Bound;
        nint function = (nint)iterator;
        nint iteratorState = (nint)state;
        bool all = table.Iterate(entry =>
        {
            // The handle lives only during the plugin's callback, which must not release it.
            nint token = (nint)Session.IssueEntry(table, entry, EntryHandleKind.Iterated);
            try
            {
                return ((delegate* unmanaged<void*, void*, uint>)function)((void*)iteratorState, (void*)token) != 0;
            }
            finally
            {
                Session.ForgetEntry(token);
            }
        });
        return all ? 1u : 0u;
    }

    public PluginRc Clear() => Bound.Clear();

    public PluginRc EraseEntry(StateData* key)
    {
        RequireOutput(key, "key");
        return Bound.Erase(key);
    }

    public void* CreateEntry()
    {
        RegisteredTable table = Bound;
        return Session.IssueEntry(table, table.CreateEntry(), EntryHandleKind.Created);
    }

    public void DestroyEntry(void* entry)
    {
        RegisteredTable table = Bound;
        EntryHandle created = Session.FindCreatedEntry(entry, table, "destroy_table_entry called on entry not created by create_table_entry");
        Session.ForgetEntry(created.Token);
        table.DestroyEntry(created.Entry);
    }

    public void* AddEntry(StateData* key, void* entry)
    {
        RequireOutput(key, "key");
        RegisteredTable table = Bound;
        EntryHandle created = Session.FindCreatedEntry(entry, table, "add_entry called on entry not created by create_table_entry");
        // On failure the entry stays the plugin's, to add again or destroy.
        TableEntry added = table.AddEntry(key, created.Entry);
        Session.ForgetEntry(created.Token);
        return Session.IssueEntry(table, added, EntryHandleKind.Accessed);
    }

    public PluginRc WriteField(void* entry, void* field, StateData* input)
    {
        RequireOutput(input, "in");
        RegisteredTable table = Bound;
        EntryHandle handle = Session.ResolveEntry(entry, table);
        return table.WriteField(handle.Entry, Session.ResolveField(field, table), input);
    }

    public void Dispose()
    {
        s_accessors.Remove(_token);
        _fieldInfos.Dispose();
        NativeMemory.Free(Input);
        Input = null;
    }

    private static string RequireName(byte* name) =>
        name is not null ? NativeUtf8.Read(name) : throw new TableApiException("field name is null");

    private static void RequireOutput(void* pointer, string parameter)
    {
        if (pointer is null)
        {
            throw new TableApiException(parameter + " is null");
        }
    }
}
