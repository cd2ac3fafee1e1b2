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

    /// <summary>
    /// Whether a recorded URL's path has the shape of <paramref name="route"/> (by default the operation's own): its literals in place
    /// (in any case), a value for each required placeholder; a recording without its collection segment counts.
    /// </summary>
    public bool Follows(Uri recordedUrl, string? route = null)
    {
        var optional = ParametersIn("path").Where(p => p["required"]?.Value<bool>() == false).Select(p => (string?)p["name"]).ToHashSet(StringComparer.Ordinal);
        var segments = recordedUrl.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
        return new AdoTypedSdk.Routing.RouteTemplate(route ?? Route, optional.Contains).MatchRecorded(segments) is not null;
    }

    public string Describe() => $"{Method.ToUpperInvariant()} {Route}";
}
