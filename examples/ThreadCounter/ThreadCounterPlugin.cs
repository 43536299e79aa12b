using System;
using Falco.Plugins.Tables;

namespace Falco.Plugins.Examples.ThreadCounter;

/// <summary>
/// Counts the syscall events of each thread. Parsing keeps the count in two places: a field
/// the plugin adds to the framework's <c>threads</c> table, and a table of its own,
/// <c>thread_counts</c>, that other plugins can import. Extraction exposes both, plus the
/// thread's command and the name of one of its file descriptors (a nested table).
/// </summary>
[FalcoPlugin("threadcounter",
    Version = "0.1.0",
    Description = "Counts the events of each thread in state tables",
    Contact = "github.com/falco-plugin-sdk-dotnet",
    RequiredApiVersion = "3.5.0")]
[ParseEventSources("syscall")]
[ExtractEventSources("syscall")]
public sealed partial class ThreadCounterPlugin : IPlugin, IEventParser, IFieldExtractor
{
    private readonly ImportedTable<long> _threads;
    private readonly TableField<string> _comm;
    private readonly TableField<ulong> _eventCount;
    private readonly NestedTableField<long> _fileDescriptors;
    private readonly TableField<string> _fdName;
    private readonly ExportedTable<long> _counts;
    private readonly ExportedField<ulong> _countEvents;
    private readonly ExportedField<string> _countComm;

    /// <summary>Imports <c>threads</c>, adds the counter field to it, and exports <c>thread_counts</c>.</summary>
    public ThreadCounterPlugin(TableRegistry tables)
    {
        _threads = tables.GetTable<long>("threads");
        _comm = _threads.GetField<string>("comm");
        _eventCount = _threads.AddField<ulong>("threadcounter.events");
        _fileDescriptors = _threads.GetTableField<long>("file_descriptors");
        _fdName = _fileDescriptors.GetField<string>("name");

        _counts = new ExportedTable<long>("thread_counts");
        _countEvents = _counts.AddField<ulong>("events", readOnly: true);
        _countComm = _counts.AddField<string>("comm", readOnly: true);
        tables.AddTable(_counts);
    }

    /// <inheritdoc />
    public void ParseEvent(ref ParseContext context)
    {
        long tid = (long)context.Event.ThreadId;
        WritableTable<long> threads = context.Tables.Table(_threads);
        if (!threads.TryGetEntry(tid, out WritableTableEntry thread))
        {
            return;
        }

        using (thread)
        {
            ulong events = thread.Get(_eventCount) + 1;
            thread.Set(_eventCount, events);

            ExportedEntry<long> count = _counts.GetOrAdd(tid);
            count.Set(_countEvents, events);
            count.Set(_countComm, thread.Get(_comm));
        }
    }

    /// <summary>The thread's event count, from the field added to <c>threads</c>.</summary>
    [Field("threadcounter.events", "Events seen so far for the event's thread")]
    public ulong? Events(ref ExtractContext context)
    {
        ReadableTable<long> threads = context.Tables.Table(_threads);
        if (!threads.TryGetEntry((long)context.Event.ThreadId, out TableEntry thread))
        {
            return null;
        }

        using (thread)
        {
            return thread.Get(_eventCount);
        }
    }

    /// <summary>The same count, from the plugin's own exported table.</summary>
    [Field("threadcounter.table_events", "Events seen so far for the event's thread, from the thread_counts table")]
    public ulong? TableEvents(ref ExtractContext context) =>
        _counts.TryGet((long)context.Event.ThreadId, out ExportedEntry<long>? count) ? count.Get(_countEvents) : null;

    /// <summary>The thread's command.</summary>
    [Field("threadcounter.comm", "The command of the event's thread")]
    public string? Comm(ref ExtractContext context)
    {
        ReadableTable<long> threads = context.Tables.Table(_threads);
        if (!threads.TryGetEntry((long)context.Event.ThreadId, out TableEntry thread))
        {
            return null;
        }

        using (thread)
        {
            return thread.Get(_comm);
        }
    }

    /// <summary>The name of a file descriptor of the thread, from its nested table.</summary>
    [Field("threadcounter.fd_name", "The name of the file descriptor given as index, in the event's thread", Arg = FieldArg.RequiredIndex)]
    public string? FdName(ref ExtractContext context, ulong fd)
    {
        ReadableTable<long> threads = context.Tables.Table(_threads);
        if (!threads.TryGetEntry((long)context.Event.ThreadId, out TableEntry thread))
        {
            return null;
        }

        using (thread)
        {
            ReadableTable<long> fds = thread.GetTable(_fileDescriptors);
            if (!fds.TryGetEntry((long)fd, out TableEntry entry))
            {
                return null;
            }

            using (entry)
            {
                return entry.Get(_fdName);
            }
        }
    }
}
