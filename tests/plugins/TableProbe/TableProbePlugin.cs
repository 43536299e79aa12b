using System;
using System.Globalization;
using Falco.Plugins.Tables;

namespace Falco.Plugins.Tests.TableProbe;

/// <summary>
/// Exercises the table API on syscall events: static and dynamic fields of <c>threads</c>,
/// iteration, the nested <c>file_descriptors</c> table (read and write), and an exported table
/// with string keys, <c>probe_items</c>, that another plugin reads and writes.
/// </summary>
[FalcoPlugin("tableprobe", Version = "1.0.0", Description = "End-to-end test plugin for state tables", Contact = "tests", RequiredApiVersion = "3.5.0")]
[ParseEventSources("syscall")]
[ExtractEventSources("syscall")]
public sealed partial class TableProbePlugin : IPlugin<TableProbeConfig>, IEventParser, IFieldExtractor
{
    /// <summary>The descriptor parsing adds to every thread it sees.</summary>
    public const long ProbeFd = 100;

    private readonly TableProbeConfig _config;
    private readonly ImportedTable<long> _threads;
    private readonly TableField<string> _comm;
    private readonly TableField<long> _pid;
    private readonly TableField<string> _exe;
    private readonly TableField<ulong> _seen;
    private readonly NestedTableField<long> _fds;
    private readonly TableField<string> _fdName;
    private readonly TableField<long> _fdNumber;
    private readonly ExportedTable<string> _items;
    private readonly ExportedField<ulong> _itemCount;
    private readonly ExportedField<string> _itemLabel;
    private readonly ExportedField<bool> _itemEven;

    /// <summary>Sets up every handle at init, as the table API requires.</summary>
    public TableProbePlugin(TableProbeConfig config, TableRegistry tables)
    {
        _config = config;
        if (config.WrongKeyType)
        {
            tables.GetTable<int>(config.ThreadTable);
        }

        _threads = tables.GetTable<long>(config.ThreadTable);
        _comm = _threads.GetField<string>(config.CommField);
        _pid = _threads.GetField<long>("pid");
        _exe = _threads.GetField<string>("exe");
        _seen = _threads.AddField<ulong>("tableprobe.seen");
        _fds = _threads.GetTableField<long>("file_descriptors");
        _fdName = _fds.GetField<string>("name");
        _fdNumber = _fds.GetField<long>("fd");

        _items = new ExportedTable<string>("probe_items");
        _itemCount = _items.AddField<ulong>("count");
        _itemLabel = _items.AddField<string>("label");
        _itemEven = _items.AddField<bool>("even", readOnly: true);
        tables.AddTable(_items);
    }

    /// <inheritdoc />
    public void ParseEvent(ref ParseContext context)
    {
        long tid = (long)context.Event.ThreadId;
        if (!context.Tables.Table(_threads).TryGetEntry(tid, out WritableTableEntry thread))
        {
            return;
        }

        using (thread)
        {
            thread.Set(_seen, thread.Get(_seen) + 1);
            if (_config.WriteExe is { } exe)
            {
                thread.Set(_exe, exe);
            }

            WritableTable<long> fds = thread.GetTable(_fds);
            if (!fds.TryGetEntry(ProbeFd, out WritableTableEntry existing))
            {
                NewTableEntry created = fds.CreateEntry();
                created.Set(_fdName, "probe-fd-" + tid.ToString(CultureInfo.InvariantCulture));
                using WritableTableEntry added = fds.Add(ProbeFd, ref created);
                added.Set(_fdNumber, ProbeFd);
            }
            else
            {
                existing.Dispose();
            }

            ExportedEntry<string> item = _items.GetOrAdd(thread.Get(_comm));
            ulong count = item.Get(_itemCount) + 1;
            item.Set(_itemCount, count);
            item.Set(_itemEven, count % 2 == 0);
            if (item.Get(_itemLabel).Length == 0)
            {
                item.Set(_itemLabel, "seen by tableprobe");
            }
        }
    }

    /// <summary>A static string field.</summary>
    [Field("tableprobe.comm", "The thread's command")]
    public string? Comm(ref ExtractContext context) => ReadThread(ref context, _comm);

