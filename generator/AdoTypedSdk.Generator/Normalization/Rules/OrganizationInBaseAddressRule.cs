using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// The organization is part of the client's base address, not of any method's signature: a leading <c>/{organization}</c>
/// segment becomes the marker <c>~</c> ("relative to the organization"), and the parameter goes.
/// Routes without it (<c>/_apis/accounts</c>) stay relative to the host.
/// </summary>
public sealed class OrganizationInBaseAddressRule : ISpecRule
{
    private const string Segment = "/{organization}";

    public void Apply(SpecDocument document)
    {
        foreach (var operation in document.Operations)
        {
            if (operation.Route.StartsWith(Segment + "/", StringComparison.OrdinalIgnoreCase) || operation.Route.Equals(Segment, StringComparison.OrdinalIgnoreCase))
                operation.Route = "/" + SpecDocument.OrganizationMarker + operation.Route[Segment.Length..];
            // Inline, or a reference to the document's shared parameter.
            foreach (var parameter in operation.Parameters.OfType<JObject>().Where(p => document.Resolve(p) is { } resolved && (string?)resolved["in"] == "path" && (string?)resolved["name"] == "organization").ToList())
                parameter.Remove();
        }
    }
}
