namespace Falco.Plugins.Syscalls;

/// <summary>How libsinsp prints a parameter: libscap's <c>ppm_print_format</c> (<c>PF_*</c>), with the same numbers.</summary>
public enum PrintFormat
{
    /// <summary><c>PF_NA</c>: no numeric format (strings, buffers, addresses).</summary>
    NotApplicable = 0,

    /// <summary><c>PF_DEC</c>: decimal.</summary>
    Decimal = 1,

    /// <summary><c>PF_HEX</c>: hexadecimal.</summary>
    Hexadecimal = 2,

    /// <summary><c>PF_10_PADDED_DEC</c>: decimal padded to 10 digits (nanosecond fractions).</summary>
    PaddedDecimal = 3,

    /// <summary><c>PF_ID</c>: an id printed in decimal, resolved to a name where possible.</summary>
    Id = 4,

    /// <summary><c>PF_DIR</c>: a direction.</summary>
    Direction = 5,

    /// <summary><c>PF_OCT</c>: octal.</summary>
    Octal = 6,
}
