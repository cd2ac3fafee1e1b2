namespace AdoTypedSdk;

/// <summary>
/// Derives each area's base addresses from the organization URL: <c>https://dev.azure.com/{org}</c> sends Release to
/// <c>https://vsrm.dev.azure.com/{org}/</c>, a legacy <c>https://{org}.visualstudio.com</c> to <c>https://{org}.vsrm.visualstudio.com/</c>,
/// and an on-premises collection URL sends every area to the collection.
/// </summary>
public sealed class AdoEndpoints
{
    private const string CloudHost = "dev.azure.com";
    private const string LegacySuffix = ".visualstudio.com";
    private readonly IReadOnlyDictionary<string, Uri> _overrides;
    // Every request asks for its area's base address; each is worked out once.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<AdoArea, Uri> _organizationBases = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<AdoArea, Uri> _hostBases = new();

    /// <param name="organizationUrl">The organization (or on-premises collection) URL.</param>
    /// <param name="overrides">Base addresses by area name (<see cref="AdoArea.Name"/>) that replace the derived ones.</param>
    public AdoEndpoints(Uri organizationUrl, IReadOnlyDictionary<string, Uri>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(organizationUrl);
        if (!organizationUrl.IsAbsoluteUri)
            throw new ArgumentException($"The organization URL '{organizationUrl}' must be absolute, like https://dev.azure.com/contoso.", nameof(organizationUrl));
        OrganizationUrl = organizationUrl;
        _overrides = overrides ?? new Dictionary<string, Uri>();
        var host = organizationUrl.Host.ToLowerInvariant();
        var segments = organizationUrl.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (host == CloudHost)
        {
            if (segments.Length != 1)
                throw new ArgumentException($"The organization URL '{organizationUrl}' must name one organization: https://dev.azure.com/{{organization}}.", nameof(organizationUrl));
            Kind = AdoDeployment.Cloud;
            Organization = segments[0];
        }
        else if (host.EndsWith(LegacySuffix, StringComparison.Ordinal) && host.Count(c => c == '.') == 2 && segments.Length == 0)
        {
            Kind = AdoDeployment.LegacyCloud;
            Organization = host[..^LegacySuffix.Length];
        }
        else
        {
            Kind = AdoDeployment.OnPremises;
            Organization = segments.LastOrDefault() ?? host;
        }
    }

    /// <summary>Whether <paramref name="url"/> is Azure DevOps Services (<c>*.azure.com</c>, <c>*.visualstudio.com</c>), which plain http never reaches.</summary>
    internal static bool IsCloudHost(Uri url) =>
        url.Host.Equals("azure.com", StringComparison.OrdinalIgnoreCase) || url.Host.EndsWith(".azure.com", StringComparison.OrdinalIgnoreCase)
        || url.Host.Equals("visualstudio.com", StringComparison.OrdinalIgnoreCase) || url.Host.EndsWith(LegacySuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Credentials may go to the collection over plain http (<see cref="AdoClientOptions.AllowHttpForOnPremisesCollection"/>).</summary>
    internal bool PlainHttpAllowed { get; set; }

    /// <summary>The organization URL everything is derived from.</summary>
    public Uri OrganizationUrl { get; }

    /// <summary>The organization's name (for on-premises servers, the collection's).</summary>
    public string Organization { get; }

    /// <summary>Cloud, legacy cloud or on-premises, as told by the URL.</summary>
    public AdoDeployment Kind { get; }

    /// <summary>Base address for the area's routes that start at the organization (<c>/{organization}/...</c>), ending with '/'.</summary>
    public Uri OrganizationBase(AdoArea area) =>
        _organizationBases.TryGetValue(area, out var known) ? known : _organizationBases[area] = OrganizationBaseOf(area);

    private Uri OrganizationBaseOf(AdoArea area)
    {
        if (_overrides.TryGetValue(area.Name, out var overridden))
            return WithTrailingSlash(overridden);
        return Kind switch
        {
            AdoDeployment.Cloud => Https(CloudAreaHost(area.Host), Organization + "/"),
            AdoDeployment.LegacyCloud => Https(LegacyAreaHost(area.Host), ""),
            _ => WithTrailingSlash(OrganizationUrl),
        };
    }

    /// <summary>Base address for the area's routes that start at the host (<c>/_apis/accounts</c>), ending with '/'.</summary>
    public Uri HostBase(AdoArea area) =>
        _hostBases.TryGetValue(area, out var known) ? known : _hostBases[area] = HostBaseOf(area);

    private Uri HostBaseOf(AdoArea area)
    {
        if (_overrides.TryGetValue(area.Name, out var overridden))
            return WithTrailingSlash(overridden);
        return Kind == AdoDeployment.OnPremises ? WithTrailingSlash(OrganizationUrl) : Https(CloudAreaHost(area.Host), "");
    }

    /// <summary>
    /// Every scheme, host and port (<c>https://vsrm.dev.azure.com</c>) the areas' base addresses use: the only places that ever receive
    /// this connection's credentials.
    /// </summary>
    public IReadOnlySet<string> Authorities(IEnumerable<AdoArea> areas) =>
        areas.SelectMany(a => new[] { OrganizationBase(a), HostBase(a) })
            .Select(Authority)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    internal static string Authority(Uri uri) => uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();

    private static string CloudAreaHost(string documentHost) =>
        // notification's document says "{service}dev.azure.com": ADO serves it from the main host.
        documentHost.Replace("{service}", "", StringComparison.Ordinal).ToLowerInvariant();

    private string LegacyAreaHost(string documentHost)
    {
        var host = CloudAreaHost(documentHost);
        if (host == CloudHost)
            return Organization + LegacySuffix;
        if (host.EndsWith("." + CloudHost, StringComparison.Ordinal))
            return Organization + "." + host[..^(CloudHost.Length + 1)] + LegacySuffix;
        return host; // already a global host such as app.vssps.visualstudio.com
    }

    private Uri Https(string host, string path) =>
        new UriBuilder(OrganizationUrl.Scheme, host, OrganizationUrl.IsDefaultPort ? -1 : OrganizationUrl.Port, "/" + path).Uri;

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}

/// <summary>Where the organization lives, as told by its URL.</summary>
public enum AdoDeployment
{
    /// <summary><c>https://dev.azure.com/{organization}</c>.</summary>
    Cloud,

    /// <summary><c>https://{organization}.visualstudio.com</c>.</summary>
    LegacyCloud,

    /// <summary>Azure DevOps Server: <c>https://server/tfs/{collection}</c>; every area is served by the collection.</summary>
    OnPremises,
}
