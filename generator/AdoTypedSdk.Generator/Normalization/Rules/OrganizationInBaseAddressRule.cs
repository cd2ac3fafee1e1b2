using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// The organization (or, in an on-premises profile, the collection) is part of the client's base address, not of any method's signature:
/// a leading <c>/{organization}</c> or <c>/{collection}</c> segment becomes the marker <c>~</c> ("relative to the organization"), and the
/// parameter goes. Routes without it (<c>/_apis/accounts</c>) stay relative to the host. The on-premises documents give their host as a
/// whole collection URL (<c>https://fabrikam-fiber-inc:8080/DefaultCollection</c>), which is no OpenAPI host: it becomes its host and port.
/// </summary>
public sealed class OrganizationInBaseAddressRule : ISpecRule
{
    private static readonly string[] Segments = ["/{organization}", "/{collection}"];

    public void Apply(SpecDocument document)
    {
        foreach (var operation in document.Operations)
        {
            if (Segments.FirstOrDefault(s => operation.Route.StartsWith(s + "/", StringComparison.OrdinalIgnoreCase) || operation.Route.Equals(s, StringComparison.OrdinalIgnoreCase)) is { } segment)
                operation.Route = "/" + SpecDocument.OrganizationMarker + operation.Route[segment.Length..];
            // Inline, or a reference to the document's shared parameter.
            foreach (var parameter in operation.Parameters.OfType<JObject>().Where(p => document.Resolve(p) is { } resolved && (string?)resolved["in"] == "path"
                         && (string?)resolved["name"] is "organization" or "collection").ToList())
                parameter.Remove();
        }
        if ((string?)document.Root["host"] is { } host && Uri.TryCreate(host, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            document.Root["host"] = url.Authority;
    }
}
