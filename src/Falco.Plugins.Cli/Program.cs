using System;
using System.Threading;

namespace Falco.Plugins.Cli;

/// <summary>The process entry point: the console and Ctrl+C around <see cref="CliApplication"/>.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        using var interrupted = new CancellationTokenSource();

        // The first Ctrl+C stops the verb cleanly (captures closed, summary printed); a second one kills the process.
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = !interrupted.IsCancellationRequested;
            interrupted.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return CliApplication.Run(args, Console.Out, Console.Error, interrupted.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
