using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Falco.Plugins.Cli.Commands;

namespace Falco.Plugins.Cli;

/// <summary>The usage texts: the list of verbs, one verb's help, and the short reminder after a usage error.</summary>
internal static class Usage
{
    /// <summary>The tool's name, as users type it.</summary>
    public const string ToolName = "falco-plugin";

    private const string PluginArgumentHelp =
        "<plugin> is a plugin library (.so), or a plugin project directory or .csproj file,\n"
        + "which is published with 'dotnet publish -c Release' first.";

    private static readonly OptionSpec HelpOption = new("-h, --help", null, "show this help");

    /// <summary>The usage of the tool: its verbs.</summary>
    public static string General(IReadOnlyList<ICommand> commands)
    {
        var text = new StringBuilder();
        text.Append("usage: ").Append(ToolName).Append(" <command> [options]\n\n");
        text.Append("Inspects and runs Falco plugins the way Falco loads them.\n\n");
        text.Append("commands:\n");
        int width = commands.Max(c => c.Name.Length);
        foreach (ICommand command in commands)
        {
            text.Append("  ").Append(command.Name.PadRight(width + 2)).Append(command.Summary).Append('\n');
        }

        text.Append('\n').Append(PluginArgumentHelp).Append('\n');
        text.Append("Run '").Append(ToolName).Append(" <command> --help' for the options of a command.\n");
        return text.ToString();
    }

    /// <summary>The help of one verb: synopsis, description and options.</summary>
    public static string ForCommand(ICommand command)
    {
        var text = new StringBuilder();
        text.Append(Synopsis(command)).Append("\n\n");
        text.Append(command.Description).Append("\n\n");
        text.Append(PluginArgumentHelp).Append("\n\n");
        text.Append("options:\n");
        OptionSpec[] options = [.. command.Options, HelpOption];
        string[] names = options.Select(o => o.TakesValue ? $"{o.Name} <{o.ValueName}>" : o.Name).ToArray();
        int width = names.Max(n => n.Length);
        for (int i = 0; i < options.Length; i++)
        {
            // Help lines after the first line up under it.
            string help = options[i].Help.Replace("\n", "\n" + new string(' ', width + 4), StringComparison.Ordinal);
            text.Append("  ").Append(names[i].PadRight(width + 2)).Append(help).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The reminder printed after a usage error of <paramref name="command"/>.</summary>
    public static string Short(ICommand command) =>
        $"{Synopsis(command)}\nRun '{ToolName} {command.Name} --help' for more information.\n";

    /// <summary>The reminder printed after a usage error outside any verb.</summary>
    public static string Short() =>
        $"usage: {ToolName} <command> [options]\nRun '{ToolName} --help' for the list of commands.\n";

    private static string Synopsis(ICommand command) => $"usage: {ToolName} {command.Name} {command.Synopsis}";
}
