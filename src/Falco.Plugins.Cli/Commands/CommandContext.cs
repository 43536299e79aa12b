using System.IO;
using System.Threading;

namespace Falco.Plugins.Cli.Commands;

/// <summary>What a verb runs with: where it writes, how it finds plugins, and when to stop.</summary>
/// <param name="Output">Standard output: the verb's results.</param>
/// <param name="Error">Standard error: progress, warnings, summaries and errors.</param>
/// <param name="Resolver">Turns the <c>&lt;plugin&gt;</c> argument into a library path.</param>
/// <param name="Cancellation">Signaled when the user interrupts the tool (Ctrl+C).</param>
internal sealed record CommandContext(TextWriter Output, TextWriter Error, PluginResolver Resolver, CancellationToken Cancellation);
