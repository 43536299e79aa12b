using System;
using System.Text;
using System.Text.Json;

namespace Falco.Plugins.Examples.HttpAudit.Json;

/// <summary>
/// Resolves RFC 6901 JSON pointers (<c>/user/name</c>, <c>/items/0</c>, <c>/a~1b</c> for the
/// member <c>a/b</c>) against a <see cref="JsonIndex"/>, without allocating.
/// </summary>
internal static class JsonPointer
{
    /// <summary>
    /// The index of the node <paramref name="pointer"/> designates in the document
    /// <paramref name="index"/> was built from, or -1 when the document has no such value.
    /// </summary>
    /// <param name="index">The document's index.</param>
    /// <param name="json">The document.</param>
    /// <param name="pointer">The pointer in UTF-8; the empty pointer designates the whole document.</param>
    /// <param name="scratch">Room for the unescaped reference tokens.</param>
    /// <exception cref="FormatException">The pointer is not a valid JSON pointer.</exception>
    public static int Resolve(JsonIndex index, ReadOnlySpan<byte> json, ReadOnlySpan<byte> pointer, ScratchBuffer scratch)
    {
        if (pointer.IsEmpty)
        {
            return 0;
        }

        if (pointer[0] != (byte)'/')
        {
            throw new FormatException($"'{Encoding.UTF8.GetString(pointer)}' is not a JSON pointer: it must start with '/'");
        }

        int node = 0;
        ReadOnlySpan<byte> rest = pointer.Slice(1);
        while (true)
        {
            int slash = rest.IndexOf((byte)'/');
            ReadOnlySpan<byte> token = slash < 0 ? rest : rest.Slice(0, slash);
            node = Step(index, json, node, Unescape(token, pointer, scratch));
            if (node < 0 || slash < 0)
            {
                return node;
            }

            rest = rest.Slice(slash + 1);
        }
    }

    /// <summary>The child of <paramref name="node"/> that <paramref name="token"/> names, or -1.</summary>
    private static int Step(JsonIndex index, ReadOnlySpan<byte> json, int node, ReadOnlySpan<byte> token)
    {
        ref readonly JsonNode parent = ref index[node];
        int end = parent.Next;
        if (parent.Kind == JsonValueKind.Object)
        {
            for (int child = node + 1; child < end; child = index[child].Next)
            {
                if (NameEquals(index[child], json, token))
                {
                    return child;
                }
            }

            return -1;
        }

        if (parent.Kind == JsonValueKind.Array && TryParseArrayIndex(token, out int position))
        {
            for (int child = node + 1; child < end; child = index[child].Next)
            {
                if (position-- == 0)
                {
                    return child;
                }
            }
        }

        return -1;
    }

    private static bool NameEquals(in JsonNode member, ReadOnlySpan<byte> json, ReadOnlySpan<byte> token)
    {
        ReadOnlySpan<byte> quoted = json.Slice(member.NameStart, member.NameLength);
        if (!member.NameEscaped)
        {
            return quoted[1..^1].SequenceEqual(token);
        }

        // The reader compares the unescaped name without materializing it.
        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        return reader.ValueTextEquals(token);
    }

    /// <summary>An array index token: <c>0</c> or digits without a leading zero. <c>-</c> (past the end) never resolves.</summary>
    private static bool TryParseArrayIndex(ReadOnlySpan<byte> token, out int position)
    {
        position = 0;
        if (token.IsEmpty || token.Length > 9 || (token[0] == (byte)'0' && token.Length > 1))
        {
            return false;
        }

        foreach (byte digit in token)
        {
            if (digit is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            position = (position * 10) + (digit - '0');
        }

        return true;
    }

    /// <summary>Replaces <c>~1</c> with <c>/</c> and <c>~0</c> with <c>~</c>.</summary>
    private static ReadOnlySpan<byte> Unescape(ReadOnlySpan<byte> token, ReadOnlySpan<byte> pointer, ScratchBuffer scratch)
    {
        int tilde = token.IndexOf((byte)'~');
        if (tilde < 0)
        {
            return token;
        }

        Span<byte> target = scratch.Get(token.Length);
        int written = 0;
        for (int i = 0; i < token.Length; i++)
        {
            byte b = token[i];
            if (b == (byte)'~')
            {
                byte next = i + 1 < token.Length ? token[++i] : (byte)0;
                b = next switch
                {
                    (byte)'0' => (byte)'~',
                    (byte)'1' => (byte)'/',
                    _ => throw new FormatException($"'{Encoding.UTF8.GetString(pointer)}' is not a JSON pointer: '~' must be followed by 0 or 1"),
                };
            }

            target[written++] = b;
        }

        return target.Slice(0, written);
    }
}
