using System.Collections.Generic;

namespace Falco.Plugins.Testing.Tables;

/// <summary>The list-like nested tables of a thread (args, env, cgroups): keys 0..n-1, one string per field.</summary>
internal static class ListTables
{
    public static IReadOnlyList<string> Read(HostTable table, string field)
    {
        FieldDefinition definition = table.Schema.Find(field)!;
        var values = new List<string>();
        foreach (KeyValuePair<long, HostEntry> pair in table.Snapshot())
        {
            values.Add((string)pair.Value.Get(definition)!);
        }

        return values;
    }

    public static void Write(HostTable table, params (string Field, string[] Values)[] columns)
    {
        table.RemoveAll();
        for (int i = 0; i < columns[0].Values.Length; i++)
        {
            var entry = new HostEntry(table.Schema);
            foreach ((string field, string[] values) in columns)
            {
                entry.Set(table.Schema.Find(field)!, values[i]);
            }

            table.Insert(i, entry);
        }
    }
}
