using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using Falco.Plugins.Cli.Commands;
using Falco.Plugins.Cli.Output;
using Falco.Plugins.Testing;

namespace Falco.Plugins.Cli.Running;

/// <summary>
/// <c>run --capture</c>: replays a capture file through a plugin that parses or extracts
/// syscall events, as Falco does with <c>-e file.scap</c>: the capture's process list seeds the
/// threads table, each event is parsed, then its fields are extracted and printed as
/// <c>run</c> prints the events of a plugin's source, with the event itself rendered as
/// libsinsp prints its type and arguments, so that the fields show next to what the plugin
/// was given.
/// </summary>
internal static class CaptureRunner
{
    /// <summary>Replays the capture at <paramref name="capturePath"/> and prints its events; returns the exit code.</summary>
    /// <exception cref="CliException">The plugin does not take syscall events, or the file cannot be opened.</exception>
    /// <exception cref="PluginHostException">The capture is malformed or a parser failed.</exception>
    public static int Execute(Plugin plugin, RunOptions options, string capturePath, CommandContext context)
    {
        PluginInfo info = plugin.Info;
        bool parses = TakesSyscallEvents(info, PluginCapabilities.Parsing, info.ParseEventSources);
        bool extracts = TakesSyscallEvents(info, PluginCapabilities.Extraction, info.ExtractEventSources);
        if (!parses && !extracts)
        {
            throw new CliException($"plugin {info.Name} neither parses nor extracts fields from syscall events, so it cannot replay a capture");
        }

        if (options.Fields is { Count: > 0 } && !extracts)
        {
            throw new CliException($"plugin {info.Name} does not extract fields from syscall events, so {RunOptions.FieldsOption} cannot be used with {RunOptions.CaptureOption}");
        }

        IReadOnlyList<string> fields = options.Fields ?? (extracts ? RunCommand.DefaultFields(info) : []);
        var inspector = new EventInspector(plugin, fields, context.Error, evt => Extracts(plugin, evt));
        Func<EventSnapshot, string> format = options.Json ? EventJsonFormatter.Format : EventFormatter.Format;
        var clock = Stopwatch.StartNew();
        long count = 0;
        long maxEvents = options.MaxEvents ?? long.MaxValue;
        using (CaptureReplay replay = Open(plugin.Host, capturePath))
        {
            using IEnumerator<CapturedEvent> events = replay.GetEnumerator();
            while (count < maxEvents && !context.Cancellation.IsCancellationRequested && events.MoveNext())
            {
                count++;
                CapturedEvent evt = events.Current;
                context.Output.WriteLine(format(inspector.Inspect(evt) with { Event = CapturedEventText.Render(evt) }));
            }
        }

        context.Error.WriteLine(RunCommand.FormatSummary(count, clock.Elapsed));
        return ExitCodes.Success;
    }

    /// <summary>Whether the plugin has <paramref name="capability"/> for the syscall source: no sources listed means every source.</summary>
    private static bool TakesSyscallEvents(PluginInfo info, PluginCapabilities capability, IReadOnlyList<string> sources)
    {
        if (!info.Capabilities.HasFlag(capability))
        {
            return false;
        }

        if (sources.Count == 0)
        {
            return true;
        }

        foreach (string source in sources)
        {
            if (source == CaptureFile.SyscallSource)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether libsinsp would run the plugin's extractor on <paramref name="evt"/>: its source and type must be the plugin's.</summary>
    private static bool Extracts(Plugin plugin, CapturedEvent evt)
    {
        IReadOnlyList<string> sources = plugin.Info.ExtractEventSources;
        if (evt.Source.Length == 0 || (sources.Count > 0 && !Contains(sources, evt.Source)))
        {
            return false;
        }

        return plugin.ExtractEventTypes() is not { Count: > 0 } types || Contains(types, evt.Type);
    }

    private static bool Contains<T>(IReadOnlyList<T> items, T value)
    {
        foreach (T item in items)
        {
            if (EqualityComparer<T>.Default.Equals(item, value))
            {
                return true;
            }
        }

        return false;
    }

    private static CaptureReplay Open(PluginHost host, string path)
    {
        try
        {
            return host.OpenCaptureFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read the capture file: {e.Message}", e);
        }
    }
}
