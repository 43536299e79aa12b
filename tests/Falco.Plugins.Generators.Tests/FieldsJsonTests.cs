using System.Linq;
using System.Text.Json;
using Falco.Plugins.Generators.Tests.Infrastructure;

namespace Falco.Plugins.Generators.Tests;

/// <summary>The plugin_get_fields JSON: one entry per [Field] method, in declaration order, in libsinsp's format.</summary>
public sealed class FieldsJsonTests
{
    [Theory]
    [InlineData("ulong", "uint64")]
    [InlineData("uint", "uint64")]
    [InlineData("ushort", "uint64")]
    [InlineData("byte", "uint64")]
    [InlineData("ulong?", "uint64")]
    [InlineData("uint?", "uint64")]
    [InlineData("string", "string")]
    [InlineData("string?", "string")]
    [InlineData("ReadOnlySpan<byte>", "string")]
    [InlineData("bool", "bool")]
    [InlineData("bool?", "bool")]
    [InlineData("TimeSpan", "reltime")]
    [InlineData("TimeSpan?", "reltime")]
    [InlineData("DateTimeOffset", "abstime")]
    [InlineData("DateTimeOffset?", "abstime")]
    [InlineData("DateTime", "abstime")]
    [InlineData("DateTime?", "abstime")]
    [InlineData("IPAddress", "ipaddr")]
    [InlineData("IPAddress?", "ipaddr")]
    [InlineData("IPNetwork", "ipnet")]
    [InlineData("IPNetwork?", "ipnet")]
    public void Scalar_return_types_map_to_field_types(string returnType, string fieldType)
    {
        JsonElement field = SingleField(returnType);

        Assert.Equal(fieldType, field.GetProperty("type").GetString());
        Assert.False(field.TryGetProperty("isList", out _));
    }

    [Theory]
    [InlineData("ulong[]", "uint64")]
    [InlineData("List<ulong>", "uint64")]
    [InlineData("IEnumerable<ulong>", "uint64")]
    [InlineData("ReadOnlySpan<ulong>", "uint64")]
    [InlineData("Span<ulong>", "uint64")]
    [InlineData("string[]", "string")]
    [InlineData("List<string>", "string")]
    [InlineData("IReadOnlyList<string?>", "string")]
    [InlineData("ReadOnlySpan<string>", "string")]
    [InlineData("bool[]", "bool")]
    [InlineData("ReadOnlySpan<bool>", "bool")]
    [InlineData("TimeSpan[]", "reltime")]
    [InlineData("List<DateTimeOffset>", "abstime")]
    [InlineData("DateTime[]", "abstime")]
    [InlineData("IPAddress[]", "ipaddr")]
    [InlineData("IPAddress?[]", "ipaddr")]
    [InlineData("List<IPNetwork>", "ipnet")]
    public void List_return_types_map_to_list_fields(string returnType, string fieldType)
    {
        JsonElement field = SingleField(returnType);

        Assert.Equal(fieldType, field.GetProperty("type").GetString());
        Assert.True(field.GetProperty("isList").GetBoolean());
    }

    [Theory]
    [InlineData("ulong", "RelTime", "reltime")]
    [InlineData("ulong", "AbsTime", "abstime")]
    [InlineData("ulong?", "RelTime", "reltime")]
    [InlineData("ulong[]", "AbsTime", "abstime")]
    [InlineData("ReadOnlySpan<byte>", "IPAddress", "ipaddr")]
    [InlineData("ReadOnlySpan<byte>", "IPNetwork", "ipnet")]
    [InlineData("IPAddress", "IPNetwork", "ipnet")]
    public void Explicit_type_overrides_the_inferred_one(string returnType, string explicitType, string fieldType)
    {
        JsonElement field = SingleField(returnType, $", Type = FieldType.{explicitType}");

        Assert.Equal(fieldType, field.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("ulong")]
    [InlineData("string")]
    [InlineData("IPAddress")]
    [InlineData("ulong[]")]
    public void Out_value_extractors_use_the_type_of_the_out_parameter(string valueType)
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Extractor($$"""
                [Field("test.value", "The value")]
                public bool TryValue(ref ExtractContext context, out {{valueType}} value) { value = default!; return false; }
            """));

