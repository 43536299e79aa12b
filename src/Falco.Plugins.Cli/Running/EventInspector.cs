using System;
using System.Collections.Generic;
using System.IO;
using Falco.Plugins.Cli.Output;
using Falco.Plugins.Testing;

namespace Falco.Plugins.Cli.Running;

/// <summary>
/// Takes an <see cref="EventSnapshot"/> of each event: its plugin info and the requested fields.
/// Fields are extracted in one call; when that call fails, each field is extracted alone, as
/// libsinsp does, so that one failing field shows as absent (with a warning) and the others
/// keep their values.
/// </summary>
internal sealed class EventInspector
{
    /// <summary>SS_PLUGIN_SUCCESS.</summary>
    private const int Success = 0;

    /// <summary>The code of plugin events (PPME_PLUGINEVENT_E), the only events event_to_string formats.</summary>
    private const ushort PluginEventCode = 322;

    private readonly Plugin _plugin;
    private readonly string[] _fields;
    private readonly bool[] _isList;
    private readonly TextWriter _warnings;
    private readonly Func<CapturedEvent, bool>? _extracts;

    /// <summary>Checks <paramref name="fields"/> against the plugin's fields.</summary>
    /// <param name="plugin">The plugin to extract with.</param>
    /// <param name="fields">The fields to extract.</param>
    /// <param name="warnings">Where warnings about failed extractions go.</param>
    /// <param name="extracts">Which events the plugin extracts from (null: all); fields of other events are absent.</param>
    /// <exception cref="PluginHostException">A field is unknown or its argument breaks the field's rules.</exception>
    public EventInspector(Plugin plugin, IReadOnlyList<string> fields, TextWriter warnings, Func<CapturedEvent, bool>? extracts = null)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        ArgumentNullException.ThrowIfNull(fields);
        _plugin = plugin;
        _warnings = warnings;
        _extracts = extracts;
        _fields = new string[fields.Count];
        _isList = new bool[fields.Count];
        for (int i = 0; i < fields.Count; i++)
        {
            _fields[i] = fields[i].Trim();
            _isList[i] = FieldRequest.Parse(_fields[i], plugin.Info.Fields).Field.IsList;
        }
    }

    /// <summary>The snapshot of <paramref name="evt"/>.</summary>
    public EventSnapshot Inspect(CapturedEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        return new EventSnapshot(evt.Number, evt.Timestamp, PluginInfo(evt), Extract(evt));
    }

    /// <summary>event_to_string, or libsinsp's rendering of the payload when the plugin gives nothing.</summary>
    private string PluginInfo(CapturedEvent evt)
    {
        if (evt.Type != PluginEventCode || evt.PluginId != _plugin.Info.Id)
        {
            return "<NA>";
        }

        return _plugin.EventToString(evt) is { Length: > 0 } text ? text : PayloadFallback.Describe(evt.Payload.Span);
    }

    private FieldValue[] Extract(CapturedEvent evt)
    {
        var values = new FieldValue[_fields.Length];
        if (_fields.Length == 0)
        {
            return values;
        }

        if (_extracts is not null && !_extracts(evt))
        {
            // libsinsp does not call the extractor for events of other types or sources.
            for (int i = 0; i < _fields.Length; i++)
            {
                values[i] = new FieldValue(_fields[i], _isList[i], []);
            }

            return values;
        }

        if (_plugin.TryExtract(evt, _fields, out IReadOnlyList<ExtractedField> all) == Success)
        {
            for (int i = 0; i < _fields.Length; i++)
            {
                values[i] = new FieldValue(_fields[i], _isList[i], all[i].Values);
            }

            return values;
        }

        for (int i = 0; i < _fields.Length; i++)
        {
            if (_plugin.TryExtract(evt, [_fields[i]], out IReadOnlyList<ExtractedField> one) == Success)
            {
                values[i] = new FieldValue(_fields[i], _isList[i], one[0].Values);
            }
            else
            {
                _warnings.WriteLine(CliApplication.Message($"warning: event {evt.Number}: cannot extract {_fields[i]}: {_plugin.LastError}"));
                values[i] = new FieldValue(_fields[i], _isList[i], []);
            }
        }

        return values;
    }
}
