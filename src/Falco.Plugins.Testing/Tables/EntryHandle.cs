namespace Falco.Plugins.Testing.Tables;

/// <summary>How a plugin came by an entry handle, which decides what it may do with it and how it ends.</summary>
internal enum EntryHandleKind
{
    /// <summary>From get_table_entry or add_table_entry: to be released (or released when the callback returns).</summary>
    Accessed,

    /// <summary>From create_table_entry: detached until add_table_entry or destroy_table_entry (or destroyed when the callback returns).</summary>
    Created,

    /// <summary>Passed to an iterate_entries callback: valid only during that call, never released.</summary>
    Iterated,
}

/// <summary>An entry handle a plugin holds: the table, the entry, and how it came by it.</summary>
internal sealed class EntryHandle(RegisteredTable table, TableEntry entry, EntryHandleKind kind)
{
    public RegisteredTable Table { get; } = table;

    public TableEntry Entry { get; } = entry;

    public EntryHandleKind Kind { get; } = kind;

    public nint Token { get; set; }
}