        run.AssertCleanBuild();
        JsonElement field = Assert.Single(Fields(run).EnumerateArray());
        Assert.Equal(valueType.StartsWith("ulong", System.StringComparison.Ordinal) ? "uint64" : valueType == "string" ? "string" : "ipaddr", field.GetProperty("type").GetString());
        Assert.Equal(valueType.EndsWith("[]", System.StringComparison.Ordinal), field.TryGetProperty("isList", out _));
    }

    [Theory]
    [InlineData("RequiredIndex", "ulong index", true, true, false)]
    [InlineData("OptionalIndex", "ulong? index", false, true, false)]
    [InlineData("RequiredKey", "string key", true, false, true)]
    [InlineData("RequiredKey", "ReadOnlySpan<byte> key", true, false, true)]
    [InlineData("OptionalKey", "string? key", false, false, true)]
    [InlineData("OptionalKey", "ReadOnlySpan<byte> key", false, false, true)]
    public void Field_arguments_are_described(string arg, string parameter, bool isRequired, bool isIndex, bool isKey)
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Extractor($$"""
                [Field("test.value", "The value", Arg = FieldArg.{{arg}})]
                public ulong Value(ref ExtractContext context, {{parameter}}) => 1;
            """));

        run.AssertCleanBuild();
        JsonElement argument = Assert.Single(Fields(run).EnumerateArray()).GetProperty("arg");
        Assert.Equal(isRequired, argument.GetProperty("isRequired").GetBoolean());
        Assert.Equal(isIndex, argument.GetProperty("isIndex").GetBoolean());
        Assert.Equal(isKey, argument.GetProperty("isKey").GetBoolean());
    }

    [Fact]
    public void Field_without_argument_has_no_arg_nor_optional_properties()
    {
        JsonElement field = SingleField("ulong");

        Assert.Equal(["type", "name", "desc"], field.EnumerateObject().Select(p => p.Name));
        Assert.Equal("test.value", field.GetProperty("name").GetString());
        Assert.Equal("The value", field.GetProperty("desc").GetString());
    }

    [Fact]
    public void Display_add_output_and_properties_are_written()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Extractor("""
                [Field("test.all", "Everything", Display = "All of it", AddOutput = true, Properties = FieldProperties.Hidden | FieldProperties.Info | FieldProperties.Conversation)]
                public ulong All(ref ExtractContext context) => 1;

                [Field("test.info", "Info only", Properties = FieldProperties.Info)]
                public ulong Info(ref ExtractContext context) => 1;

                [Field("test.none", "Nothing", Display = "", AddOutput = false)]
                public ulong None(ref ExtractContext context) => 1;
            """));

        run.AssertCleanBuild();
        JsonElement[] fields = [.. Fields(run).EnumerateArray()];
        Assert.Equal("All of it", fields[0].GetProperty("display").GetString());
        Assert.True(fields[0].GetProperty("addOutput").GetBoolean());
        Assert.Equal(["hidden", "info", "conversation"], fields[0].GetProperty("properties").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["info"], fields[1].GetProperty("properties").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["type", "name", "desc"], fields[2].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Fields_keep_declaration_order_which_gives_their_ids()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Extractor("""
                [Field("test.zeta", "First")]
                public ulong Zeta(ref ExtractContext context) => 1;

                public ulong NotAField(ref ExtractContext context) => 0;

                [Field("test.alpha", "Second")]
                public static string Alpha(ref ExtractContext context) => "";

                [Field("test.mid", "Third")]
                public bool Mid(ref ExtractContext context) => true;
            """));

        run.AssertCleanBuild();
        Assert.Equal(["test.zeta", "test.alpha", "test.mid"], Fields(run).EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.Equal("""new string[] { "test.zeta", "test.alpha", "test.mid" }""", GeneratedExports.DescriptorArgument(run.Exports, 3));

        // Field id N calls the Nth method: the switch of extract_fields follows the same order.
        string code = run.Exports.ToString();
        Assert.True(
            code.IndexOf("plugin.Zeta(", System.StringComparison.Ordinal) < code.IndexOf("TestPlugin.Alpha(", System.StringComparison.Ordinal)
            && code.IndexOf("TestPlugin.Alpha(", System.StringComparison.Ordinal) < code.IndexOf("plugin.Mid(", System.StringComparison.Ordinal),
            code);
    }

    [Fact]
    public void Texts_with_quotes_backslashes_and_non_ascii_survive_both_escapings()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Extractor("""
                [Field("test.value", "A \"quoted\" \\ value\tof 10 µs", Display = "Déjà vu")]
                public ulong Value(ref ExtractContext context) => 1;
            """));

        run.AssertCleanBuild();
        JsonElement field = Assert.Single(Fields(run).EnumerateArray());
        Assert.Equal("A \"quoted\" \\ value\tof 10 µs", field.GetProperty("desc").GetString());
        Assert.Equal("Déjà vu", field.GetProperty("display").GetString());
    }

    private static JsonElement SingleField(string returnType, string attributeArguments = "")
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Extractor($$"""
                [Field("test.value", "The value"{{attributeArguments}})]
                public {{returnType}} Value(ref ExtractContext context) => default!;
            """));

        run.AssertCleanBuild();
        return Assert.Single(Fields(run).EnumerateArray());
    }

    private static JsonElement Fields(GeneratorRun run)
    {
        using JsonDocument document = JsonDocument.Parse(GeneratedExports.Utf8Literal(run.Exports, "FieldsJson"));
        Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
        return document.RootElement.Clone();
    }
}
