using System;
using Falco.Plugins.Tables;

namespace Falco.Plugins.Bench.TableBench;

/// <summary>
/// Measures the SDK's state-table API from the plugin side, driven by
/// <c>bench/driver/table_bench.c</c>, which plays the framework. Each extraction or parse call
/// repeats one table operation K times, so that the cost of the call itself (the transition into
/// the library, the event checks) spreads over K operations and the per-operation cost of the
/// table API stands out. The driver owns the imported table <c>bench_threads</c> (key: the
/// thread id; fields <c>value</c>, uint64, and <c>name</c>, string); the plugin exports
/// <c>bench_export</c> with the same fields, whose callbacks the driver calls directly.
/// </summary>
[FalcoPlugin("tablebench",
    Version = "0.1.0",
    Description = "Benchmark of the state-table API: imported and exported tables",
    Contact = "github.com/falco-plugin-sdk-dotnet")]
[ParseEventSources("syscall")]
[ExtractEventSources("syscall")]
public sealed partial class TableBenchPlugin : IPlugin<TableBenchConfig>, IEventParser, IFieldExtractor
{
    // Two values written alternately, so that every write changes the stored value.
    private static readonly string[] Names = ["bench-thread-a", "bench-thread-b"];

    private readonly int _writes;
    private readonly bool _writeString;
    private readonly bool _utf8;
    private readonly ImportedTable<long> _threads;
    private readonly TableField<ulong> _value;
    private readonly TableField<string> _name;
    private readonly ExportedTable<long> _export;
    private readonly ExportedField<ulong> _exportValue;
    private readonly ExportedEntry<long> _exportEntry;

    /// <summary>Imports <c>bench_threads</c> and exports <c>bench_export</c> with its entry 1 filled.</summary>
    public TableBenchPlugin(TableBenchConfig config, TableRegistry tables)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(tables);
        _writes = config.Writes;
        _writeString = config.WriteString;
        _utf8 = config.Utf8;

        _threads = tables.GetTable<long>("bench_threads");
        _value = _threads.GetField<ulong>("value");
        _name = _threads.GetField<string>("name");

        _export = new ExportedTable<long>("bench_export");
        _exportValue = _export.AddField<ulong>("value");
        ExportedField<string> exportName = _export.AddField<string>("name");
        _exportEntry = _export.GetOrAdd(1);
        _exportEntry.Set(_exportValue, 42UL);
        _exportEntry.Set(exportName, "bench-export-1");
        tables.AddTable(_export);
    }

    /// <summary>Opens the event's thread once and writes one of its fields K times (K from the config).</summary>
    public void ParseEvent(ref ParseContext context)
    {
        long tid = (long)context.Event.ThreadId;
        using WritableTableEntry thread = context.Tables.Table(_threads).GetEntry(tid);
        if (!_writeString)
        {
            for (int i = 0; i < _writes; i++)
            {
                thread.Set(_value, (ulong)i);
            }
        }
        else if (!_utf8)
        {
            for (int i = 0; i < _writes; i++)
            {
                thread.Set(_name, Names[i & 1]);
            }
        }
        else
        {
            for (int i = 0; i < _writes; i++)
            {
                thread.SetUtf8(_name, (i & 1) == 0 ? "bench-thread-a"u8 : "bench-thread-b"u8);
            }
        }
    }

    /// <summary>K reads of the uint64 field of one entry, opened once.</summary>
    [Field("tablebench.read", "The sum of K reads of bench_threads.value of the event's thread", Arg = FieldArg.RequiredIndex)]
    public ulong? Read(ref ExtractContext context, ulong count)
    {
        if (!context.Tables.Table(_threads).TryGetEntry((long)context.Event.ThreadId, out TableEntry thread))
        {
            return null;
        }

        using (thread)
        {
            ulong sum = 0;
            for (ulong i = 0; i < count; i++)
            {
                sum += thread.Get(_value);
            }

            return sum;
        }
    }

    /// <summary>K reads of the string field as UTF-8 bytes, without copies.</summary>
    [Field("tablebench.read_str", "The summed lengths of K GetUtf8 reads of bench_threads.name", Arg = FieldArg.RequiredIndex)]
    public ulong? ReadStr(ref ExtractContext context, ulong count)
    {
        if (!context.Tables.Table(_threads).TryGetEntry((long)context.Event.ThreadId, out TableEntry thread))
        {
            return null;
        }

        using (thread)
        {
            ulong sum = 0;
            for (ulong i = 0; i < count; i++)
            {
                sum += (ulong)thread.GetUtf8(_name).Length;
            }

            return sum;
        }
    }

    /// <summary>K reads of the string field as managed strings (Get&lt;string&gt;, one copy per read by design).</summary>
    [Field("tablebench.read_strcopy", "The summed lengths of K Get<string> reads of bench_threads.name", Arg = FieldArg.RequiredIndex)]
    public ulong? ReadStrCopy(ref ExtractContext context, ulong count)
    {
        if (!context.Tables.Table(_threads).TryGetEntry((long)context.Event.ThreadId, out TableEntry thread))
        {
            return null;
        }

        using (thread)
        {
            ulong sum = 0;
            for (ulong i = 0; i < count; i++)
            {
                sum += (ulong)thread.Get(_name).Length;
            }

            return sum;
        }
    }

    /// <summary>K lookups: open the entry, read the uint64 field, release the entry.</summary>
    [Field("tablebench.lookup", "The sum of K lookups of the event's thread in bench_threads, each reading value", Arg = FieldArg.RequiredIndex)]
    public ulong? Lookup(ref ExtractContext context, ulong count)
    {
        long tid = (long)context.Event.ThreadId;
        ReadableTable<long> threads = context.Tables.Table(_threads);
        ulong sum = 0;
        for (ulong i = 0; i < count; i++)
        {
            if (!threads.TryGetEntry(tid, out TableEntry thread))
            {
                return null;
            }

            using (thread)
            {
                sum += thread.Get(_value);
            }
        }

        return sum;
    }

    /// <summary>K reads of the plugin's own exported table, directly (no table API call): the owner's side.</summary>
    [Field("tablebench.export_read", "The sum of K direct reads of bench_export entry 1, value", Arg = FieldArg.RequiredIndex)]
    public ulong ExportRead(ref ExtractContext context, ulong count)
    {
        ulong sum = 0;
        for (ulong i = 0; i < count; i++)
        {
            sum += _exportEntry.Get(_exportValue);
        }

        return sum;
    }
}
