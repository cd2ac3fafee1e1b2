using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// Some models also travel as a string: identity descriptors (<c>{ identityType, identifier }</c>) as <c>"identityType;identifier"</c>,
/// agent demands (<c>{ name, value }</c>) as <c>"name -equals value"</c> or just <c>"name"</c>, and models that only name something
/// (<c>{ id, displayName }</c>) as their id. Such a definition gets <c>x-ado-string-form</c> (which properties the string fills); our
/// Class.Annotations template writes it as a <c>[StringForm]</c> attribute, and the serializer reads and writes both forms. Decided from
/// each definition's properties (its bases' included), not from type names at run time.
/// </summary>
public sealed class StringFormRule : ISpecRule
{
    public const string Extension = "x-ado-string-form";

    private static readonly string[] LabelProperties = ["id", "displayName", "name", "url"];

    public void Apply(SpecDocument document)
    {
        foreach (var definition in document.Definitions.Properties())
        {
            if (definition.Value is not JObject schema || (string?)schema["type"] is not (null or "object"))
                continue;
            var properties = document.AllProperties(schema);
            if (properties.Count == 0)
                continue;
            if (definition.Name.EndsWith("Descriptor", StringComparison.Ordinal) && IsText(properties, "identityType") && IsText(properties, "identifier"))
                schema[Extension] = Form(";", "identityType", "identifier", alone: "identifier");
            else if (definition.Name == "Demand" && IsText(properties, "name") && IsText(properties, "value"))
                schema[Extension] = Form(" -equals ", "name", "value", alone: "name");
            else if (IsText(properties, "id") && properties.All(p => LabelProperties.Contains(p.Name) && IsText(properties, p.Name)))
                schema[Extension] = Form("", "id", "", alone: "id");
        }
    }

    /// <summary>"first{separator}second" fills both; text without the separator (or any text, with no separator) fills <paramref name="alone"/>.</summary>
    private static JObject Form(string separator, string first, string second, string alone) =>
        new() { ["separator"] = separator, ["first"] = first, ["second"] = second, ["alone"] = alone };

    /// <summary>A plain string property, judged by its most derived declaration (a model may redeclare its base's <c>id</c> as a GUID).</summary>
    private static bool IsText(IReadOnlyList<JProperty> properties, string name) =>
        properties.FirstOrDefault(p => p.Name == name)?.Value is JObject schema
        && (string?)schema["type"] == "string" && schema["format"] is null && schema["enum"] is null && schema["$ref"] is null;
}
