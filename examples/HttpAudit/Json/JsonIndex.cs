using System;
using System.Text.Json;

namespace Falco.Plugins.Examples.HttpAudit.Json;

/// <summary>One value of a JSON document, located by byte offsets into the document.</summary>
internal struct JsonNode
{
    /// <summary>What the value is.</summary>
    public JsonValueKind Kind;

    /// <summary>The offset of the value's first byte (the opening quote of a string).</summary>
    public int Start;

    /// <summary>The value's length in bytes, quotes and brackets included.</summary>
    public int Length;

    /// <summary>The index of the node after this value and everything inside it.</summary>
    public int Next;

    /// <summary>The offset of the opening quote of the member name, or -1 outside objects.</summary>
    public int NameStart;

    /// <summary>The member name's length in bytes, quotes included.</summary>
    public int NameLength;

    /// <summary>Whether the member name contains escape sequences.</summary>
    public bool NameEscaped;

    /// <summary>Whether the string value contains escape sequences.</summary>
    public bool ValueEscaped;
}

/// <summary>
/// A flat index of every value of one JSON document, built in a single pass: node 0 is the
/// root and each container's children follow it, linked by <see cref="JsonNode.Next"/>.
/// Rebuilding for the next document reuses the arrays, so indexing allocates nothing once
/// they have grown to the size of the documents seen.
/// </summary>
/// <remarks>
/// The documents were validated with <see cref="Utf8JsonReader"/> when they were received, so
/// the index checks the structure (brackets, separators, terminated strings, literals) but not
/// what only matters when a value is rendered: number syntax, escapes, UTF-8. That makes it
/// several times faster than a second full validation, and malformed input still fails with a
/// <see cref="JsonException"/>, never with a wrong structure or a read out of bounds.
/// </remarks>
internal sealed class JsonIndex
{
    /// <summary>The deepest nesting accepted, as in <see cref="JsonReaderOptions.MaxDepth"/>'s default.</summary>
    public const int MaxDepth = 64;

    private JsonNode[] _nodes = new JsonNode[64];
    private readonly int[] _open = new int[MaxDepth];
    private int _depth;
    private int _nameStart;
    private int _nameLength;
    private bool _nameEscaped;

    private enum Expect
    {
        Value,
        ValueOrEnd,
        Name,
        NameOrEnd,
        CommaOrEnd,
    }

    /// <summary>The number of values indexed.</summary>
    public int Count { get; private set; }

    /// <summary>The node at <paramref name="index"/>.</summary>
    public ref readonly JsonNode this[int index] => ref _nodes[index];

