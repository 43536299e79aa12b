using System.Collections.Generic;
using System.Globalization;

namespace Falco.Plugins.Generators.Events.Json;

/// <summary>The kinds of JSON values.</summary>
internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// A parsed JSON value. Analyzers run on netstandard2.0 without System.Text.Json, and the event
/// schema needs only this much: objects keep their members in order, numbers keep their text.
/// </summary>
internal sealed class JsonValue
{
    private static readonly List<KeyValuePair<string, JsonValue>> NoMembers = new();
    private static readonly List<JsonValue> NoItems = new();

    private JsonValue(JsonKind kind, string text, List<KeyValuePair<string, JsonValue>> members, List<JsonValue> items)
    {
        Kind = kind;
        Text = text;
        Members = members;
        Items = items;
    }

    public JsonKind Kind { get; }

    /// <summary>The value of a string, or the literal text of a number.</summary>
    public string Text { get; }

    /// <summary>The members of an object, in document order.</summary>
    public List<KeyValuePair<string, JsonValue>> Members { get; }

    /// <summary>The items of an array.</summary>
    public List<JsonValue> Items { get; }

    public static JsonValue Object(List<KeyValuePair<string, JsonValue>> members) => new(JsonKind.Object, string.Empty, members, NoItems);

    public static JsonValue Array(List<JsonValue> items) => new(JsonKind.Array, string.Empty, NoMembers, items);

    public static JsonValue String(string value) => new(JsonKind.String, value, NoMembers, NoItems);

    public static JsonValue Number(string text) => new(JsonKind.Number, text, NoMembers, NoItems);

    public static JsonValue Literal(JsonKind kind) => new(kind, string.Empty, NoMembers, NoItems);

    /// <summary>The member called <paramref name="name"/> of an object.</summary>
    public JsonValue? Get(string name)
    {
        foreach (KeyValuePair<string, JsonValue> member in Members)
        {
            if (member.Key == name)
            {
                return member.Value;
            }
        }

        return null;
    }

    /// <summary>The value of a number that is a whole number within the range of <see cref="long"/>.</summary>
    public bool TryGetInt64(out long value)
    {
        value = 0;
        return Kind == JsonKind.Number && long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }
}
