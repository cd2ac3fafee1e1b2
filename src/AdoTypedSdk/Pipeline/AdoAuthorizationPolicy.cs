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
    // The ADO hosts of the areas loaded so far; rebuilt when another generated assembly registers areas.
    private KnownHosts _knownHosts = new(-1, new HashSet<string>());

    private sealed record KnownHosts(int Generation, IReadOnlySet<string> Authorities);

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
        var uri = message.Request.Uri.ToUri();
        if (!IsAdo(uri))
            return ProcessNextAsync(message, pipeline);
        if (uri.Scheme != Uri.UriSchemeHttps)
            throw new AdoAuthenticationException($"Refusing to send Azure DevOps credentials over plain http to {uri.GetLeftPart(UriPartial.Authority)}; use https.");
        return _authorize(message, pipeline);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    /// <summary>ADO hosts are matched by host and port, whatever the scheme, so that an http URL to one is refused rather than sent bare.</summary>
    private bool IsAdo(Uri uri)
    {
        var authorities = Authorities();
        return authorities.Contains(AdoEndpoints.Authority(uri))
            || authorities.Contains(AdoEndpoints.Authority(new UriBuilder(uri) { Scheme = Uri.UriSchemeHttps, Port = uri.IsDefaultPort ? -1 : uri.Port }.Uri));
    }

    private IReadOnlySet<string> Authorities()
    {
        var known = _knownHosts;
        var generation = AdoCatalog.Generation;
        if (known.Generation != generation)
            _knownHosts = known = new KnownHosts(generation, _endpoints.Authorities(AdoCatalog.Areas));
        return known.Authorities;
    }
}
