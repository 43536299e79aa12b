using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Falco.Plugins.Cli.Commands;

/// <summary>The options of <c>run</c>, checked and typed.</summary>
/// <param name="Plugin">The <c>&lt;plugin&gt;</c> argument.</param>
/// <param name="Config">The init config given inline, or <see langword="null"/>.</param>
/// <param name="ConfigFile">The file to read the init config from, or <see langword="null"/>.</param>
/// <param name="OpenParams">The open parameters ("" when not given).</param>
/// <param name="Fields">The fields to extract, or <see langword="null"/> for the default ones.</param>
/// <param name="MaxEvents">The most events to read, or <see langword="null"/> to read to the end of the capture.</param>
/// <param name="Json">Whether to print JSON lines instead of text.</param>
/// <param name="Capture">The capture file to replay instead of opening the plugin's source, or <see langword="null"/>.</param>
internal sealed record RunOptions(
    string Plugin,
    string? Config,
    string? ConfigFile,
    string OpenParams,
    IReadOnlyList<string>? Fields,
    long? MaxEvents,
    bool Json,
    string? Capture = null)
{
    /// <summary>The init config given inline.</summary>
    public const string ConfigOption = "--config";

    /// <summary>The file holding the init config.</summary>
    public const string ConfigFileOption = "--config-file";

    /// <summary>The open parameters.</summary>
    public const string OpenParamsOption = "--open-params";

    /// <summary>The fields to extract.</summary>
    public const string FieldsOption = "--fields";

    /// <summary>The most events to read.</summary>
    public const string MaxEventsOption = "--max-events";

    /// <summary>JSON lines instead of text.</summary>
    public const string JsonOption = "--json";

    /// <summary>The capture file to replay.</summary>
    public const string CaptureOption = "--capture";

    /// <summary>The options <c>run</c> accepts.</summary>
    public static IReadOnlyList<OptionSpec> Specs { get; } =
    [
        new(ConfigOption, "json", "the init config (default: empty, which is {} for plugins with a schema)"),
        new(ConfigFileOption, "path", "read the init config from a file"),
        new(OpenParamsOption, "text", "the open parameters (default: empty)"),
        new(FieldsOption, "list", "the fields to print, comma-separated, e.g. dummy.value,dummy.divisible[3]\n"
            + "(default: every field that does not require an argument)"),
        new(MaxEventsOption, "n", "stop after n events (default: read to the end of the capture)"),
        new(JsonOption, null, "print one JSON object per event instead of text"),
        new(CaptureOption, "path", "replay a libscap capture (.scap, plain or gzip-compressed) through the\n"
            + "plugin's parser and extractor instead of opening its event source"),
    ];

    /// <summary>Reads the options of <c>run</c> from <paramref name="arguments"/>.</summary>
    /// <exception cref="UsageException">An option value is wrong or options conflict.</exception>
    public static RunOptions From(Arguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        string plugin = arguments.SinglePositional("<plugin>");
        if (arguments.Has(ConfigOption) && arguments.Has(ConfigFileOption))
        {
            throw new UsageException($"{ConfigOption} and {ConfigFileOption} cannot be used together");
        }

        if (arguments.Has(CaptureOption) && arguments.Has(OpenParamsOption))
        {
            throw new UsageException($"{OpenParamsOption} cannot be used with {CaptureOption}: a replay does not open the plugin's source");
        }

        return new RunOptions(
            plugin,
            arguments.Value(ConfigOption),
            arguments.Value(ConfigFileOption),
            arguments.Value(OpenParamsOption) ?? "",
            arguments.Value(FieldsOption) is { } fields ? SplitFields(fields) : null,
            arguments.Value(MaxEventsOption) is { } max ? ParseMaxEvents(max) : null,
            arguments.Has(JsonOption),
            arguments.Value(CaptureOption));
    }

    /// <summary>The init config: inline, read from the config file, or "".</summary>
    /// <exception cref="CliException">The config file cannot be read.</exception>
    public string ReadConfig()
    {
        if (ConfigFile is null)
        {
            return Config ?? "";
        }

        if (Directory.Exists(ConfigFile))
        {
            // Reading a directory fails with "access denied", which would send users after permissions.
            throw new CliException($"cannot read the config file: {ConfigFile} is a directory");
        }

        try
        {
            return File.ReadAllText(ConfigFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read the config file: {e.Message}", e);
        }
    }

    /// <summary>
    /// Splits a <c>--fields</c> list at the commas outside brackets, so that key arguments may
    /// hold commas: <c>a,b[x,y]</c> is <c>a</c> and <c>b[x,y]</c>.
    /// </summary>
    /// <exception cref="UsageException">An entry is empty.</exception>
    public static IReadOnlyList<string> SplitFields(string list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var fields = new List<string>();
        int depth = 0, start = 0;
        for (int i = 0; i <= list.Length; i++)
        {
            if (i < list.Length && list[i] == '[')
            {
                depth++;
            }
            else if (i < list.Length && list[i] == ']')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (i == list.Length || (list[i] == ',' && depth == 0))
            {
                string field = list[start..i].Trim();
                if (field.Length == 0)
                {
                    throw new UsageException($"{FieldsOption} has an empty entry: '{list}'");
                }

                fields.Add(field);
                start = i + 1;
            }
        }

        return fields.Distinct(StringComparer.Ordinal).ToArray();
    }

    private static long ParseMaxEvents(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long max) && max > 0
            ? max
            : throw new UsageException($"{MaxEventsOption} needs a positive whole number, not '{text}'");
}
