using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization;

/// <summary>One operation of a document while it is being repaired: its route, HTTP method and OpenAPI operation object.</summary>
public sealed class SpecOperation(string route, string method, JObject operation)
{
    /// <summary>The path template, without a query part once the rules have run.</summary>
    public string Route { get; set; } = route;

    public string Method { get; } = method;

    public JObject Operation { get; } = operation;

    /// <summary>Query pairs sent with every call of this operation (the pinned <c>api-version</c>, fixed route queries).</summary>
    public SortedDictionary<string, string> FixedQuery { get; } = new(StringComparer.Ordinal);

    public JArray Parameters => Operation["parameters"] as JArray ?? (JArray)(Operation["parameters"] = new JArray());

    public IEnumerable<JObject> ParametersIn(string location) =>
        Parameters.OfType<JObject>().Where(p => (string?)p["in"] == location);

    public JObject? BodyParameter => ParametersIn("body").FirstOrDefault();

    public IEnumerable<string> Consumes => (Operation["consumes"] as JArray)?.Values<string>().OfType<string>() ?? [];

    public IEnumerable<string> Produces => (Operation["produces"] as JArray)?.Values<string>().OfType<string>() ?? [];

    public string? Tag => (Operation["tags"] as JArray)?.FirstOrDefault()?.Value<string>();

    public string Describe() => $"{Method.ToUpperInvariant()} {Route}";
}
