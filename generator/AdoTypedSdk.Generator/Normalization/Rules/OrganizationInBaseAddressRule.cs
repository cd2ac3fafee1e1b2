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
            foreach (var parameter in operation.ParametersIn("path").Where(p => (string?)p["name"] == "organization").ToList())
                parameter.Remove();
        }
    }
}
