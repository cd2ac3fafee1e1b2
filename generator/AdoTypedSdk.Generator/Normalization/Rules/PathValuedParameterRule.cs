using System.Text.RegularExpressions;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// A route's last segment whose parameter the document describes as a path (<c>{query}</c>: "ID or path of the query",
/// <c>{path}</c>: "Path of the classification node") takes the value's slashes as they are: ADO reads
/// <c>queries/Shared Queries/Website team</c>, while an escaped <c>%2F</c> names no query. The placeholder gets the marker <c>*</c>
/// (<c>queries/*{query}</c>), which the runtime removes as it turns the value's escaped slashes back into separators.
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
            if (parameter is not null && (string?)parameter["type"] == "string" && PathWord().IsMatch((string?)parameter["description"] ?? ""))
                operation.Route = operation.Route[..last.Index] + "/" + Marker + operation.Route[(last.Index + 1)..];
        }
    }

    [GeneratedRegex(@"/\{([^{}/]+)\}$")]
    private static partial Regex LastPlaceholder();

    [GeneratedRegex(@"\bpath\b", RegexOptions.IgnoreCase)]
    private static partial Regex PathWord();
}
