using System;
using System.Collections.Generic;
using Falco.Plugins.Cli.Output;
using Falco.Plugins.Testing;

namespace Falco.Plugins.Cli.Commands;

/// <summary>
/// <c>falco-plugin info &lt;plugin&gt; [--json]</c>: loads the plugin as Falco's loader does
/// (without initializing it) and prints what it declares.
/// </summary>
internal sealed class InfoCommand : ICommand
{
    private const string JsonOption = "--json";

    /// <inheritdoc />
    public string Name => "info";

    /// <inheritdoc />
    public string Summary => "show what a plugin declares: metadata, fields, init schema, symbols";

    /// <inheritdoc />
    public string Synopsis => "<plugin> [--json]";

    /// <inheritdoc />
    public string Description =>
        "Loads the plugin with the checks of Falco's plugin loader, without initializing it, and\n"
        + "prints its metadata, capabilities, event source, fields, init schema and exported symbols.";

    /// <inheritdoc />
    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new(JsonOption, null, "print one JSON document instead of text"),
    ];

    /// <inheritdoc />
    public int Execute(Arguments arguments, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        string plugin = arguments.SinglePositional("<plugin>");
        string path = context.Resolver.Resolve(plugin);
        using PluginLibrary library = PluginLibrary.Load(path);
        if (arguments.Has(JsonOption))
        {
            InfoJsonWriter.Write(library.Info, context.Output);
        }
        else
        {
            InfoTextWriter.Write(library.Info, context.Output);
        }

        return ExitCodes.Success;
    }
}
