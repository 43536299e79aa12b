namespace Falco.Plugins.Tests.FaultProbe;

/// <summary>The operations a fault can strike, named as the SDK names them in error messages.</summary>
public static class FaultPoint
{
    /// <summary>The plugin constructor.</summary>
    public const string Init = "init";

    /// <summary>IEventSource.Open.</summary>
    public const string Open = "open";

    /// <summary>IEventSourceInstance.NextBatch.</summary>
    public const string NextBatch = "next_batch";

    /// <summary>The instance's Dispose, which plugin_close calls.</summary>
    public const string Close = "close";

    /// <summary>The extractor methods.</summary>
    public const string ExtractFields = "extract_fields";

    /// <summary>IEventParser.ParseEvent.</summary>
    public const string ParseEvent = "parse_event";

    /// <summary>IAsyncEventProvider.RunAsync, from its start.</summary>
    public const string AsyncStart = "async_start";

    /// <summary>IAsyncEventProvider.RunAsync, once its token is cancelled.</summary>
    public const string AsyncStop = "async_stop";

    /// <summary>IStateDumper.DumpState.</summary>
    public const string DumpState = "dump_state";

    /// <summary>ICaptureListener.CaptureOpen.</summary>
    public const string CaptureOpen = "capture_open";

    /// <summary>ICaptureListener.CaptureClose.</summary>
    public const string CaptureClose = "capture_close";

    /// <summary>The body of the routine capture_open subscribes.</summary>
    public const string Routine = "routine";

    /// <summary>The observed gauge, read when the framework collects metrics.</summary>
    public const string GetMetrics = "get_metrics";

    /// <summary>IConfigurable.SetConfig.</summary>
    public const string SetConfig = "set_config";

    /// <summary>IEventFormatter.EventToString.</summary>
    public const string EventToString = "event_to_string";

    /// <summary>IOpenParamsProvider.ListOpenParams.</summary>
    public const string ListOpenParams = "list_open_params";

    /// <summary>IProgressReporter.GetProgress.</summary>
    public const string GetProgress = "get_progress";

    /// <summary>The plugin's Dispose, which plugin_destroy calls.</summary>
    public const string Destroy = "destroy";
}

/// <summary>What a fault is.</summary>
public static class FaultKind
{
    /// <summary>A plain .NET exception (see <see cref="ThrowVariant"/>).</summary>
    public const string Throw = "throw";

    /// <summary>The SDK's documented failure: a <see cref="PluginException"/> with a reason.</summary>
    public const string Fail = "fail";

    /// <summary>Bad data handed back to the SDK.</summary>
    public const string Malformed = "malformed";

    /// <summary>The operation does not return for a while, whatever the SDK asks.</summary>
    public const string Block = "block";
}

/// <summary>The exceptions a <c>throw</c> fault raises.</summary>
public static class ThrowVariant
{
    /// <summary>InvalidOperationException (the default).</summary>
    public const string InvalidOperation = "invalid_operation";

    /// <summary>A NullReferenceException raised by the runtime for a real null dereference.</summary>
    public const string NullReference = "null_reference";

    /// <summary>An IndexOutOfRangeException raised by the runtime for a real out-of-bounds read.</summary>
    public const string IndexOutOfRange = "index_out_of_range";

    /// <summary>A <see cref="FaultProbeException"/> wrapping a TimeoutException.</summary>
    public const string Custom = "custom";

    /// <summary>An OutOfMemoryException, thrown explicitly.</summary>
    public const string OutOfMemory = "out_of_memory";
}
