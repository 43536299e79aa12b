using System.Globalization;
using System.Text;

namespace Falco.Plugins.Generators.Emitting;

/// <summary>A minimal JSON writer for the documents the generator bakes into plugins (fields, schemas).</summary>
internal sealed class JsonBuilder
{
    private readonly StringBuilder _text = new();
    private bool _needsComma;

    public JsonBuilder BeginObject() => Open('{');

    public JsonBuilder EndObject() => Close('}');

    public JsonBuilder BeginArray() => Open('[');

    public JsonBuilder EndArray() => Close(']');

    public JsonBuilder Name(string name)
    {
        Comma();
        AppendString(_text, name);
        _text.Append(':');
        _needsComma = false;
        return this;
    }

    public JsonBuilder String(string value)
    {
        Comma();
        AppendString(_text, value);
        _needsComma = true;
        return this;
    }

    public JsonBuilder Bool(bool value) => Raw(value ? "true" : "false");

    public JsonBuilder Number(long value) => Raw(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Appends pre-rendered JSON as a value.</summary>
    public JsonBuilder Raw(string json)
    {
        Comma();
        _text.Append(json);
        _needsComma = true;
        return this;
    }

    public JsonBuilder Property(string name, string value) => Name(name).String(value);

    public JsonBuilder Property(string name, bool value) => Name(name).Bool(value);

    public override string ToString() => _text.ToString();

    public static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2);
        AppendString(text, value);
        return text.ToString();
    }

    private static void AppendString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }

    private JsonBuilder Open(char bracket)
    {
        Comma();
        _text.Append(bracket);
        _needsComma = false;
        return this;
    }

    private JsonBuilder Close(char bracket)
    {
        _text.Append(bracket);
        _needsComma = true;
        return this;
    }

    private void Comma()
    {
        if (_needsComma)
        {
            _text.Append(',');
        }
    }
}
