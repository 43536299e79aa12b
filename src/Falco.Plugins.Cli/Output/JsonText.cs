using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Falco.Plugins.Cli.Output;

/// <summary>The JSON writer settings of the tool, and JSON re-indentation.</summary>
internal static class JsonText
{
    /// <summary>
    /// Writer settings: the output goes to terminals and files, never into HTML, so characters
    /// such as quotes, <c>&lt;</c> and non-ASCII letters are written as they are.
    /// </summary>
    public static JsonWriterOptions WriterOptions(bool indented) => new()
    {
        Indented = indented,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes a JSON document with <paramref name="write"/> and returns it as text.</summary>
    public static string Build(bool indented, System.Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions(indented)))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary><paramref name="json"/> indented, or <see langword="null"/> when it is not valid JSON.</summary>
    public static string? Indent(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Build(indented: true, document.WriteTo);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
