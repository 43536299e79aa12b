namespace Falco.Plugins.Testing.Loading;

/// <summary>The members of the plugin_api struct, in header order: the symbol <c>plugin_&lt;member&gt;</c> fills each.</summary>
internal static class ApiSymbols
{
    public static readonly string[] Members =
    [
        "get_required_api_version", "get_init_schema", "init", "destroy", "get_last_error",
        "get_name", "get_description", "get_contact", "get_version",
        "get_id", "get_event_source", "open", "close", "list_open_params", "get_progress", "event_to_string", "next_batch",
        "get_extract_event_types", "get_extract_event_sources", "get_fields", "extract_fields",
        "get_parse_event_types", "get_parse_event_sources", "parse_event",
        "get_async_event_sources", "get_async_events", "set_async_event_handler", "dump_state",
        "set_config", "get_metrics",
        "capture_open", "capture_close",
        "get_required_event_schema_version",
    ];

    /// <summary>The symbols libsinsp requires, in the order it checks them.</summary>
    public static readonly string[] Required =
    [
        "get_required_api_version", "get_version", "get_name", "get_description", "get_contact", "init", "destroy", "get_last_error",
    ];
}
