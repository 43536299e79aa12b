using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Falco.Plugins.Cli.Commands;
using Falco.Plugins.Testing;

namespace Falco.Plugins.Cli;

/// <summary>
/// The tool as a function from arguments to an exit code: picks the verb, runs it, and turns
/// failures into messages and exit codes. It writes only to the writers it is given, so tests
/// run it in-process.
/// </summary>
internal static class CliApplication
{
    /// <summary>The verbs of the tool.</summary>
    public static IReadOnlyList<ICommand> Commands { get; } = [new InfoCommand(), new RunCommand()];

    /// <summary>Runs the tool with <paramref name="arguments"/> and returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Run(IReadOnlyList<string> arguments, TextWriter output, TextWriter error, CancellationToken cancellation = default) =>
        Run(arguments, output, error, Commands, cancellation);

    /// <summary>Runs <paramref name="arguments"/> against a given set of verbs.</summary>
    public static int Run(IReadOnlyList<string> arguments, TextWriter output, TextWriter error, IReadOnlyList<ICommand> commands, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(commands);

        // Plugins may log from their own threads.
        error = TextWriter.Synchronized(error);
        if (arguments.Count == 0 || arguments[0] is "-h" or "--help" or "help")
        {
            output.Write(Usage.General(commands));
            return ExitCodes.Success;
        }

        ICommand? command = commands.FirstOrDefault(c => c.Name == arguments[0]);
        if (command is null)
        {
            error.WriteLine(Message(arguments[0].StartsWith('-') ? $"unknown option '{arguments[0]}'" : $"unknown command '{arguments[0]}'"));
            error.Write(Usage.Short());
            return ExitCodes.Usage;
        }

        try
        {
            Arguments parsed = Arguments.Parse(arguments.Skip(1).ToArray(), command.Options);
            if (parsed.HelpRequested)
            {
                output.Write(Usage.ForCommand(command));
                return ExitCodes.Success;
            }

            var context = new CommandContext(output, error, new PluginResolver(new ProjectPublisher(error)), cancellation);
            return command.Execute(parsed, context);
        }
        catch (UsageException e)
        {
            error.WriteLine(Message(e.Message));
            error.Write(Usage.Short(command));
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is PluginHostException or CliException)
        {
            error.WriteLine(Message(e.Message));
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            error.WriteLine(Message($"{e.GetType().Name}: {e.Message} (unexpected error; please report it)"));
            return ExitCodes.InternalError;
        }
    }

    /// <summary>A message in the tool's format: <c>falco-plugin: message</c>.</summary>
    public static string Message(string message) => $"{Usage.ToolName}: {message}";
}
