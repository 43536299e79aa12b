using System;
using System.Collections.Generic;
using System.Linq;

namespace Falco.Plugins.Cli;

/// <summary>
/// The arguments of one verb, split into positionals and options. Options are long
/// (<c>--name value</c> or <c>--name=value</c>); <c>--</c> ends the options; <c>-h</c> and
/// <c>--help</c> anywhere before it ask for the verb's help.
/// </summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string?> _options;

    private Arguments(IReadOnlyList<string> positionals, Dictionary<string, string?> options, bool helpRequested)
    {
        Positionals = positionals;
        _options = options;
        HelpRequested = helpRequested;
    }

    /// <summary>The arguments that are not options, in order.</summary>
    public IReadOnlyList<string> Positionals { get; }

    /// <summary>Whether <c>-h</c> or <c>--help</c> was given; the other arguments are then not checked.</summary>
    public bool HelpRequested { get; }

    /// <summary>Parses <paramref name="arguments"/> against the options a verb accepts.</summary>
    /// <exception cref="UsageException">An option is unknown, repeated, or lacks its value (or has one it does not take).</exception>
    public static Arguments Parse(IReadOnlyList<string> arguments, IReadOnlyList<OptionSpec> options)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(options);
        if (arguments.TakeWhile(a => a != "--").Any(IsHelp))
        {
            return new Arguments([], [], helpRequested: true);
        }

        var positionals = new List<string>();
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (int i = 0; i < arguments.Count; i++)
        {
            string argument = arguments[i];
            if (argument == "--")
            {
                positionals.AddRange(arguments.Skip(i + 1));
                break;
            }

            if (!argument.StartsWith('-') || argument == "-")
            {
                positionals.Add(argument);
                continue;
            }

            int equals = argument.IndexOf('=', StringComparison.Ordinal);
            string name = equals < 0 ? argument : argument[..equals];
            string? inlineValue = equals < 0 ? null : argument[(equals + 1)..];
            OptionSpec spec = options.FirstOrDefault(o => o.Name == name)
                ?? throw new UsageException($"unknown option '{name}'");
            if (values.ContainsKey(spec.Name))
            {
                throw new UsageException($"option {spec.Name} is given more than once");
            }

            if (!spec.TakesValue)
            {
                values[spec.Name] = inlineValue is null
                    ? null
                    : throw new UsageException($"option {spec.Name} takes no value");
                continue;
            }

            if (inlineValue is null)
            {
                if (i + 1 >= arguments.Count)
                {
                    throw new UsageException($"option {spec.Name} needs a value: {spec.Name} <{spec.ValueName}>");
                }

                inlineValue = arguments[++i];
            }

            values[spec.Name] = inlineValue;
        }

        return new Arguments(positionals, values, helpRequested: false);
    }

    /// <summary>Whether the option was given.</summary>
    public bool Has(string option) => _options.ContainsKey(option);

    /// <summary>The value of an option that takes one, or <see langword="null"/> when it was not given.</summary>
    public string? Value(string option) => _options.TryGetValue(option, out string? value) ? value : null;

    /// <summary>The single positional argument, named <paramref name="name"/> in messages.</summary>
    /// <exception cref="UsageException">There is none, or there are several.</exception>
    public string SinglePositional(string name) => Positionals.Count switch
    {
        0 => throw new UsageException($"missing {name}"),
        1 => Positionals[0],
        _ => throw new UsageException($"unexpected argument '{Positionals[1]}'"),
    };

    private static bool IsHelp(string argument) => argument is "-h" or "--help";
}
