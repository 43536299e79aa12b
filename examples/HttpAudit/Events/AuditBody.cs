using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Unicode;

namespace Falco.Plugins.Examples.HttpAudit.Events;

/// <summary>
/// Finds the JSON objects of a request body: one object, an array of objects, or objects on
/// separate lines (NDJSON). Every object is checked to be well-formed JSON in valid UTF-8
/// before anything is queued, so a bad body is refused as a whole.
/// </summary>
internal static class AuditBody
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = Json.JsonIndex.MaxDepth };

    /// <summary>
    /// Fills <paramref name="objects"/> with the location of each object of
    /// <paramref name="body"/>, in order; returns <see langword="null"/>, or why the body is refused.
    /// </summary>
    public static string? Split(ReadOnlySpan<byte> body, List<Range> objects)
    {
        objects.Clear();
        if (!Utf8.IsValid(body))
        {
            return "the body is not valid UTF-8";
        }

        int position = SkipWhitespace(body, 0, out _);
        if (position == body.Length)
        {
            return "the body holds no JSON";
        }

        return body[position] == (byte)'[' ? SplitArray(body, position, objects) : SplitLines(body, position, objects);
    }

    private static string? SplitLines(ReadOnlySpan<byte> body, int position, List<Range> objects)
    {
        while (true)
        {
            int number = objects.Count + 1;
            if (body[position] != (byte)'{')
            {
                return $"value {number} of the body is not a JSON object";
            }

            int end;
            try
            {
                var reader = new Utf8JsonReader(body.Slice(position), ReaderOptions);
                reader.Read();
                reader.Skip();
                end = position + (int)reader.BytesConsumed;
            }
            catch (JsonException ex)
            {
                return $"value {number} of the body is not valid JSON: {Reason(ex)}";
            }

            objects.Add(new Range(position, end));
            position = SkipWhitespace(body, end, out bool newline);
            if (position == body.Length)
            {
                return null;
            }

            if (!newline)
            {
                return $"value {number} of the body is followed by more JSON on the same line: put one object per line";
            }
        }
    }

    private static string? SplitArray(ReadOnlySpan<byte> body, int position, List<Range> objects)
    {
        int end;
        try
        {
            var reader = new Utf8JsonReader(body.Slice(position), ReaderOptions);
            reader.Read();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    return $"element {objects.Count + 1} of the array is not a JSON object";
                }

                int start = position + (int)reader.TokenStartIndex;
                reader.Skip();
                objects.Add(new Range(start, position + (int)reader.BytesConsumed));
            }

            end = position + (int)reader.BytesConsumed;
        }
        catch (JsonException ex)
        {
            return $"the array is not valid JSON: {Reason(ex)}";
        }

        if (SkipWhitespace(body, end, out _) != body.Length)
        {
            return "an array must be the only value of the body";
        }

        return objects.Count == 0 ? "the array holds no JSON object" : null;
    }

    private static int SkipWhitespace(ReadOnlySpan<byte> body, int position, out bool newline)
    {
        newline = false;
        while (position < body.Length && body[position] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            newline |= body[position] == (byte)'\n';
            position++;
        }

        return position;
    }

    /// <summary>The reader's message without its position suffix, which counts from the value, not the body.</summary>
    private static string Reason(JsonException ex)
    {
        string message = ex.Message;
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut >= 0 ? message.Substring(0, cut) : message).TrimEnd(' ', '.');
    }
}
