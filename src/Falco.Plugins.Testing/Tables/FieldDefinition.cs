using System;

namespace Falco.Plugins.Testing.Tables;

/// <summary>
/// One field of a host-owned table: static (declared by the host, possibly read-only) or
/// dynamic (added at run time, always writable). A definition belongs to a
/// <see cref="TableSchema"/>, which several tables may share.
/// </summary>
internal sealed unsafe class FieldDefinition : TableField
{
    public FieldDefinition(TableSchema schema, string name, StateType type, bool readOnly, bool isDynamic, int index, ulong defaultBits, Func<HostTable>? nestedTable)
    {
        Schema = schema;
        Name = name;
        Type = type;
        ReadOnly = readOnly;
        IsDynamic = isDynamic;
        Index = index;
        DefaultBits = defaultBits;
        NestedTable = nestedTable;
        NativeName = NativeUtf8.Allocate(name);
    }

    public TableSchema Schema { get; }

    public override object Scope => Schema;

    public override string Name { get; }

    public override StateType Type { get; }

    public bool ReadOnly { get; }

    public bool IsDynamic { get; }

    /// <summary>The slot of the value in an entry: among static fields, or among dynamic ones.</summary>
    public int Index { get; }

    /// <summary>The initial value of scalar fields, as stored bits.</summary>
    public ulong DefaultBits { get; }

    /// <summary>For a static table-typed field, makes the nested table each new entry gets.</summary>
    public Func<HostTable>? NestedTable { get; }

    /// <summary>The name as native UTF-8, for <c>list_table_fields</c>; lives as long as the schema.</summary>
    public byte* NativeName { get; private set; }

    public void FreeNativeName()
    {
        NativeUtf8.Free(NativeName);
        NativeName = null;
    }
}

/// <summary>How a host table declares one of its static fields.</summary>
/// <param name="Name">The field name plugins look up.</param>
/// <param name="Type">The state type.</param>
/// <param name="ReadOnly">Whether plugins may only read it (libsinsp's DEFINE_STATIC_FIELD_READONLY).</param>
/// <param name="Default">The initial value of a new entry (scalars only).</param>
/// <param name="NestedTable">For a table-typed field, makes the nested table of each new entry.</param>
internal sealed record StaticFieldSpec(string Name, StateType Type, bool ReadOnly = false, long Default = 0, Func<HostTable>? NestedTable = null);
