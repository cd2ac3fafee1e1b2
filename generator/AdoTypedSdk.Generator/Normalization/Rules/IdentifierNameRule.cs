using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// Public C# names carry no <c>_</c> or <c>$</c>: definitions like <c>BuildDefinition3_2</c> are renamed (references follow), and
/// properties like <c>_links</c> or <c>commit_sha</c> get a camelCase JSON name whose C# name is clean, and keep the wire name in
/// <c>x-ado-wire-name</c>: the generated property carries it in a <c>[WireName("_links")]</c> attribute (our Class.Property.Annotations
/// template), which the serializer reads. NSwag's command line takes no property-name generator, so its own attribute holds the JSON name
/// the C# name came from. Query parameters like <c>searchCriteria.fromDate</c> get a clean
/// C# parameter name (<c>searchCriteriaFromDate</c>, NSwag's <c>x-originalName</c>) while the wire name stays.
/// </summary>
public sealed class IdentifierNameRule : ISpecRule
{
    private const string DefinitionPrefix = "#/definitions/";

    /// <summary>The property-schema extension that keeps the name ADO uses on the wire.</summary>
    public const string WireNameExtension = "x-ado-wire-name";

    public void Apply(SpecDocument document)
    {
        RenameDefinitions(document);
        RenameParameters(document);
        foreach (var definition in document.Definitions.Properties())
        {
            if (definition.Value is not JObject { } schema || schema["properties"] is not JObject properties)
                continue;
            var renamed = new JObject();
            foreach (var property in properties.Properties())
            {
                var name = property.Name;
                if (!Identifiers.IsSimple(name))
                {
                    var camel = Identifiers.Unique(Identifiers.Camel(name), c => properties.ContainsKey(c) || renamed.ContainsKey(c));
                    if (property.Value is JObject propertySchema)
                        propertySchema[WireNameExtension] = property.Name;
                    name = camel;
                }
                renamed[name] = property.Value;
            }
            schema["properties"] = renamed;
        }
    }

    private static void RenameParameters(SpecDocument document)
    {
        foreach (var operation in document.Operations)
        {
            var names = operation.Parameters.OfType<JObject>().Select(p => (string?)p["name"]).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var parameter in operation.Parameters.OfType<JObject>().Where(p => (string?)p["in"] is "query" or "header"))
            {
                var name = (string?)parameter["name"];
                if (name is null || Identifiers.IsSimple(name) || name.StartsWith('$') && Identifiers.IsSimple(name[1..]))
                    continue;
                var clean = Identifiers.Unique(Identifiers.Camel(name), names.Contains);
                names.Add(clean);
                parameter["x-originalName"] = clean;
            }
        }
    }

    private static void RenameDefinitions(SpecDocument document)
    {
        var definitions = document.Definitions;
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in definitions.Properties().Select(p => p.Name).Where(n => !Identifiers.IsSimple(n)).ToList())
        {
            var newName = Identifiers.Unique(Identifiers.Pascal(name), c => definitions.ContainsKey(c) || renames.ContainsValue(c));
            renames[name] = newName;
        }
        if (renames.Count == 0)
            return;

        var rebuilt = new JObject();
        foreach (var property in definitions.Properties())
            rebuilt[renames.GetValueOrDefault(property.Name, property.Name)] = property.Value;
        document.Root["definitions"] = rebuilt;

        var references = document.Root.Descendants().OfType<JProperty>()
            .Concat(document.Operations.SelectMany(o => o.Operation.Descendants().OfType<JProperty>()))
            .Where(p => p.Name is "$ref" && p.Value.Type == JTokenType.String);
        foreach (var reference in references.ToList())
        {
            var target = (string)reference.Value!;
            if (target.StartsWith(DefinitionPrefix, StringComparison.Ordinal) && renames.TryGetValue(target[DefinitionPrefix.Length..], out var newName))
                reference.Value = DefinitionPrefix + newName;
        }
    }
}
