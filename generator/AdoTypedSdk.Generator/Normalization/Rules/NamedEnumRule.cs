using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// Inline enums take the name ADO gives them in <c>x-ms-enum</c> (<c>WorkItemExpand</c>, not <c>$expand5</c>) and become one shared
/// definition per distinct (name, values): identical enums are generated once. Every enum gets member names
/// (<c>x-enumNames</c>) in PascalCase while the wire values stay as they are.
/// </summary>
public sealed class NamedEnumRule : ISpecRule
{
    public void Apply(SpecDocument document)
    {
        var hoisted = new Dictionary<string, string>(StringComparer.Ordinal); // name + values → definition name
        foreach (var operation in document.Operations)
        {
            foreach (var parameter in operation.Parameters.OfType<JObject>().Where(p => p["enum"] is JArray && (string?)p["in"] is "query" or "path" or "header"))
            {
                var name = EnumName(parameter, (string?)parameter["name"]);
                var definition = Hoist(document, hoisted, name, parameter);
                parameter.Remove("enum");
                parameter.Remove("x-ms-enum");
                parameter["x-schema"] = new JObject { ["$ref"] = "#/definitions/" + definition };
            }
        }

        foreach (var (owner, definition) in document.Definitions.Properties().Select(p => (p.Name, p.Value)).ToList())
        {
            if (definition is not JObject schema || schema["properties"] is not JObject properties)
                continue;
            foreach (var property in properties.Properties().ToList())
            {
                // The property itself, a list's items or a dictionary's values (multilineFieldsFormat: name → LargeTextCustomHtmlFormat).
                var slots = new[] { property }
                    .Concat(new[] { "items", "additionalProperties" }.Select(key => (property.Value as JObject)?.Property(key)))
                    .OfType<JProperty>();
                foreach (var slot in slots.ToList())
                {
                    if (slot.Value is not JObject enumSchema || enumSchema["enum"] is not JArray || enumSchema["x-ms-enum"] is null)
                        continue;
                    var name = EnumName(enumSchema, owner + Identifiers.Pascal(property.Name));
                    var replacement = new JObject { ["$ref"] = "#/definitions/" + Hoist(document, hoisted, name, enumSchema) };
                    if (enumSchema["description"] is { } description)
                        replacement["description"] = description;
                    slot.Value = replacement;
                }
            }
        }

        foreach (var schema in document.AllSchemas().Where(s => s["enum"] is JArray && s["x-enumNames"] is null).ToList())
            schema["x-enumNames"] = MemberNames((JArray)schema["enum"]!);
    }

    private static string EnumName(JObject schema, string? fallback) =>
        Identifiers.Pascal((string?)schema["x-ms-enum"]?["name"] ?? fallback ?? "Value");

    private static string Hoist(SpecDocument document, Dictionary<string, string> hoisted, string name, JObject source)
    {
        var values = (JArray)source["enum"]!;
        var key = name + "|" + values.ToString(Newtonsoft.Json.Formatting.None);
        if (hoisted.TryGetValue(key, out var existing))
            return existing;

        var definitions = document.Definitions;
        var definitionName = Identifiers.Unique(name, candidate => definitions.ContainsKey(candidate));
        var enumSchema = new JObject
        {
            ["type"] = source["type"] ?? (values.All(v => v.Type == JTokenType.String) ? "string" : "integer"),
            ["enum"] = values.DeepClone(),
            ["x-enumNames"] = MemberNames(values),
        };
        if (source["x-ms-enum"]?["values"] is JArray described && described.Any(v => !string.IsNullOrEmpty((string?)v["description"])))
            enumSchema["x-enum-descriptions"] = new JArray(values.Select(v => (string?)described.FirstOrDefault(d => JToken.DeepEquals(d["value"], v))?["description"] ?? ""));
        definitions[definitionName] = enumSchema;
        hoisted[key] = definitionName;
        return definitionName;
    }

    internal static JArray MemberNames(JArray values)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        return new JArray(values.Select(v => Identifiers.Unique(Identifiers.Pascal(v.ToString()), taken.Contains)).Select(n => { taken.Add(n); return n; }));
    }
}
