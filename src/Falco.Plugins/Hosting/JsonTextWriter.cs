using System.Globalization;
using System.Text;

namespace Falco.Plugins.Hosting;

/// <summary>A small JSON writer for the documents the SDK builds at run time (no reflection, trimming-safe).</summary>
internal sealed class JsonTextWriter
{
    private readonly StringBuilder _text = new();
    private bool _needsComma;

    public void BeginArray() => Open('[');

    public void EndArray() => Close(']');

    public void BeginObject() => Open('{');

    public void EndObject() => Close('}');

    public void Property(string name, string value)
    {
        Name(name);
        WriteString(_text, value);
        _needsComma = true;
    }

    public void Property(string name, bool value)
    {
        Name(name);
        _text.Append(value ? "true" : "false");
        _needsComma = true;
    }

    public void Property(string name, ulong value)
    {
        Name(name);
        _text.Append(value.ToString(CultureInfo.InvariantCulture));
        _needsComma = true;
    }

    public void PropertyName(string name)
    {
        Name(name);
        _needsComma = false;
    }

    /// <summary>Writes pre-rendered JSON (a number literal) as a value.</summary>
    public void RawValue(string json)
    {
        Comma();
        _text.Append(json);
        _needsComma = true;
    }

    public void Value(string value)
    {
        Comma();
        WriteString(_text, value);
        _needsComma = true;
    }

    public override string ToString() => _text.ToString();

    /// <summary>Appends <paramref name="value"/> as a JSON string literal.</summary>
    public static void WriteString(StringBuilder text, string value)
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

    private void Open(char bracket)
    {
        Comma();
        _text.Append(bracket);
        _needsComma = false;
    }

    private void Close(char bracket)
    {
        _text.Append(bracket);
        _needsComma = true;
    }

    private void Name(string name)
    {
        Comma();
        WriteString(_text, name);
        _text.Append(':');
    }

    private void Comma()
    {
        if (_needsComma)
        {
            _text.Append(',');
        }
    }
}
