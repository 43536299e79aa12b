using Falco.Plugins.Generators.Model;

namespace Falco.Plugins.Generators.Emitting;

/// <summary>Writes the <c>plugin_get_fields</c> JSON, in declaration order (the order gives the field ids).</summary>
internal static class FieldsJsonWriter
{
    public static string Write(EquatableArray<FieldModel> fields)
    {
        var json = new JsonBuilder();
        json.BeginArray();
        foreach (FieldModel field in fields)
        {
            json.BeginObject();
            json.Property("type", field.TypeName);
            json.Property("name", field.Name);
            if (field.IsList)
            {
                json.Property("isList", true);
            }

            if (field.Arg != FieldArgKind.None)
            {
                bool index = field.Arg is FieldArgKind.RequiredIndex or FieldArgKind.OptionalIndex;
                json.Name("arg").BeginObject();
                json.Property("isRequired", field.Arg is FieldArgKind.RequiredIndex or FieldArgKind.RequiredKey);
                json.Property("isIndex", index);
                json.Property("isKey", !index);
                json.EndObject();
            }

            if (field.Display is not null)
            {
                json.Property("display", field.Display);
            }

            json.Property("desc", field.Description);
            if (field.AddOutput)
            {
                json.Property("addOutput", true);
            }

            if (field.Properties != 0)
            {
                json.Name("properties").BeginArray();
                if ((field.Properties & 1) != 0)
                {
                    json.String("hidden");
                }

                if ((field.Properties & 2) != 0)
                {
                    json.String("info");
                }

                if ((field.Properties & 4) != 0)
                {
                    json.String("conversation");
                }

                json.EndArray();
            }

            json.EndObject();
        }

        json.EndArray();
        return json.ToString();
    }
}
