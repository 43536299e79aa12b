using System;
using System.Text.Json;
using Falco.Plugins.Cli.Running;

namespace Falco.Plugins.Cli.Output;

/// <summary>
/// The JSON line <c>run --json</c> prints for an event: one object keyed by field name, like
/// the <c>output_fields</c> of Falco's JSON output, e.g.
/// <c>{"evt.num":1,"evt.time":"2026-11-21T23:50:39.123456789Z","evt.rawtime":1795305039123456789,"evt.plugininfo":"...","dummy.value":2}</c>.
/// Absent fields are <c>null</c>, list fields are arrays, uint64 and time fields are numbers.
/// An event replayed from a capture also has its type and arguments as an <c>"event"</c> member.
/// </summary>
internal static class EventJsonFormatter
{
    /// <summary>The JSON line for <paramref name="snapshot"/>, without the line break.</summary>
    public static string Format(EventSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return JsonText.Build(indented: false, writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("evt.num", snapshot.Number);
            writer.WriteString("evt.time", Timestamps.Iso8601(snapshot.Timestamp));
            writer.WriteNumber("evt.rawtime", snapshot.Timestamp);
            writer.WriteString("evt.plugininfo", snapshot.Info);
            if (snapshot.Event is not null)
            {
                writer.WriteString("event", snapshot.Event);
            }

            foreach (FieldValue field in snapshot.Fields)
            {
                writer.WritePropertyName(field.Name);
                WriteField(writer, field);
            }

            writer.WriteEndObject();
        });
    }

    private static void WriteField(Utf8JsonWriter writer, FieldValue field)
    {
        if (!field.IsPresent)
        {
            writer.WriteNullValue();
        }
        else if (!field.IsList && field.Values.Count == 1)
        {
            WriteValue(writer, field.Values[0]);
        }
        else
        {
            writer.WriteStartArray();
            foreach (object value in field.Values)
            {
                WriteValue(writer, value);
            }

            writer.WriteEndArray();
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case ulong number:
                writer.WriteNumberValue(number);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            default:
                writer.WriteStringValue(ValueFormatter.Format(value));
                break;
        }
    }
}
