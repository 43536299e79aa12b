using System;
using Falco.Plugins.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Falco.Plugins.Generators.Tests.Diagnostics;

/// <summary>Diagnostics about [Field] methods.</summary>
public sealed class FieldDiagnosticsTests
{
    [Fact]
    public void FALCO0002_duplicate_field_name()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Extractor("""
                [Field("test.value", "The value")]
                public ulong First(ref ExtractContext context) => 1;

                [Field("test.value", "The value again")]
                public ulong Second(ref ExtractContext context) => 2;
            """));

        string message = DiagnosticAssert.Reported(run, "FALCO0002", DiagnosticSeverity.Error, "Second");
        Assert.Contains("'test.value'", message, StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("1abc")]
    [InlineData("a..b")]
    [InlineData("a.")]
    [InlineData(".a")]
    [InlineData("a-b")]
    [InlineData("a b")]
    [InlineData("é.a")]
    [InlineData("")]
    public void FALCO0003_invalid_field_name(string name)
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Extractor($$"""
                [Field("{{name}}", "The value")]
                public ulong Value(ref ExtractContext context) => 1;
            """));

        string message = DiagnosticAssert.Reported(run, "FALCO0003", DiagnosticSeverity.Error, "Value");
        Assert.Contains($"'{name}'", message, StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("int", "'int'")]
    [InlineData("long", "Falco numbers are unsigned")]
    [InlineData("object", "'object'")]
    [InlineData("List<uint>", "'System.Collections.Generic.List<uint>'")]
    [InlineData("ReadOnlySpan<IPAddress>", "spans of System.Net.IPAddress")]
    [InlineData("Guid", "'System.Guid'")]
    public void FALCO0004_unsupported_return_type(string type, string expected)
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Extractor($$"""
                [Field("test.value", "The value")]
                public {{type}} Value(ref ExtractContext context) => default!;
            """));

        string message = DiagnosticAssert.Reported(run, "FALCO0004", DiagnosticSeverity.Error, "Value");
        Assert.Contains("'Value'", message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("ulong", "Bool", "uint64 or reltime or abstime")]
    [InlineData("string", "IPAddress", "Type can be string")]
    [InlineData("TimeSpan", "AbsTime", "Type can be reltime")]
    public void FALCO0004_explicit_type_that_the_return_type_cannot_carry(string type, string fieldType, string expected)
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Extractor($$"""
                [Field("test.value", "The value", Type = FieldType.{{fieldType}})]
                public {{type}} Value(ref ExtractContext context) => default!;
            """));

        string message = DiagnosticAssert.Reported(run, "FALCO0004", DiagnosticSeverity.Error, "Value");
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RequiredIndex", ", string key", "'string'")]
    [InlineData("None", ", ulong extra", "'ulong'")]
    [InlineData("OptionalIndex", ", ulong index", "'ulong'")]
    [InlineData("RequiredKey", "", "(it takes none)")]
    [InlineData("OptionalKey", ", ref string key", "'string'")]
    public void FALCO0005_argument_kind_does_not_match_the_parameters(string arg, string parameters, string expected)
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Extractor($$"""
                [Field("test.value", "The value", Arg = FieldArg.{{arg}})]
                public ulong Value(ref ExtractContext context{{parameters}}) => 1;
            """));

        string message = DiagnosticAssert.Reported(run, "FALCO0005", DiagnosticSeverity.Error, "Value");
        Assert.Contains($"'test.value' declares Arg = FieldArg.{arg}", message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("public ulong Value(ExtractContext context) => 1;", "not 'ref ExtractContext'")]
    [InlineData("public ulong Value(ref ulong context) => 1;", "not 'ref ExtractContext'")]
    [InlineData("public ulong Value() => 1;", "not 'ref ExtractContext'")]
    [InlineData("public ulong Value<T>(ref ExtractContext context) => 1;", "it is generic")]
    [InlineData("public ulong Value(ref ExtractContext context, out ulong value) { value = 1; return 1; }", "must return bool")]
    [InlineData("public void Value(ref ExtractContext context) { }", "it returns nothing")]
    public void FALCO0012_extractor_with_the_wrong_shape(string method, string expected)
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Extractor($$"""
                [Field("test.value", "The value")]
                {{method}}
            """));

        string message = DiagnosticAssert.Reported(run, "FALCO0012", DiagnosticSeverity.Error, "Value");
        Assert.Contains("'Value'", message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void FALCO0015_missing_field_description(string description)
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Extractor($$"""
                [Field("test.value", "{{description}}")]
                public ulong Value(ref ExtractContext context) => 1;
            """));

        string message = DiagnosticAssert.Reported(run, "FALCO0015", DiagnosticSeverity.Error, "Value");
        Assert.Contains("'test.value'", message, StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void FALCO0017_field_extractor_without_fields()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Extractor("public ulong Value(ref ExtractContext context) => 1;"));

        string message = DiagnosticAssert.Reported(run, "FALCO0017", DiagnosticSeverity.Error, "TestPlugin");
        Assert.Contains("implements IFieldExtractor but declares no [Field] method", message, StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void FALCO0017_fields_without_IFieldExtractor()
    {
        string source = Snippets.Source("7", "\"test\"")
            .Replace("public TestInstance Open", Snippets.ValueField + "\n    public TestInstance Open", StringComparison.Ordinal);
        GeneratorRun run = GeneratorHarness.Run(source);

        string message = DiagnosticAssert.Reported(run, "FALCO0017", DiagnosticSeverity.Error, "TestPlugin");
        Assert.Contains("declares [Field] methods but does not implement IFieldExtractor", message, StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }
}
