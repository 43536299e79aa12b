using System.Globalization;
using Falco.Plugins.Tables;

namespace Falco.Plugins.Tests.TableClient;

/// <summary>
/// Imports <c>probe_items</c>, the table the tableprobe plugin exports: reads its fields,
/// rewrites its label, adds a field of its own (<c>note</c>), and iterates it.
/// </summary>
[FalcoPlugin("tableclient", Version = "1.0.0", Description = "End-to-end test plugin importing another plugin's table", Contact = "tests")]
[ParseEventSources("syscall")]
[ExtractEventSources("syscall")]
public sealed partial class TableClientPlugin : IPlugin, IEventParser, IFieldExtractor
{
    private readonly ImportedTable<string> _items;
    private readonly TableField<ulong> _count;
    private readonly TableField<string> _label;
    private readonly TableField<bool> _even;
    private readonly TableField<string> _note;

    /// <summary>Imports the table and adds the note field.</summary>
    public TableClientPlugin(TableRegistry tables)
    {
        _items = tables.GetTable<string>("probe_items");
        _count = _items.GetField<ulong>("count");
        _label = _items.GetField<string>("label");
        _even = _items.GetField<bool>("even");
        _note = _items.AddField<string>("note");
    }

    /// <inheritdoc />
    public void ParseEvent(ref ParseContext context)
    {
        WritableTable<string> items = context.Tables.Table(_items);
        items.ForEach((ref WritableTableEntry item) =>
        {
            ulong count = item.Get(_count);
            item.Set(_note, "noted at " + count.ToString(CultureInfo.InvariantCulture));
            item.Set(_label, "relabeled by tableclient");
            return true;
        });
    }

    /// <summary>The count of an item, read through the table API.</summary>
    [Field("tableclient.count", "The count of an item of probe_items", Arg = FieldArg.RequiredKey)]
    public ulong? Count(ref ExtractContext context, string key) => TryRead(ref context, key, _count, out ulong value) ? value : null;

    /// <summary>A string of another plugin's table.</summary>
    [Field("tableclient.label", "The label of an item of probe_items", Arg = FieldArg.RequiredKey)]
    public string? Label(ref ExtractContext context, string key) => TryRead(ref context, key, _label, out string? value) ? value : null;

    /// <summary>A bool of another plugin's table.</summary>
    [Field("tableclient.even", "Whether the count of an item is even", Arg = FieldArg.RequiredKey)]
    public bool? Even(ref ExtractContext context, string key) => TryRead(ref context, key, _even, out bool value) ? value : null;

    /// <summary>The field this plugin added to another plugin's table.</summary>
    [Field("tableclient.note", "The note this plugin keeps on an item of probe_items", Arg = FieldArg.RequiredKey)]
    public string? Note(ref ExtractContext context, string key) => TryRead(ref context, key, _note, out string? value) ? value : null;

    /// <summary>The table's size through the API.</summary>
    [Field("tableclient.items", "The number of items in probe_items")]
    public ulong Items(ref ExtractContext context) => context.Tables.Table(_items).Count;

    private bool TryRead<T>(ref ExtractContext context, string key, TableField<T> field, out T? value)
    {
        value = default;
        if (!context.Tables.Table(_items).TryGetEntry(key, out TableEntry item))
        {
            return false;
        }

        using (item)
        {
            value = item.Get(field);
            return true;
        }
    }
}