    /// <summary>Indexes <paramref name="json"/>, replacing the previous document.</summary>
    /// <exception cref="JsonException">The text is not one JSON value.</exception>
    public void Build(ReadOnlySpan<byte> json)
    {
        Count = 0;
        _depth = 0;
        _nameStart = -1;
        Expect expect = Expect.Value;
        int i = 0;
        while (true)
        {
            while (i < json.Length && json[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                i++;
            }

            if (i == json.Length)
            {
                break;
            }

            byte b = json[i];
            switch (expect)
            {
                case Expect.CommaOrEnd:
                    bool inObject = _depth > 0 && _nodes[_open[_depth - 1]].Kind == JsonValueKind.Object;
                    if (_depth > 0 && b == (byte)',')
                    {
                        expect = inObject ? Expect.Name : Expect.Value;
                        i++;
                    }
                    else if (_depth > 0 && b == (inObject ? (byte)'}' : (byte)']'))
                    {
                        Close(i++);
                    }
                    else
                    {
                        throw Malformed(i, _depth == 0 ? "more than one value" : "expected ',' or the end of the container");
                    }

                    break;
                case Expect.Name or Expect.NameOrEnd:
                    if (b == (byte)'}' && expect == Expect.NameOrEnd)
                    {
                        Close(i++);
                        expect = Expect.CommaOrEnd;
                        break;
                    }

                    if (b != (byte)'"')
                    {
                        throw Malformed(i, "expected a member name");
                    }

                    _nameStart = i;
                    i = ScanString(json, i, out _nameEscaped);
                    _nameLength = i - _nameStart;
                    while (i < json.Length && json[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
                    {
                        i++;
                    }

                    if (i == json.Length || json[i] != (byte)':')
                    {
                        throw Malformed(i, "expected ':'");
                    }

                    i++;
                    expect = Expect.Value;
                    break;
                case Expect.ValueOrEnd when b == (byte)']':
                    Close(i++);
                    expect = Expect.CommaOrEnd;
                    break;
                default:
                    expect = ReadValue(json, ref i);
                    break;
            }
        }

        if (Count == 0 || _depth != 0 || expect != Expect.CommaOrEnd)
        {
            throw Malformed(json.Length, "the document ends early");
        }
    }

    /// <summary>Indexes the value at <paramref name="i"/> (or opens it, for a container); returns what may follow.</summary>
    private Expect ReadValue(ReadOnlySpan<byte> json, ref int i)
    {
        int start = i;
        switch (json[i])
        {
            case (byte)'{':
            case (byte)'[':
                if (_depth == MaxDepth)
                {
                    throw Malformed(i, $"nesting deeper than {MaxDepth}");
                }

                bool isObject = json[i] == (byte)'{';
                _open[_depth++] = Add(isObject ? JsonValueKind.Object : JsonValueKind.Array, start, 0, false);
                i++;
                return isObject ? Expect.NameOrEnd : Expect.ValueOrEnd;
            case (byte)'"':
                i = ScanString(json, i, out bool escaped);
                Add(JsonValueKind.String, start, i - start, escaped);
                return Expect.CommaOrEnd;
            case (byte)'t':
                i = ScanLiteral(json, i, "true"u8);
                Add(JsonValueKind.True, start, 4, false);
                return Expect.CommaOrEnd;
            case (byte)'f':
                i = ScanLiteral(json, i, "false"u8);
                Add(JsonValueKind.False, start, 5, false);
                return Expect.CommaOrEnd;
            case (byte)'n':
                i = ScanLiteral(json, i, "null"u8);
                Add(JsonValueKind.Null, start, 4, false);
                return Expect.CommaOrEnd;
            case (byte)'-':
            case >= (byte)'0' and <= (byte)'9':
                while (i < json.Length && json[i] is (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'+' or (byte)'.' or (byte)'e' or (byte)'E')
                {
                    i++;
                }

                Add(JsonValueKind.Number, start, i - start, false);
                return Expect.CommaOrEnd;
            default:
                throw Malformed(i, "expected a value");
        }
    }

    private int Add(JsonValueKind kind, int start, int length, bool escaped)
    {
        if (Count == _nodes.Length)
        {
            Array.Resize(ref _nodes, _nodes.Length * 2);
        }

        int index = Count++;
        _nodes[index] = new JsonNode
        {
            Kind = kind,
            Start = start,
            Length = length,
            Next = index + 1,
            NameStart = _nameStart,
            NameLength = _nameLength,
            NameEscaped = _nameEscaped,
            ValueEscaped = escaped,
        };
        _nameStart = -1;
        return index;
    }

    /// <summary>Ends the innermost container at its closing bracket, offset <paramref name="end"/>.</summary>
    private void Close(int end)
    {
        ref JsonNode container = ref _nodes[_open[--_depth]];
        container.Length = end + 1 - container.Start;
        container.Next = Count;
    }

    /// <summary>The offset after the string that starts at <paramref name="i"/>.</summary>
    private static int ScanString(ReadOnlySpan<byte> json, int i, out bool escaped)
    {
        escaped = false;
        int position = i + 1;
        while (position < json.Length)
        {
            int found = json.Slice(position).IndexOfAny((byte)'"', (byte)'\\');
            if (found < 0)
            {
                break;
            }

            position += found;
            if (json[position] == (byte)'"')
            {
                return position + 1;
            }

            escaped = true;
            position += 2;
        }

        throw Malformed(i, "unterminated string");
    }

    private static int ScanLiteral(ReadOnlySpan<byte> json, int i, ReadOnlySpan<byte> literal) =>
        json.Slice(i).StartsWith(literal) ? i + literal.Length : throw Malformed(i, "expected a value");

    private static JsonException Malformed(int offset, string reason) => new($"{reason} at byte {offset}");
}
