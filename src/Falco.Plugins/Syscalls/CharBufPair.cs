using System;

namespace Falco.Plugins.Syscalls;

/// <summary>One pair of a <see cref="CharBufPairArray"/>: two UTF-8 strings without their NULs.</summary>
public readonly ref struct CharBufPair
{
    internal CharBufPair(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        Key = key;
        Value = value;
    }

    /// <summary>The first string.</summary>
    public ReadOnlySpan<byte> Key { get; }

    /// <summary>The second string.</summary>
    public ReadOnlySpan<byte> Value { get; }
}
