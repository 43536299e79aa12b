using System;

namespace Falco.Plugins.Examples.HttpAudit.Http;

/// <summary>What a <see cref="ChunkedDecoder.Decode"/> call reached.</summary>
internal enum ChunkedStatus
{
    /// <summary>All input was used; the body goes on.</summary>
    NeedMore,

    /// <summary>The last chunk and the trailer section were read.</summary>
    Done,

    /// <summary>The input breaks the chunked coding.</summary>
    Malformed,

    /// <summary>The body would exceed the buffer's limit.</summary>
    TooLarge,
}

/// <summary>
/// Decodes a body sent with the chunked transfer coding (RFC 9112 section 7.1) from input
/// that arrives in pieces of any size. Chunk extensions and trailer fields are read and
/// ignored, within <see cref="MaxLineLength"/> bytes per line.
/// </summary>
internal struct ChunkedDecoder
{
    /// <summary>The longest chunk-size line (with extensions) or trailer line accepted.</summary>
    public const int MaxLineLength = 4096;

    private State _state;
    private long _remaining;
    private int _lineLength;
    private bool _sawDigit;

    private enum State
    {
        Size,
        Extension,
        SizeLineFeed,
        Data,
        DataCarriageReturn,
        DataLineFeed,
        TrailerStart,
        Trailer,
        TrailerLineFeed,
        FinalLineFeed,
        Done,
    }

    /// <summary>Decodes what it can of <paramref name="input"/>, appending chunk data to <paramref name="body"/>.</summary>
    /// <param name="input">The next bytes of the body as sent.</param>
    /// <param name="body">Receives the decoded bytes.</param>
    /// <param name="consumed">How many bytes of <paramref name="input"/> belong to the body; bytes after the end are left.</param>
    public ChunkedStatus Decode(ReadOnlySpan<byte> input, BodyBuffer body, out int consumed)
    {
        int i = 0;
        while (i < input.Length && _state != State.Done)
        {
            if (_state == State.Data)
            {
                int take = (int)Math.Min(_remaining, input.Length - i);
                if (!body.TryAppend(input.Slice(i, take)))
                {
                    consumed = i;
                    return ChunkedStatus.TooLarge;
                }

                i += take;
                _remaining -= take;
                if (_remaining == 0)
                {
                    _state = State.DataCarriageReturn;
                }

                continue;
            }

            ChunkedStatus? status = Step(input[i++], body);
            if (status is { } stop)
            {
                consumed = i;
                return stop;
            }
        }

        consumed = i;
        return _state == State.Done ? ChunkedStatus.Done : ChunkedStatus.NeedMore;
    }

    /// <summary>Advances over one framing byte; a status when decoding must stop.</summary>
    private ChunkedStatus? Step(byte b, BodyBuffer body)
    {
        switch (_state)
        {
            case State.Size when HexValue(b) is int digit:
                _sawDigit = true;
                _remaining = (_remaining * 16) + digit;
                return _remaining > body.Limit - body.Length ? ChunkedStatus.TooLarge : null;
            case State.Size when _sawDigit && b is (byte)';' or (byte)' ' or (byte)'\t':
                _state = State.Extension;
                return LineByte();
            case State.Size when _sawDigit && b == (byte)'\r':
            case State.Extension when b == (byte)'\r':
                _state = State.SizeLineFeed;
                return null;
            case State.Extension when b != (byte)'\n':
                return LineByte();
            case State.SizeLineFeed when b == (byte)'\n':
                _state = _remaining == 0 ? State.TrailerStart : State.Data;
                _lineLength = 0;
                _sawDigit = false;
                return null;
            case State.DataCarriageReturn when b == (byte)'\r':
                _state = State.DataLineFeed;
                return null;
            case State.DataLineFeed when b == (byte)'\n':
                _state = State.Size;
                return null;
            case State.TrailerStart when b == (byte)'\r':
                _state = State.FinalLineFeed;
                return null;
            case State.TrailerStart when b != (byte)'\n':
            case State.Trailer when b != (byte)'\r' && b != (byte)'\n':
                _state = State.Trailer;
                return LineByte();
            case State.Trailer when b == (byte)'\r':
                _state = State.TrailerLineFeed;
                return null;
            case State.TrailerLineFeed when b == (byte)'\n':
                _state = State.TrailerStart;
                _lineLength = 0;
                return null;
            case State.FinalLineFeed when b == (byte)'\n':
                _state = State.Done;
                return null;
            default:
                return ChunkedStatus.Malformed;
        }
    }

    private ChunkedStatus? LineByte() => ++_lineLength > MaxLineLength ? ChunkedStatus.Malformed : null;

    private static int? HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => null,
    };
}
