namespace Falco.Plugins.Testing.Tables;

/// <summary>What an entry handle (<c>ss_plugin_table_entry_t*</c>) stands for inside one table implementation.</summary>
internal abstract class TableEntry
{
}

/// <summary>What a field handle (<c>ss_plugin_table_field_t*</c>) stands for inside one table implementation.</summary>
internal abstract class TableField
{
    public abstract string Name { get; }

    public abstract StateType Type { get; }

    /// <summary>
    /// What the field is valid for: a schema shared by several host tables (a field from one
    /// <c>file_descriptors</c> table works on all of them), or one plugin-owned table.
    /// </summary>
    public abstract object Scope { get; }
}
