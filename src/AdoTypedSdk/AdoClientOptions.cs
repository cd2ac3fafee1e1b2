namespace AdoTypedSdk;

/// <summary>Options for an <see cref="AdoConnection"/>.</summary>
public partial class AdoClientOptions
{
    /// <summary>
    /// Base addresses that replace the derived ones, by area name (<see cref="AdoArea.Name"/>, e.g. <c>Release</c>), for proxies,
    /// test servers, or deployments where an area lives elsewhere.
    /// </summary>
    public IDictionary<string, Uri> BaseAddressOverrides { get; } = new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase);
}
