using System.Collections.Generic;

namespace Falco.Plugins.Cli.Commands;

/// <summary>A verb of <c>falco-plugin</c>: its usage and what it does.</summary>
internal interface ICommand
{
    /// <summary>The verb, e.g. <c>run</c>.</summary>
    string Name { get; }

    /// <summary>What the verb does, in one line for the list of verbs.</summary>
    string Summary { get; }

    /// <summary>The arguments after the verb, e.g. <c>&lt;plugin&gt; [options]</c>.</summary>
    string Synopsis { get; }

    /// <summary>What the verb does, in a few lines for its help.</summary>
    string Description { get; }

    /// <summary>The options the verb accepts.</summary>
    IReadOnlyList<OptionSpec> Options { get; }

    /// <summary>Runs the verb and returns the exit code.</summary>
    /// <exception cref="UsageException">The arguments are wrong.</exception>
    /// <exception cref="CliException">An expected failure of the tool.</exception>
    /// <exception cref="Testing.PluginHostException">The host refused the plugin or a plugin call failed.</exception>
    int Execute(Arguments arguments, CommandContext context);
}
