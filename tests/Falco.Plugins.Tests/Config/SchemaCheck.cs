using System.Text.Json;
using Falco.Plugins.Config;

namespace Falco.Plugins.Tests.Config;

/// <summary>Runs <see cref="JsonSchemaValidator"/> on JSON written with single quotes, for readable test rows.</summary>
internal static class SchemaCheck
{
    /// <summary>The operator message for the first violation, or <see langword="null"/> when the instance conforms.</summary>
    public static string? Message(string instance, string schema) =>
        Violation(instance, schema)?.Describe("config");

    public static SchemaViolation? Violation(string instance, string schema)
    {
        using JsonDocument instanceDocument = JsonDocument.Parse(Quote(instance));
        using JsonDocument schemaDocument = JsonDocument.Parse(Quote(schema));
        return JsonSchemaValidator.Validate(instanceDocument.RootElement, schemaDocument.RootElement);
    }

    private static string Quote(string json) => json.Replace('\'', '"');
}
