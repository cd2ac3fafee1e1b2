using System.Globalization;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Tests.RoundTrip;

/// <summary>
/// Values made up from a repaired document's schemas, for calling every operation: every property filled, recursively to a bounded
/// depth; enums, flags, formats (<c>date-time</c>, <c>uuid</c>, <c>int64</c>, <c>byte</c>, <c>double</c>), arrays, maps and any-JSON each in
/// their own form. The same seed gives the same values, so a failure reproduces.
/// </summary>
internal sealed class SchemaSamples(JObject document, int seed)
{
    private const int MaxDepth = 3;
    private readonly Random _random = new(seed);

    public JToken For(JToken? schema, int depth = 0)
    {
        if (schema is not JObject node)
            return AnyJson();
        // A parameter's named enum is kept beside its plain type by the generator's NamedEnum rule.
        if (node["x-schema"] is JObject named)
            node = named;
        if (Resolve(node) is not { } resolved)
            return AnyJson();
        if (resolved["enum"] is JArray { Count: > 0 } members)
            return members[_random.Next(members.Count)].DeepClone();
        var type = (string?)resolved["type"];
        var properties = Properties(resolved);
        if (type is null && properties.Count == 0 && resolved["additionalProperties"] is null && resolved["items"] is null)
            return AnyJson();
        return type switch
        {
            "string" => Text((string?)resolved["format"]),
            "integer" => (string?)resolved["format"] == "int64" ? new JValue(5_000_000_000L + _random.Next(1000)) : new JValue(_random.Next(1, 1000)),
            "number" => new JValue(_random.Next(1, 1000) + 0.5),
            "boolean" => new JValue(true),
            "file" => new JValue("file content " + _random.Next(1000)),
            "array" => depth >= MaxDepth ? new JArray() : new JArray(For(resolved["items"], depth + 1), For(resolved["items"], depth + 1)),
            _ => Model(resolved, properties, depth),
        };
    }

    private JToken Model(JObject schema, List<JProperty> properties, int depth)
    {
        var model = new JObject();
        if (depth >= MaxDepth)
            return model;
        foreach (var property in properties)
            if ((bool?)property.Value["readOnly"] != true)
                model[property.Name] = For(property.Value, depth + 1);
        if (schema["additionalProperties"] is JObject { HasValues: true } values)
            model["key" + _random.Next(100)] = For(values, depth + 1);
        return model;
    }

    private JValue Text(string? format) => format switch
    {
        "date-time" or "date" => new JValue(new DateTimeOffset(2024, 1 + _random.Next(12), 1 + _random.Next(28), 10, 20, 30, TimeSpan.Zero).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
        "uuid" => new JValue(new Guid(_random.Next(), 1, 2, [1, 2, 3, 4, 5, 6, 7, (byte)_random.Next(256)]).ToString()),
        "byte" => new JValue(Convert.ToBase64String([(byte)_random.Next(256), 2, 3])),
        _ => new JValue("value" + _random.Next(1000)),
    };

    /// <summary>Any JSON: an object holding an array and a scalar, so a reader that can take only one kind shows.</summary>
    private JToken AnyJson() => new JObject { ["any"] = new JArray(_random.Next(100), "text") };

    private JObject? Resolve(JObject schema) => Resolve(document, schema);

    private static JObject? Resolve(JObject document, JObject schema) =>
        (string?)schema["$ref"] is { } reference ? document.SelectToken("definitions['" + reference["#/definitions/".Length..] + "']") as JObject : schema;

    /// <summary>The property names of a schema, its <c>allOf</c> bases' included.</summary>
    public static IEnumerable<string> PropertyNames(JObject document, JToken? schema) =>
        schema is JObject node && Resolve(document, node) is { } resolved ? Properties(document, resolved).Select(p => p.Name) : [];

    private List<JProperty> Properties(JObject schema) => Properties(document, schema);

    private static List<JProperty> Properties(JObject document, JObject schema)
    {
        var own = (schema["properties"] as JObject)?.Properties().ToList() ?? [];
        foreach (var part in (schema["allOf"] as JArray)?.OfType<JObject>() ?? [])
            if (Resolve(document, part) is { } resolved)
                own.AddRange(Properties(document, resolved));
        return own.GroupBy(p => p.Name).Select(g => g.First()).ToList();
    }
}
