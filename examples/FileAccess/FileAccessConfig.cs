using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Falco.Plugins.Examples.FileAccess;

/// <summary>The init config. Every key is optional; the defaults are the rules of <see cref="Classification.DefaultRules"/>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class FileAccessConfig
{
    /// <summary>The path rules, in order: the first rule that matches a path gives its class. Replaces the built-in rules when set.</summary>
    [Description("Path rules tried in order; the first that matches gives the path's class (Default: the built-in rules)")]
    public IReadOnlyList<PathRuleConfig>? Rules { get; set; }

    /// <summary>The class of a path that no rule matches.</summary>
    [Description("The class of paths that no rule matches (Default: other)")]
    public string DefaultClass { get; set; } = "other";

    /// <summary>The classes whose successful accesses count towards each thread's sensitive count.</summary>
    [Description("Classes whose accesses count as sensitive (Default: [credentials, ssh])")]
    public IReadOnlyList<string>? SensitiveClasses { get; set; }
}

/// <summary>One path rule: a path that starts with <see cref="Prefix"/> (and, after it, contains <see cref="Contains"/>) has the class <see cref="Class"/>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class PathRuleConfig
{
    /// <summary>The start of the absolute paths the rule matches, compared byte for byte; end it with '/' to match a directory's contents.</summary>
    [Description("The start of the absolute paths the rule matches, e.g. /etc/shadow or /usr/bin/")]
    public required string Prefix { get; set; }

    /// <summary>Text the rest of the path must contain after the prefix, such as <c>/.ssh/</c> under <c>/home/</c>.</summary>
    [Description("Text that the path must also contain after the prefix, e.g. /.ssh/")]
    public string? Contains { get; set; }

    /// <summary>The class of the paths the rule matches: lowercase letters, digits and '_'.</summary>
    [Description("The class of matching paths: lowercase letters, digits and '_', starting with a letter")]
    public required string Class { get; set; }
}

/// <summary>Source-generated JSON metadata for the config.</summary>
[JsonSerializable(typeof(FileAccessConfig))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class FileAccessJsonContext : JsonSerializerContext;
