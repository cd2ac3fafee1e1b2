namespace AdoTypedSdk;

/// <summary>One generated ADO REST area: the namespace of its clients, the document it came from, and the host ADO serves it on.</summary>
/// <param name="Namespace">Namespace of the area's clients and models, e.g. <c>AdoTypedSdk.Release</c>.</param>
/// <param name="DocumentPath">The upstream document, e.g. <c>specification/release/7.1/release.json</c>.</param>
/// <param name="Host">The document's host, e.g. <c>vsrm.dev.azure.com</c>.</param>
public sealed record AdoArea(string Namespace, string DocumentPath, string Host)
{
    /// <summary>The area's short name, used to override its base address: <c>Release</c>, <c>WorkItemTracking</c>.</summary>
    public string Name { get; } = Namespace[(Namespace.LastIndexOf('.') + 1)..];
}
