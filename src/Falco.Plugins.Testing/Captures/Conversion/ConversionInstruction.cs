namespace Falco.Plugins.Testing.Captures.Conversion;

/// <summary>Builds a parameter value from the event being converted; returns null when it cannot.</summary>
/// <param name="evt">The event being converted.</param>
internal delegate byte[]? ParamBuilder(RawEvent evt);

/// <summary>How the converter fills one parameter of the converted event.</summary>
/// <param name="Source">Where the value comes from.</param>
/// <param name="Index">For <see cref="ParamSource.Old"/> and <see cref="ParamSource.Enter"/>: the parameter to copy.</param>
/// <param name="FallbackToEmpty">
/// For <see cref="ParamSource.Enter"/>: without a stored enter event, leave the parameter empty
/// rather than give it the default value.
/// </param>
/// <param name="Builder">For <see cref="ParamSource.Builder"/>: what builds the value.</param>
internal sealed record ConversionInstruction(ParamSource Source, byte Index = 0, bool FallbackToEmpty = false, ParamBuilder? Builder = null);
