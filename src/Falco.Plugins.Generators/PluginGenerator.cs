using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Falco.Plugins.Generators.Emitting;
using Falco.Plugins.Generators.Model;
using Falco.Plugins.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Falco.Plugins.Generators;

/// <summary>
/// Emits the plugin API exports of the [FalcoPlugin] class of an assembly. The pipeline:
/// parse the plugin class into an equatable model; collect the JsonSerializerContexts of the
/// assembly to bind the config type and render its schema; report diagnostics; emit exports.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class PluginGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<PluginCandidate> candidates = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                PluginParser.PluginAttributeName,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax { ClassOrStructKeyword.ValueText: not "struct" },
                static (ctx, ct) => PluginParser.Parse(ctx, ct))
            .Where(static c => c is not null)!;

        IncrementalValueProvider<ImmutableArray<JsonContextInfo>> jsonContexts = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                JsonContextParser.SerializableAttributeName,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, _) => JsonContextParser.Parse(ctx).ToEquatableArray())
            .SelectMany(static (contexts, _) => contexts.Items)
            .Collect();

        IncrementalValueProvider<bool> diagnosticsExport = context.AnalyzerConfigOptionsProvider.Select(static (options, _) =>
            options.GlobalOptions.TryGetValue("build_property.FalcoPluginDiagnostics", out string? value)
            && string.Equals(value, "true", System.StringComparison.OrdinalIgnoreCase));

        IncrementalValueProvider<ImmutableArray<PluginModel>> plugins = candidates
            .Combine(jsonContexts)
            .Select(static (pair, _) => ConfigResolver.Resolve(pair.Left, pair.Right))
            .Collect();

        context.RegisterSourceOutput(plugins.Combine(diagnosticsExport), static (output, input) => Emit(output, input.Left, input.Right));
    }

    private static void Emit(SourceProductionContext output, ImmutableArray<PluginModel> plugins, bool diagnosticsExport)
    {
        PluginModel? first = null;
        foreach (PluginModel plugin in plugins.OrderBy(p => p.FullName, System.StringComparer.Ordinal))
        {
            foreach (DiagnosticInfo diagnostic in plugin.Diagnostics)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            if (first is not null)
            {
                output.ReportDiagnostic(Diagnostic.Create(Diagnostics.MultiplePlugins, plugin.Location?.ToLocation(), first.ClassName));
                continue;
            }

            first = plugin;
            if (plugin.IsValid)
            {
                output.AddSource($"{plugin.ClassName}.FalcoPluginExports.g.cs", ExportsEmitter.Emit(plugin, diagnosticsExport));
            }
        }
    }
}

/// <summary>Matches a plugin's config type with the JsonSerializerContext that serializes it.</summary>
internal static class ConfigResolver
{
    public static PluginModel Resolve(PluginCandidate candidate, ImmutableArray<JsonContextInfo> contexts)
    {
        PluginModel model = candidate.Model;
        if (candidate.ConfigTypeName is null || candidate.ConfigShape is null)
        {
            return model;
        }

        JsonContextInfo? context = contexts.FirstOrDefault(c => c.SerializedTypeName == candidate.ConfigTypeName);
        if (context is null)
        {
            string shortName = candidate.ConfigTypeName.Substring(candidate.ConfigTypeName.LastIndexOf('.') + 1);
            var diagnostic = new DiagnosticInfo(Diagnostics.NoConfigContext, model.Location,
                new[] { new StringValue(shortName) }.ToEquatableArray());
            return model with { Diagnostics = model.Diagnostics.Items.Add(diagnostic).ToEquatableArray() };
        }

        string schema = SchemaRenderer.Render(candidate.ConfigShape, context, model.Metadata.Name);
        return model with { Config = new ConfigModel(candidate.ConfigTypeName, context.TypeInfoExpression, schema) };
    }
}
