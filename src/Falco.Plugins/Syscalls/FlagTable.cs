using System;
using System.Collections.Generic;

namespace Falco.Plugins.Syscalls;

/// <summary>
/// The names of the values of a flags, mode or enumeration parameter, in the order of the
/// libscap event table (the order matters: libsinsp resolves names in it).
/// </summary>
public sealed class FlagTable
{
    private readonly FlagEntry[] _entries;

    /// <summary>Creates a table.</summary>
    /// <param name="kind">How names match a value.</param>
    /// <param name="entries">The names in table order.</param>
    public FlagTable(FlagTableKind kind, params FlagEntry[] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Kind = kind;
        _entries = (FlagEntry[])entries.Clone();
    }

    /// <summary>How names match a value.</summary>
    public FlagTableKind Kind { get; }

    /// <summary>The names in table order.</summary>
    public IReadOnlyList<FlagEntry> Entries => _entries;

    /// <summary>The names in table order, without an interface in between.</summary>
    internal ReadOnlySpan<FlagEntry> Span => _entries;

    /// <summary>The first name whose value is exactly <paramref name="value"/>.</summary>
    /// <returns><see langword="false"/> when no entry has that value.</returns>
    public bool TryGetName(uint value, out string name)
    {
        foreach (FlagEntry entry in _entries)
        {
            if (entry.Value == value)
            {
                name = entry.Name;
                return true;
            }
        }

        name = string.Empty;
        return false;
    }
}
