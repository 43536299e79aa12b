namespace Falco.Plugins.Syscalls;

/// <summary>How the names of a <see cref="FlagTable"/> match a value.</summary>
public enum FlagTableKind
{
    /// <summary>
    /// Bits (<c>PT_FLAGS*</c>, <c>PT_MODE</c>): every entry whose bits are all set in the value
    /// matches, in table order, and its bits are then taken out; a zero entry matches only zero.
    /// </summary>
    Bitmask = 0,

    /// <summary>An enumeration (<c>PT_ENUMFLAGS*</c>): the entries equal to the value match.</summary>
    Enumeration = 1,
}
