using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Falco.Plugins.Generators.Tests.Infrastructure;

/// <summary>
/// MSBuild properties as a generator sees them (<c>build_property.Name</c> global options),
/// like a <c>CompilerVisibleProperty</c> of the project.
/// </summary>
internal sealed class BuildProperties : AnalyzerConfigOptionsProvider
{
    private readonly Options _global;

    public BuildProperties(IEnumerable<KeyValuePair<string, string>> properties)
    {
        _global = new Options(properties.ToImmutableDictionary(p => "build_property." + p.Key, p => p.Value));
    }

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(ImmutableDictionary<string, string>.Empty);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);

        public override IEnumerable<string> Keys => values.Keys;
    }
}
