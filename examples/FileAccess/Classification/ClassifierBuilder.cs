using System.Collections.Generic;
using System.Text;

namespace Falco.Plugins.Examples.FileAccess.Classification;

/// <summary>Checks the rules of the config and compiles them, so that mistakes fail init with a message naming the key.</summary>
internal static class ClassifierBuilder
{
    /// <summary>The longest prefix or text accepted: PATH_MAX.</summary>
    public const int MaxPatternBytes = 4096;

    /// <summary>The most rules accepted: every path is tried against them in turn.</summary>
    public const int MaxRules = 1024;

    /// <summary>The most distinct classes accepted.</summary>
    public const int MaxClasses = 64;

    private const int MaxClassNameLength = 32;

    /// <summary>The classifier of <paramref name="config"/>.</summary>
    /// <exception cref="PluginException">A value is malformed or a rule can never match; the message names the key.</exception>
    public static PathClassifier Build(FileAccessConfig config)
    {
        IReadOnlyList<PathRuleConfig> rules = config.Rules ?? DefaultRules.Rules;
        if (rules.Count > MaxRules)
        {
            throw new PluginException($"rules has {rules.Count} rules, more than the {MaxRules} allowed");
        }

        var names = new List<string>();
        var compiled = new PathRule[rules.Count];
        for (int i = 0; i < rules.Count; i++)
        {
            compiled[i] = Compile(rules[i], i, names);
            for (int earlier = 0; earlier < i; earlier++)
            {
                if (compiled[i].IsShadowedBy(compiled[earlier]))
                {
                    throw new PluginException(
                        $"rules[{i}] (prefix '{rules[i].Prefix}'{ContainsText(rules[i])}) can never match: rules[{earlier}] (prefix '{rules[earlier].Prefix}'{ContainsText(rules[earlier])}) comes first and matches every path it would");
                }
            }
        }

        int defaultClass = ClassIndex(config.DefaultClass, "defaultClass", names);
        if (names.Count > MaxClasses)
        {
            throw new PluginException($"rules and defaultClass name {names.Count} classes, more than the {MaxClasses} allowed");
        }

        bool[] sensitive = new bool[names.Count];
        IReadOnlyList<string> sensitiveClasses = config.SensitiveClasses ?? DefaultRules.SensitiveClasses;
        for (int i = 0; i < sensitiveClasses.Count; i++)
        {
            int index = names.IndexOf(sensitiveClasses[i]);
            if (index < 0)
            {
                throw new PluginException(
                    $"sensitiveClasses[{i}] '{sensitiveClasses[i]}' is not the class of a rule or the default class (classes: {string.Join(", ", names)})");
            }

            sensitive[index] = true;
        }

        return new PathClassifier(compiled, new FileClasses([.. names], sensitive), defaultClass);
    }

    private static PathRule Compile(PathRuleConfig? rule, int index, List<string> names)
    {
        string key = $"rules[{index}]";
        if (rule is null)
        {
            throw new PluginException($"{key} must be an object with a prefix and a class");
        }

        byte[] prefix = Pattern(rule.Prefix, key + ".prefix");
        if (prefix[0] != (byte)'/')
        {
            throw new PluginException($"{key}.prefix '{rule.Prefix}' must start with '/': paths are matched once made absolute");
        }

        byte[]? contains = rule.Contains is null ? null : Pattern(rule.Contains, key + ".contains");
        return new PathRule(prefix, contains, ClassIndex(rule.Class, key + ".class", names));
    }

    private static byte[] Pattern(string? text, string key)
    {
        if (string.IsNullOrEmpty(text))
        {
            throw new PluginException($"{key} must not be empty");
        }

        if (text.Contains('\0', System.StringComparison.Ordinal))
        {
            throw new PluginException($"{key} must not contain a NUL character");
        }

        byte[] bytes = Encoding.UTF8.GetBytes(text);
        return bytes.Length <= MaxPatternBytes
            ? bytes
            : throw new PluginException($"{key} is {bytes.Length} bytes long, more than the {MaxPatternBytes} allowed");
    }

    /// <summary>The index of class <paramref name="name"/>, numbering it if it is new.</summary>
    private static int ClassIndex(string? name, string key, List<string> names)
    {
        if (!IsClassName(name))
        {
            throw new PluginException(
                $"{key} '{name}' is not a class name: use 1 to {MaxClassNameLength} lowercase letters, digits and '_', starting with a letter");
        }

        int index = names.IndexOf(name);
        if (index >= 0)
        {
            return index;
        }

        names.Add(name);
        return names.Count - 1;
    }

    private static bool IsClassName([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxClassNameLength || name[0] is < 'a' or > 'z')
        {
            return false;
        }

        foreach (char c in name)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static string ContainsText(PathRuleConfig rule) => rule.Contains is null ? "" : $", contains '{rule.Contains}'";
}
