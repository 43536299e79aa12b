namespace Falco.Plugins.Cli;

/// <summary>An option a verb accepts.</summary>
/// <param name="Name">The long name with its dashes, e.g. <c>--config</c>.</param>
/// <param name="ValueName">The name of the option's value in the usage text, or <see langword="null"/> for a flag.</param>
/// <param name="Help">What the option does, for the usage text.</param>
internal sealed record OptionSpec(string Name, string? ValueName, string Help)
{
    /// <summary>Whether the option takes a value.</summary>
    public bool TakesValue => ValueName is not null;
}
