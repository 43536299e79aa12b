namespace Falco.Plugins.Testing;

/// <summary>A table of a host's registry, as list_tables reports it, plus who added it.</summary>
/// <param name="Name">The table name.</param>
/// <param name="KeyType">The key type plugins must pass to get_table.</param>
/// <param name="AddedBy">The plugin that added the table, or null for the host's own (<c>threads</c>).</param>
public sealed record StateTableInfo(string Name, StateType KeyType, string? AddedBy);

/// <summary>A field of a table, as list_table_fields reports it.</summary>
/// <param name="Name">The field name.</param>
/// <param name="Type">The field type.</param>
/// <param name="ReadOnly">Whether plugins may only read it.</param>
public sealed record StateFieldInfo(string Name, StateType Type, bool ReadOnly);
