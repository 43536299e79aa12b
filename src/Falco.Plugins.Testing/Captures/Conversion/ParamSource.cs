namespace Falco.Plugins.Testing.Captures.Conversion;

/// <summary>Where a <see cref="ConversionInstruction"/> takes the value of the parameter it fills (libscap's <c>C_INSTR_*</c>).</summary>
internal enum ParamSource : byte
{
    /// <summary>A parameter of the event being converted.</summary>
    Old,

    /// <summary>A parameter of the stored enter event of the same thread.</summary>
    Enter,

    /// <summary>The zero value of the parameter's type (all ones for uids and gids, an unspecified family for socket addresses).</summary>
    Default,

    /// <summary>No value: a zero-length parameter.</summary>
    Empty,

    /// <summary>A value built from the parameters of the event being converted.</summary>
    Builder,
}
