using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Falco.Plugins.Cli.Output;
using Falco.Plugins.Cli.Running;
using Falco.Plugins.Testing;

namespace Falco.Plugins.Cli.Commands;

/// <summary>
/// <c>falco-plugin run &lt;plugin&gt; [options]</c>: loads, initializes and opens the plugin
/// as Falco does, then prints one line per event with its fields until the end of the capture,
/// <c>--max-events</c>, or Ctrl+C, and a summary (events read and the time from open to close) on standard error.
/// With <c>--capture</c>, it replays a capture file through a plugin that parses or extracts
/// syscall events instead (see <see cref="CaptureRunner"/>).
/// </summary>
internal sealed class RunCommand : ICommand
{
    /// <inheritdoc />
    public string Name => "run";

    /// <inheritdoc />
    public string Summary => "open the plugin's event source and print its events with their fields";

    /// <inheritdoc />
    public string Synopsis => "<plugin> [--config <json>|--config-file <path>] [--open-params <text>|--capture <path>] [--fields <list>] [--max-events <n>] [--json]";

    /// <inheritdoc />
    public string Description =>
        "Loads and initializes the plugin, opens a capture of its event source, and prints one line\n"
        + "per event: 'evt.num time evt.plugininfo field=value ...', with <NA> for absent fields.\n"
        + "Stops at the end of the capture, after --max-events, or on Ctrl+C; the number of events\n"
        + "and the time taken go to standard error, as do the plugin's log messages.\n"
        + "With --capture, the plugin's source is not opened: the events of a capture file are\n"
        + "replayed through the plugin's parser and extractor, the capture's process list seeding\n"
        + "the threads table, as Falco replays a capture given with -e.";

    /// <inheritdoc />
    public IReadOnlyList<OptionSpec> Options => RunOptions.Specs;

    /// <inheritdoc />
    public int Execute(Arguments arguments, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        RunOptions options = RunOptions.From(arguments);
        string config = options.ReadConfig();
        string path = context.Resolver.Resolve(options.Plugin);
        var hostOptions = new PluginHostOptions { Log = entry => context.Error.WriteLine(PluginLogFormatter.Format(entry)) };
        using Plugin plugin = Plugin.Load(path, config, hostOptions);
        if (options.Capture is { } capturePath)
        {
            return CaptureRunner.Execute(plugin, options, capturePath, context);
        }

        PluginInfo info = plugin.Info;
        if (!info.Capabilities.HasFlag(PluginCapabilities.Sourcing))
        {
            throw new CliException($"plugin {info.Name} has no event source (event sourcing capability), so it cannot be run");
        }

        if (options.Fields is { Count: > 0 } && !info.Capabilities.HasFlag(PluginCapabilities.Extraction))
        {
            throw new CliException($"plugin {info.Name} has no field extraction capability, so {RunOptions.FieldsOption} cannot be used with it");
        }

        var inspector = new EventInspector(plugin, options.Fields ?? DefaultFields(info), context.Error);
        Func<EventSnapshot, string> format = options.Json ? EventJsonFormatter.Format : EventFormatter.Format;
        var clock = Stopwatch.StartNew();
        long count;
        using (PluginCapture capture = plugin.Open(options.OpenParams))
        {
            count = PrintEvents(capture, inspector, format, options.MaxEvents ?? long.MaxValue, context);
        }

        context.Error.WriteLine(FormatSummary(count, clock.Elapsed));
        return ExitCodes.Success;
    }

    /// <summary>Prints events until the end of the capture, <paramref name="maxEvents"/>, or cancellation; returns how many.</summary>
    private static long PrintEvents(PluginCapture capture, EventInspector inspector, Func<EventSnapshot, string> format, long maxEvents, CommandContext context)
    {
        long count = 0;
        while (count < maxEvents && !context.Cancellation.IsCancellationRequested)
        {
            CaptureStatus status = capture.Next(out CapturedEvent? evt);
            if (status == CaptureStatus.Eof)
            {
                break;
            }

            if (status == CaptureStatus.Timeout)
            {
                // Nothing ready yet: ask again soon, as libscap does, unless the user gave up.
                context.Cancellation.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(1));
                continue;
            }

            count++;
            context.Output.WriteLine(format(inspector.Inspect(evt!)));
        }

        return count;
    }

    /// <summary>The fields printed without <c>--fields</c>: every field that does not require an argument.</summary>
    public static IReadOnlyList<string> DefaultFields(PluginInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return info.Capabilities.HasFlag(PluginCapabilities.Extraction)
            ? info.Fields.Where(f => !f.ArgRequired).Select(f => f.Name).ToArray()
            : [];
    }

    /// <summary>The summary line: <c>20 events in 12 ms</c>.</summary>
    public static string FormatSummary(long events, TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture, $"{events} {(events == 1 ? "event" : "events")} in {(long)elapsed.TotalMilliseconds} ms");
}
