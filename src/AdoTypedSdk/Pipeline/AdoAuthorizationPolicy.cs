using System.Text;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AdoTypedSdk.Pipeline;

/// <summary>
/// Attaches credentials only where they belong: requests to the organization's ADO hosts, over HTTPS. A request to any other host
/// (a URL taken from a response's <c>_links</c>, a pre-signed download) goes out without them; an ADO host over plain http is refused
/// before anything is sent.
/// </summary>
internal sealed class AdoAuthorizationPolicy : HttpPipelinePolicy
{
    private readonly AdoEndpoints _endpoints;
    private readonly Func<HttpMessage, ReadOnlyMemory<HttpPipelinePolicy>, ValueTask> _authorize;
    // "host:port" of the ADO hosts of the areas loaded so far; rebuilt when another generated assembly registers areas.
    private KnownHosts _knownHosts = new(-1, new HashSet<string>());

    private sealed record KnownHosts(int Generation, IReadOnlySet<string> HostsAndPorts);

    private AdoAuthorizationPolicy(AdoEndpoints endpoints, Func<HttpMessage, ReadOnlyMemory<HttpPipelinePolicy>, ValueTask> authorize)
    {
        _endpoints = endpoints;
        _authorize = authorize;
    }

    /// <summary>Microsoft Entra bearer tokens, cached and refreshed by Azure.Core's <see cref="BearerTokenAuthenticationPolicy"/>.</summary>
    public static AdoAuthorizationPolicy Bearer(TokenCredential credential, string scope, AdoEndpoints endpoints)
    {
        var bearer = new BearerTokenAuthenticationPolicy(credential, scope);
        return new(endpoints, bearer.ProcessAsync);
    }

    /// <summary>A personal access token, sent as HTTP Basic with an empty user name, as ADO expects.</summary>
    public static AdoAuthorizationPolicy PersonalAccessToken(AzureKeyCredential token, AdoEndpoints endpoints) =>
        new(endpoints, (message, pipeline) =>
        {
            message.Request.Headers.SetValue(HttpHeader.Names.Authorization, "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(":" + token.Key)));
            return ProcessNextAsync(message, pipeline);
        });

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var uri = message.Request.Uri;
        if (!IsAdo(uri))
            return ProcessNextAsync(message, pipeline);
        if (!string.Equals(uri.Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase) && !_endpoints.PlainHttpAllowed)
            throw new AdoAuthenticationException($"Refusing to send Azure DevOps credentials over plain http to {uri.ToUri().GetLeftPart(UriPartial.Authority)}; use https.",
                message.TryGetProperty(typeof(AdoOperation), out var operation) ? operation as AdoOperation : null);
        return _authorize(message, pipeline);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// ADO hosts are matched by host and port, whatever the scheme, so that an http URL to one is refused rather than sent bare; read
    /// from the request's URI parts, since every request passes here.
    /// </summary>
    private bool IsAdo(RequestUriBuilder uri)
    {
        var http = string.Equals(uri.Scheme, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase);
        var port = uri.Port is -1 ? (http ? 80 : 443) : uri.Port;
        var known = HostsAndPorts();
        // http on port 80 is the https host's plain twin, refused below unless plain http is allowed.
        return known.Contains(HostAndPort(uri.Host, port)) || http && port == 80 && known.Contains(HostAndPort(uri.Host, 443));
    }

    private static string HostAndPort(string? host, int port) => string.Concat(host, ":", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private IReadOnlySet<string> HostsAndPorts()
    {
        var known = _knownHosts;
        var generation = AdoCatalog.Generation;
        if (known.Generation != generation)
            _knownHosts = known = new KnownHosts(generation, _endpoints.Authorities(AdoCatalog.Areas)
                .Select(authority => new Uri(authority)).Select(uri => HostAndPort(uri.Host, uri.Port)).ToHashSet(StringComparer.OrdinalIgnoreCase));
        return known.HostsAndPorts;
    }
}
