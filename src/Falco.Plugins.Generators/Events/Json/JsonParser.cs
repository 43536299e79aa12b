using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Falco.Plugins.Generators.Events.Json;

/// <summary>A strict JSON parser (RFC 8259) producing <see cref="JsonValue"/> trees.</summary>
internal sealed class JsonParser
{
    private const int MaxDepth = 64;
    private readonly string _text;
    private int _position;

    private JsonParser(string text)
    {
        _text = text;
    }

    /// <summary>Parses a whole document.</summary>
    /// <exception cref="JsonParseException">The text is not one JSON value.</exception>
    public static JsonValue Parse(string text)
    {
        var parser = new JsonParser(text);
        JsonValue value = parser.ParseValue(0);
        parser.SkipWhitespace();
        if (parser._position != text.Length)
        {
            throw parser.Error("text after the JSON value");
        }

        return value;
    }

    private JsonValue ParseValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error("nesting deeper than " + MaxDepth);
        }

        SkipWhitespace();
        if (_position >= _text.Length)
        {
            throw Error("unexpected end of the text");
        }

        char c = _text[_position];
        switch (c)
        {
            case '{':
                return ParseObject(depth);
            case '[':
                return ParseArray(depth);
            case '"':
                return JsonValue.String(ParseString());
            case 't':
                ExpectWord("true");
                return JsonValue.Literal(JsonKind.True);
            case 'f':
                ExpectWord("false");
                return JsonValue.Literal(JsonKind.False);
            case 'n':
                ExpectWord("null");
                return JsonValue.Literal(JsonKind.Null);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ParseNumber();
                }

                throw Error($"unexpected character '{c}'");
        }
    }

    private JsonValue ParseObject(int depth)
    {
        _position++;
        var members = new List<KeyValuePair<string, JsonValue>>();
        SkipWhitespace();
        if (TryConsume('}'))
        {
            return JsonValue.Object(members);
        }

        while (true)
        {
            SkipWhitespace();
            if (_position >= _text.Length || _text[_position] != '"')
            {
                throw Error("expected a member name");
            }

            string name = ParseString();
            SkipWhitespace();
            Expect(':');
            members.Add(new KeyValuePair<string, JsonValue>(name, ParseValue(depth + 1)));
            SkipWhitespace();
            if (TryConsume('}'))
            {
                return JsonValue.Object(members);
            }

            Expect(',');
        }
    }

    private JsonValue ParseArray(int depth)
    {
        _position++;
        var items = new List<JsonValue>();
        SkipWhitespace();
        if (TryConsume(']'))
        {
            return JsonValue.Array(items);
        }

        while (true)
        {
            items.Add(ParseValue(depth + 1));
            SkipWhitespace();
            if (TryConsume(']'))
            {
                return JsonValue.Array(items);
            }

            Expect(',');
        }
    }

    private string ParseString()
    {
        _position++;
        var value = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error("unterminated string");
            }

            char c = _text[_position++];
            if (c == '"')
            {
                return value.ToString();
            }

            if (c < 0x20)
            {
                throw Error("control character in a string");
            }

            if (c != '\\')
            {
                value.Append(c);
                continue;
            }

            if (_position >= _text.Length)
            {
                throw Error("unterminated escape");
            }

            char escape = _text[_position++];
            switch (escape)
            {
                case '"': value.Append('"'); break;
                case '\\': value.Append('\\'); break;
                case '/': value.Append('/'); break;
                case 'b': value.Append('\b'); break;
                case 'f': value.Append('\f'); break;
                case 'n': value.Append('\n'); break;
                case 'r': value.Append('\r'); break;
                case 't': value.Append('\t'); break;
                case 'u':
                    if (_position + 4 > _text.Length
                        || !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                    {
                        throw Error("bad \\u escape");
                    }

                    value.Append((char)code);
                    _position += 4;
                    break;
                default:
                    throw Error($"bad escape '\\{escape}'");
            }
        }
    }

    private JsonValue ParseNumber()
    {
        int start = _position;
        TryConsume('-');
        if (TryConsume('0'))
        {
            // A leading zero stands alone.
        }
        else if (!ConsumeDigits())
        {
            throw Error("expected a digit");
        }

        if (TryConsume('.') && !ConsumeDigits())
        {
            throw Error("expected a digit after '.'");
        }

        if (TryConsume('e') || TryConsume('E'))
        {
            if (!TryConsume('+'))
            {
                TryConsume('-');
            }

            if (!ConsumeDigits())
            {
                throw Error("expected an exponent");
            }
        }

        return JsonValue.Number(_text.Substring(start, _position - start));
    }

    private bool ConsumeDigits()
    {
        int start = _position;
        while (_position < _text.Length && _text[_position] >= '0' && _text[_position] <= '9')
        {
            _position++;
        }

        return _position > start;
    }

    private void ExpectWord(string word)
    {
        if (string.CompareOrdinal(_text, _position, word, 0, word.Length) != 0)
        {
            throw Error("unexpected literal");
        }

        _position += word.Length;
    }

    private void Expect(char c)
    {
        if (!TryConsume(c))
        {
            throw Error($"expected '{c}'");
        }
    }

    private bool TryConsume(char c)
    {
        if (_position < _text.Length && _text[_position] == c)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void SkipWhitespace()
    {
        while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\n' or '\r')
        {
            _position++;
        }
    }

    private JsonParseException Error(string problem)
    {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.Min(_position, _text.Length); i++)
        {
            if (_text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return new JsonParseException($"{problem} at line {line}, column {column}");
    }
}
