using System;

namespace Falco.Plugins.Examples.FileAccess.Classification;

/// <summary>A checked path rule, in UTF-8: paths starting with the prefix (and containing the text after it) have the class.</summary>
internal sealed class PathRule
{
    private readonly byte[] _prefix;
    private readonly byte[]? _contains;

    public PathRule(byte[] prefix, byte[]? contains, int classIndex)
    {
        _prefix = prefix;
        _contains = contains;
        ClassIndex = classIndex;
    }

    /// <summary>The class of the paths the rule matches.</summary>
    public int ClassIndex { get; }

    /// <summary>Whether <paramref name="path"/> matches the rule.</summary>
    public bool Matches(ReadOnlySpan<byte> path) =>
        path.StartsWith(_prefix) && (_contains is null || path[_prefix.Length..].IndexOf(_contains) >= 0);

    /// <summary>
    /// Whether every path this rule matches is matched by <paramref name="earlier"/> too, so that
    /// this rule, coming after it, could never match: its prefix extends the earlier one and the
    /// earlier one asks for no text, or for the same text.
    /// </summary>
    public bool IsShadowedBy(PathRule earlier) =>
        _prefix.AsSpan().StartsWith(earlier._prefix)
        && (earlier._contains is null || (_contains is not null && _contains.AsSpan().SequenceEqual(earlier._contains)));
}
