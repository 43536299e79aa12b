using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using Falco.Plugins.Tables;

namespace Falco.Plugins.Tests.FaultProbe;

/// <summary>
/// A plugin with every capability the SDK offers, each of which faults on demand: the init
/// config names one operation and one fault (<see cref="FaultSpec"/>), which strikes on chosen
/// calls only, so that tests can check both the failure and that the plugin works afterwards.
/// </summary>
[FalcoPlugin("faultprobe", Version = "1.0.0", Description = "End-to-end test plugin that injects faults", Contact = "tests")]
[AsyncEvents("fault_tick", "fault_state")]
public sealed partial class FaultProbePlugin : IConfigurable<FaultProbeConfig>, IEventSource<IFaultProbeInstance>, IOpenParamsProvider, IEventFormatter, IDisposable
{
    private readonly FaultPlan _faults;
    private readonly PluginLogger _logger;
    private readonly int _asyncTicks;
    private string _label;

    /// <summary>Creates the probe: its metrics and exported table, then the init fault, if any.</summary>
    public FaultProbePlugin(FaultProbeConfig config, PluginLogger logger, PluginMetrics metrics, TableRegistry tables)
    {
        _faults = new FaultPlan(config.Fault);
        _logger = logger;
        _label = config.Label;
        _asyncTicks = config.AsyncTicks;
        _faults.At(FaultPoint.Init);
        string? malformed = _faults.MalformedStrike(FaultPoint.Init);

        _routineCalls = metrics.Counter("routine_calls");
        _capturesOpen = metrics.Gauge("captures_open");
        metrics.ObserveGauge("observed", Observe);
        metrics.Meter.CreateObservableGauge("meter_observed", ObserveMeter);
        if (malformed == "metric_twice")
        {
            metrics.Counter("routine_calls");
        }

        _items = new ExportedTable<string>(ItemsTable);
        _itemCount = _items.AddField<ulong>("count");
        _itemLabel = _items.AddField<string>("label");
        _itemEven = _items.AddField<bool>("even", readOnly: true);
        if (malformed == "table_field_type")
        {
            _items.AddField<double>("ratio");
        }

        tables.AddTable(_items);
        if (malformed == "table_twice")
        {
            tables.AddTable(new ExportedTable<string>(ItemsTable));
        }

        logger.Info($"faultprobe initialized with label {config.Label}");
    }

    /// <inheritdoc />
    public static uint SourceId => 998;

    /// <inheritdoc />
    public static string EventSource => "faultprobe";

    /// <inheritdoc />
    public IFaultProbeInstance Open(string parameters)
    {
        _faults.At(FaultPoint.Open);
        if (_faults.Strikes(FaultPoint.Open, "null_instance"))
        {
            return null!;
        }

        FaultProbeOpenParams open = string.IsNullOrEmpty(parameters)
            ? new FaultProbeOpenParams()
            : PluginJson.Deserialize(parameters, FaultProbeJsonContext.Default.FaultProbeOpenParams, "open params");
        return open.Push
            ? new PushSource(_faults, open.Count, TimeSpan.FromMilliseconds(open.StopTimeoutMs))
            : new FaultSource(_faults, open.Count);
    }

    /// <inheritdoc />
    public IReadOnlyList<OpenParam> ListOpenParams()
    {
        _faults.At(FaultPoint.ListOpenParams);
        return _faults.MalformedStrike(FaultPoint.ListOpenParams) switch
        {
            "null_list" => null!,
            "null_value" => [new OpenParam(null!, "a parameter without a value")],
            _ => [new("{\"count\": 10}", "ten events"), new("{\"count\": 5, \"push\": true}", "five pushed events")],
        };
    }

    /// <inheritdoc />
    public string EventToString(EventView evt)
    {
        _faults.At(FaultPoint.EventToString);
        return _faults.MalformedStrike(FaultPoint.EventToString) switch
        {
            "nul" => "faultprobe\0hidden",
            "null" => null!,
            _ => "faultprobe event " + Encoding.UTF8.GetString(evt.Payload),
        };
    }

    /// <inheritdoc />
    public void SetConfig(FaultProbeConfig config)
    {
        _faults.At(FaultPoint.SetConfig);
        Volatile.Write(ref _label, config.Label);
    }

    /// <summary>Destroys the probe (plugin_destroy).</summary>
    public void Dispose() => _faults.At(FaultPoint.Destroy);
}
