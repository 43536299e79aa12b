using System.Collections.Generic;

namespace Falco.Plugins.Testing.Tables;

/// <summary>The public description of a schema's fields.</summary>
internal static class HostTableFields
{
    public static IReadOnlyList<StateFieldInfo> Of(TableSchema schema)
    {
        var fields = new List<StateFieldInfo>();
        foreach (FieldDefinition field in schema.AllFields)
        {
            fields.Add(new StateFieldInfo(field.Name, field.Type, field.ReadOnly));
        }

        return fields;
    }
}
