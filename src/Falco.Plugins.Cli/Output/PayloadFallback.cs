using System;
using System.Text;

namespace Falco.Plugins.Cli.Output;

/// <summary>
/// libsinsp's <c>evt.plugininfo</c> for plugins without event_to_string (or with an empty
/// result): <c>datalen=N data=</c> followed by the first 50 payload bytes when they are all
/// printable ASCII (with <c>...</c> when there are more), or <c>&lt;binary&gt;</c>.
/// </summary>
internal static class PayloadFallback
{
    private const int MaxShown = 50;

    /// <summary>The rendering of <paramref name="payload"/>.</summary>
    public static string Describe(ReadOnlySpan<byte> payload)
    {
        var text = new StringBuilder();
        text.Append("datalen=").Append(payload.Length).Append(" data=");
        ReadOnlySpan<byte> shown = payload[..Math.Min(payload.Length, MaxShown)];
        foreach (byte b in shown)
        {
            // C's isprint in the "C" locale.
            if (b is < 0x20 or > 0x7e)
            {
                return text.Append("<binary>").ToString();
            }
        }

        text.Append(Encoding.ASCII.GetString(shown));
        if (payload.Length > MaxShown)
        {
            text.Append("...");
        }

        return text.ToString();
    }
}
