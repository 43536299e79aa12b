namespace Falco.Plugins.Hosting;

/// <summary>The names of plugin API operations, as error messages show them.</summary>
internal static class PluginOperation
{
    public const string Init = "init";
    public const string Destroy = "destroy";
    public const string Open = "open";
    public const string Close = "close";
    public const string NextBatch = "next_batch";
    public const string ExtractFields = "extract_fields";
    public const string ParseEvent = "parse_event";
    public const string SetAsyncEventHandler = "set_async_event_handler";
    public const string DumpState = "dump_state";
    public const string CaptureOpen = "capture_open";
    public const string CaptureClose = "capture_close";
    public const string SetConfig = "set_config";
    public const string GetMetrics = "get_metrics";
    public const string Routine = "routine";
    public const string ListOpenParams = "list_open_params";
    public const string GetProgress = "get_progress";
    public const string EventToString = "event_to_string";
}