    /// <summary>A static integer field.</summary>
    [Field("tableprobe.pid", "The thread's process id")]
    public ulong? Pid(ref ExtractContext context) => ReadThread(ref context, _pid) is long pid ? (ulong)pid : null;

    /// <summary>A static field the parser may write.</summary>
    [Field("tableprobe.exe", "The thread's exe")]
    public string? Exe(ref ExtractContext context) => ReadThread(ref context, _exe);

    /// <summary>The dynamic field the probe added.</summary>
    [Field("tableprobe.seen", "Events parsed for the thread")]
    public ulong? Seen(ref ExtractContext context) => ReadThread(ref context, _seen);

    /// <summary>The size of the thread table.</summary>
    [Field("tableprobe.threads", "The number of threads")]
    public ulong Threads(ref ExtractContext context) => context.Tables.Table(_threads).Count;

    /// <summary>The threads visited by iteration.</summary>
    [Field("tableprobe.iterated", "The number of threads an iteration visits, and the pids it sums")]
    public string Iterated(ref ExtractContext context)
    {
        long visited = 0, pids = 0;
        TableField<long> pid = _pid;
        context.Tables.Table(_threads).ForEach((ref TableEntry entry) =>
        {
            visited++;
            pids += entry.Get(pid);
            return true;
        });
        return $"{visited}:{pids}";
    }

    /// <summary>Iteration that stops early.</summary>
    [Field("tableprobe.first_two", "Whether iterating stops after two threads when asked to")]
    public bool FirstTwo(ref ExtractContext context)
    {
        int visited = 0;
        bool complete = context.Tables.Table(_threads).ForEach((ref TableEntry _) => ++visited < 2);
        return !complete && visited == 2;
    }

    /// <summary>A nested table read.</summary>
    [Field("tableprobe.fd_name", "The name of a file descriptor of the thread", Arg = FieldArg.RequiredIndex)]
    public string? FdName(ref ExtractContext context, ulong fd)
    {
        if (!context.Tables.Table(_threads).TryGetEntry((long)context.Event.ThreadId, out TableEntry thread))
        {
            return null;
        }

        using (thread)
        {
            if (!thread.GetTable(_fds).TryGetEntry((long)fd, out TableEntry entry))
            {
                return null;
            }

            using (entry)
            {
                return entry.Get(_fdName);
            }
        }
    }

    /// <summary>The nested table's size.</summary>
    [Field("tableprobe.fd_count", "The number of file descriptors of the thread")]
    public ulong? FdCount(ref ExtractContext context)
    {
        if (!context.Tables.Table(_threads).TryGetEntry((long)context.Event.ThreadId, out TableEntry thread))
        {
            return null;
        }

        using (thread)
        {
            return thread.GetTable(_fds).Count;
        }
    }

    /// <summary>The exported table, read directly by its owner.</summary>
    [Field("tableprobe.item_count", "The count of an item of probe_items", Arg = FieldArg.RequiredKey)]
    public ulong? ItemCount(ref ExtractContext context, string key) =>
        _items.TryGet(key, out ExportedEntry<string>? item) ? item.Get(_itemCount) : null;

    /// <summary>The exported table's label, which another plugin may rewrite.</summary>
    [Field("tableprobe.item_label", "The label of an item of probe_items", Arg = FieldArg.RequiredKey)]
    public string? ItemLabel(ref ExtractContext context, string key) =>
        _items.TryGet(key, out ExportedEntry<string>? item) ? item.Get(_itemLabel) : null;

    /// <summary>A field another plugin added to the exported table.</summary>
    [Field("tableprobe.item_note", "The note another plugin added to an item of probe_items", Arg = FieldArg.RequiredKey)]
    public string? ItemNote(ref ExtractContext context, string key) =>
        _items.FindField<string>("note") is { } note && _items.TryGet(key, out ExportedEntry<string>? item) ? item.Get(note) : null;

    private T? ReadThread<T>(ref ExtractContext context, TableField<T> field)
    {
        if (!context.Tables.Table(_threads).TryGetEntry((long)context.Event.ThreadId, out TableEntry thread))
        {
            return default;
        }

        using (thread)
        {
            return thread.Get(field);
        }
    }
}
