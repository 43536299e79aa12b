using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Falco.Plugins.Generators.Parsing;
using Falco.Plugins.Generators.Tests.Infrastructure;

namespace Falco.Plugins.Generators.Tests;

/// <summary>The init schema names properties exactly as System.Text.Json reads them.</summary>
public sealed class InitSchemaNamingTests
{
    private const string Config = """
        public sealed class TestConfig
        {
            public int MaxEvents { get; set; }
            public string URLPrefix { get; set; } = "";
            public bool IsIPv6Enabled { get; set; }

            [JsonPropertyName("custom_Name")]
            public string Renamed { get; set; } = "";
        }
        """;

    public static TheoryData<string, string, string, string, string> Policies => new()
    {
        { "", "MaxEvents", "URLPrefix", "IsIPv6Enabled", "custom_Name" },
        { "[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]", "maxEvents", "urlPrefix", "isIPv6Enabled", "custom_Name" },
        { "[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]", "maxEvents", "urlPrefix", "isIPv6Enabled", "custom_Name" },
        { "[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]", "max_events", "url_prefix", "is_i_pv6_enabled", "custom_Name" },
        { "[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseUpper)]", "MAX_EVENTS", "URL_PREFIX", "IS_I_PV6_ENABLED", "custom_Name" },
        { "[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.KebabCaseLower)]", "max-events", "url-prefix", "is-i-pv6-enabled", "custom_Name" },
        { "[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.KebabCaseUpper)]", "MAX-EVENTS", "URL-PREFIX", "IS-I-PV6-ENABLED", "custom_Name" },
    };

    [Theory]
    [MemberData(nameof(Policies))]
    public void Property_names_follow_the_naming_policy_and_JsonPropertyName(string options, string maxEvents, string urlPrefix, string ipv6, string renamed)
    {
        GeneratorRun run = InitSchemas.Run(Config, options);

        JsonElement schema = InitSchemas.Parse(run);
        string[] expected = [maxEvents, urlPrefix, ipv6, renamed];
        Assert.Equal(expected, schema.GetProperty("properties").EnumerateObject().Select(p => p.Name));

        // The names are those System.Text.Json's generated contract uses.
        Assert.Equal(
            expected.Order(System.StringComparer.Ordinal),
            JsonContract.Properties(run, "TestPlugins.TestJsonContext", "TestPlugins.TestConfig").Select(p => p.Name).Order(System.StringComparer.Ordinal));
    }

    public static IEnumerable<object[]> NamesAndPolicies()
    {
        string[] names = ["MaxEvents", "URLValue", "IPAddressV6", "ID", "A", "", "myProperty", "already_snake", "Value2Go", "XMLHttpRequest", "Is64Bit", "HTTP2Server", "With Space", "ÉtéValue", "_Leading"];
        foreach (string name in names)
        {
            for (int policy = NamingPolicy.CamelCase; policy <= NamingPolicy.KebabCaseUpper; policy++)
            {
                yield return [policy, name];
            }
        }
    }

    [Theory]
    [MemberData(nameof(NamesAndPolicies))]
    public void Naming_policies_match_System_Text_Json(int policy, string name)
    {
        JsonNamingPolicy reference = policy switch
        {
            NamingPolicy.CamelCase => JsonNamingPolicy.CamelCase,
            NamingPolicy.SnakeCaseLower => JsonNamingPolicy.SnakeCaseLower,
            NamingPolicy.SnakeCaseUpper => JsonNamingPolicy.SnakeCaseUpper,
            NamingPolicy.KebabCaseLower => JsonNamingPolicy.KebabCaseLower,
            _ => JsonNamingPolicy.KebabCaseUpper,
        };

        Assert.Equal(reference.ConvertName(name), NamingPolicy.Apply(policy, name));
    }
}
