using System.Text.RegularExpressions;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// A route's last segment whose parameter is a path (<c>{query}</c>: "ID or path of the query", <c>{path}</c>: "Path of the classification
/// node") takes the value's slashes as they are: ADO reads <c>queries/Shared Queries/Website team</c>, while an escaped <c>%2F</c> names no query.
/// A parameter is a path when the document describes it so, or, where the document describes nothing (TFS 2018's documents leave these
/// descriptions empty), when a recording of the operation sends several segments in its place.
/// The placeholder gets the marker <c>*</c> (<c>queries/*{query}</c>), which the runtime removes as it turns the value's escaped slashes back into separators.
/// </summary>
public sealed partial class PathValuedParameterRule : ISpecRule
{
    public const string Marker = AdoTypedSdk.Routing.RouteTemplate.PathValueMarker;

    public void Apply(SpecDocument document)
    {
        foreach (var operation in document.Operations)
        {
            var last = LastPlaceholder().Match(operation.Route);
            if (!last.Success)
                continue;
            var parameter = operation.ParametersIn("path").FirstOrDefault(p => (string?)p["name"] == last.Groups[1].Value);
            if (parameter is null || (string?)parameter["type"] != "string")
                continue;
            var marked = operation.Route[..last.Index] + "/" + Marker + operation.Route[(last.Index + 1)..];
            var description = (string?)parameter["description"] ?? "";
            if (PathWord().IsMatch(description)
                || description.Trim().Length == 0 && document.Examples.Of(operation).Any(e => e.RequestUrl is { } url && !operation.Follows(url) && operation.Follows(url, marked)))
                operation.Route = marked;
        }
    }

    [GeneratedRegex(@"/\{([^{}/]+)\}$")]
    private static partial Regex LastPlaceholder();

    [GeneratedRegex(@"\bpath\b", RegexOptions.IgnoreCase)]
    private static partial Regex PathWord();
}
