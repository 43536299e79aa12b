using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Falco.Plugins.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace Falco.Plugins.Generators.Tests.TypedEvents;

/// <summary>
/// The harness of <see cref="HarnessSource"/>, compiled in memory against Falco.Plugins and
/// this test assembly once per test run, with delegates to its two entry points.
/// </summary>
internal sealed class TypedEventHarness
{
    private static readonly Lazy<TypedEventHarness> Compiled = new(Compile);

    private TypedEventHarness(Action<int, ParamValues, ParamChecks> roundTrip, Func<int, nint, int, int> read)
    {
        RoundTrip = roundTrip;
        Read = read;
    }

    public static TypedEventHarness Instance => Compiled.Value;

    /// <summary>Encodes, writes and reads back one code with the given values.</summary>
    public Action<int, ParamValues, ParamChecks> RoundTrip { get; }

    /// <summary>Reads the bytes at (start, length) as an event of the given code through its view, touching everything.</summary>
    public Func<int, nint, int, int> Read { get; }

    private static TypedEventHarness Compile()
    {
        SyntaxTree tree = CSharpSyntaxTree.ParseText(HarnessSource.Write(), GeneratorHarness.ParseOptions, "TypedEvents.cs");
        IEnumerable<MetadataReference> references = MetadataReferences.ForSnippets
            .Append(MetadataReference.CreateFromFile(typeof(TypedEventHarness).Assembly.Location));
        CSharpCompilation compilation = CSharpCompilation.Create(
            "TypedEventHarness",
            [tree],
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                allowUnsafe: true,
                nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: OptimizationLevel.Release));

        using var image = new MemoryStream();
        EmitResult result = compilation.Emit(image);
        if (!result.Success)
        {
            IEnumerable<Diagnostic> errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20);
            throw new InvalidOperationException("The typed harness does not compile against the generated views:\n" + string.Join("\n", errors));
        }

        Assembly assembly = Assembly.Load(image.ToArray());
        Type type = assembly.GetType(HarnessSource.TypeName, throwOnError: true)!;
        return new TypedEventHarness(
            type.GetMethod("RoundTrip")!.CreateDelegate<Action<int, ParamValues, ParamChecks>>(),
            type.GetMethod("Read")!.CreateDelegate<Func<int, nint, int, int>>());
    }
}
