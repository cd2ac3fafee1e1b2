using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization;

/// <summary>
/// An upstream ADO OpenAPI (Swagger 2.0) document opened for repair: its operations from both <c>paths</c> and
/// <c>x-ms-paths</c> as a flat list, and the rest of the document as JSON.
/// </summary>
public sealed class SpecDocument
{
    public const string OrganizationMarker = AdoTypedSdk.Routing.RouteTemplate.OrganizationMarker;
    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "options", "head", "patch"];

    public SpecDocument(JObject root, string sourcePath, string apiVersion)
    {
        Root = root;
        SourcePath = sourcePath;
        ApiVersion = apiVersion;
        foreach (var section in new[] { "paths", "x-ms-paths" })
        {
            if (root[section] is not JObject paths)
                continue;
            foreach (var (route, item) in paths)
            {
                if (item is not JObject pathItem)
                    continue;
                var shared = pathItem["parameters"] as JArray;
                foreach (var method in HttpMethods)
                {
                    if (pathItem[method] is not JObject operation)
                        continue;
                    if (shared is not null)
                        operation["parameters"] = new JArray(shared.Concat(operation["parameters"] as JArray ?? []).Select(p => p.DeepClone()));
                    Operations.Add(new SpecOperation(route, method, operation));
                }
            }
            root.Remove(section);
        }
    }

    public JObject Root { get; }

    /// <summary>Path of the upstream document, used in error messages.</summary>
    public string SourcePath { get; }

    public string ApiVersion { get; }

    public List<SpecOperation> Operations { get; } = [];

    private readonly Dictionary<string, HashSet<string>> _methodNames = new(StringComparer.Ordinal);

    /// <summary>
    /// The method names a client (a tag) has: its operations' names, once they are final, and the names rules add beside them (walks,
    /// downloads), which add theirs here so that no two rules give a client one name twice.
    /// </summary>
    public ISet<string> MethodNamesOf(string? tag)
    {
        if (!_methodNames.TryGetValue(tag ?? "", out var names))
            _methodNames[tag ?? ""] = names = Operations.Where(o => o.Tag == tag).Select(o => (string?)o.Operation["operationId"]).OfType<string>()
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return names;
    }

    /// <summary>The recorded examples beside the document, which some rules read as evidence of what ADO does.</summary>
    public RecordedExamples Examples => _examples ??= new RecordedExamples(Path.GetDirectoryName(Path.GetFullPath(SourcePath))!);

    private RecordedExamples? _examples;

    public JObject Definitions => Root["definitions"] as JObject ?? (JObject)(Root["definitions"] = new JObject());

    public static SpecDocument Load(string path, string apiVersion)
    {
        using var reader = new JsonTextReader(new StreamReader(path, detectEncodingFromByteOrderMarks: true)) { DateParseHandling = DateParseHandling.None };
        try
        {
            return new SpecDocument(JObject.Load(reader), path, apiVersion);
        }
        catch (JsonException e)
        {
            throw new Pinning.SpecException($"{path}: not a valid JSON document: {e.Message}");
        }
    }

    /// <summary>Resolves a local <c>$ref</c> (<c>#/parameters/x</c>, <c>#/definitions/x</c>); other tokens are returned as they are.</summary>
    public JObject? Resolve(JToken? token)
    {
        if (token is not JObject obj)
            return null;
        if ((string?)obj["$ref"] is not { } reference || !reference.StartsWith("#/", StringComparison.Ordinal))
            return obj;
        JToken? target = Root;
        foreach (var part in reference[2..].Split('/'))
            target = target?[part.Replace("~1", "/").Replace("~0", "~")];
        return target as JObject;
    }

    /// <summary>
    /// Every <c>$ref</c> to a definition, in the operations (held apart from the root while the rules run) and in the rest of the
    /// document, as the property that holds it.
    /// </summary>
    public List<JProperty> DefinitionReferences() =>
        Operations.Select(o => (JContainer)o.Operation).Append(Root)
            .SelectMany(t => t.Descendants()).OfType<JProperty>()
            .Where(p => p.Name == "$ref" && p.Value.Type == JTokenType.String && ((string)p.Value!).StartsWith(DefinitionPrefix, StringComparison.Ordinal))
            .ToList();

    public const string DefinitionPrefix = "#/definitions/";

    /// <summary>Every schema object in the document: definitions, their nested schemas, and operation parameter and response schemas.</summary>
    public IEnumerable<JObject> AllSchemas()
    {
        foreach (var definition in Definitions.Properties().Select(p => p.Value).OfType<JObject>())
            foreach (var schema in SchemaTree(definition))
                yield return schema;
        foreach (var operation in Operations)
        {
            foreach (var parameter in operation.Parameters.OfType<JObject>())
            {
                if (parameter["schema"] is JObject bodySchema)
                    foreach (var schema in SchemaTree(bodySchema))
                        yield return schema;
                else if (parameter["in"] is not null)
                    foreach (var schema in SchemaTree(parameter))
                        yield return schema;
            }
            foreach (var response in (operation.Operation["responses"] as JObject)?.Properties() ?? [])
                if (response.Value["schema"] is JObject responseSchema)
                    foreach (var schema in SchemaTree(responseSchema))
                        yield return schema;
        }
    }

    /// <summary>A model's properties, its own first, then those of its <c>allOf</c> bases.</summary>
    public List<JProperty> AllProperties(JObject model)
    {
        var properties = (model["properties"] as JObject)?.Properties().ToList() ?? [];
        foreach (var part in (model["allOf"] as JArray)?.OfType<JObject>() ?? [])
            if (Resolve(part) is { } resolved)
                properties.AddRange(AllProperties(resolved));
        return properties;
    }

    /// <summary>A schema and every schema nested in it (properties, items, additionalProperties, allOf).</summary>
    public static IEnumerable<JObject> SchemaTree(JObject schema)
    {
        yield return schema;
        var children = new List<JToken?> { schema["items"], schema["additionalProperties"] };
        children.AddRange((schema["properties"] as JObject)?.Properties().Select(p => p.Value) ?? []);
        children.AddRange((schema["allOf"] as JArray) ?? []);
        foreach (var child in children.OfType<JObject>())
            foreach (var nested in SchemaTree(child))
                yield return nested;
    }
}
