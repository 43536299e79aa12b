using System;
using System.Globalization;
using System.Text;
using Falco.Plugins.Cli.Running;

namespace Falco.Plugins.Cli.Output;

/// <summary>
/// The text line <c>run</c> prints for an event:
/// <c>evt.num time evt.plugininfo field=value field=value ...</c>, e.g.
/// <c>1 2026-11-21T23:50:39.123456789Z {"sample": "2"} dummy.value=2</c>. An event replayed
/// from a capture shows what the plugin was given in place of the plugin info, its type and
/// arguments: <c>7 2018-08-10T23:30:53.000939056Z socket fd=3 ... dummy.value=2</c>.
/// </summary>
internal static class EventFormatter
{
    /// <summary>The line for <paramref name="snapshot"/>, without the line break.</summary>
    public static string Format(EventSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var line = new StringBuilder();
        line.Append(snapshot.Number.ToString(CultureInfo.InvariantCulture))
            .Append(' ').Append(Timestamps.Iso8601(snapshot.Timestamp))
            .Append(' ').Append(snapshot.Event ?? snapshot.Info);
        foreach (FieldValue field in snapshot.Fields)
        {
            line.Append(' ').Append(field.Name).Append('=').Append(ValueFormatter.Format(field));
        }

        return line.ToString();
    }
}
