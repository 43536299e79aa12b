using System;
using System.Text.Json;

namespace Falco.Plugins.Examples.HttpAudit.Json;

/// <summary>
/// The text of a JSON value as a string field shows it: a string's unescaped content, a
/// number, <c>true</c>, <c>false</c> or <c>null</c> as written, an object or array as compact
/// JSON. The result is a slice of the document when it can be (no copy), of
/// <see cref="ScratchBuffer"/> otherwise; it is valid until the next call.
/// </summary>
internal static class JsonValueText
{
    private static ReadOnlySpan<byte> Whitespace => " \t\r\n"u8;

    /// <summary>The text of <paramref name="node"/>.</summary>
    public static ReadOnlySpan<byte> Render(in JsonNode node, ReadOnlySpan<byte> json, ScratchBuffer scratch)
    {
        ReadOnlySpan<byte> raw = json.Slice(node.Start, node.Length);
        switch (node.Kind)
        {
            case JsonValueKind.String when !node.ValueEscaped:
                return raw[1..^1];
            case JsonValueKind.String:
                var reader = new Utf8JsonReader(raw);
                reader.Read();
                Span<byte> unescaped = scratch.Get(raw.Length);
                return unescaped.Slice(0, reader.CopyString(unescaped));
            case JsonValueKind.Object:
            case JsonValueKind.Array:
                if (raw.IndexOfAny(Whitespace) < 0)
                {
                    return raw;
                }

                Span<byte> compact = scratch.Get(raw.Length);
                return compact.Slice(0, Compact(raw, compact));
            default:
                return raw;
        }
    }

    /// <summary>
    /// Copies well-formed JSON into <paramref name="target"/> (at least as long) without the
    /// whitespace between tokens, leaving everything else as it is; returns the bytes written.
    /// </summary>
    public static int Compact(ReadOnlySpan<byte> json, Span<byte> target)
    {
        int written = 0;
        bool inString = false;
        for (int i = 0; i < json.Length; i++)
        {
            byte b = json[i];
            if (inString)
            {
                if (b == (byte)'\\')
                {
                    // The escaped character is copied with its backslash, so an escaped quote does not end the string.
                    target[written++] = b;
                    b = json[++i];
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }
            }
            else if (b == (byte)'"')
            {
                inString = true;
            }
            else if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            target[written++] = b;
        }

        return written;
    }
}
