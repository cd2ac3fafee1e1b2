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
    private readonly IReadOnlySet<string> _authorities;
    private readonly Func<HttpMessage, ReadOnlyMemory<HttpPipelinePolicy>, ValueTask> _authorize;

    private AdoAuthorizationPolicy(IReadOnlySet<string> authorities, Func<HttpMessage, ReadOnlyMemory<HttpPipelinePolicy>, ValueTask> authorize)
    {
        _authorities = authorities;
        _authorize = authorize;
    }

    /// <summary>Microsoft Entra bearer tokens, cached and refreshed by Azure.Core's <see cref="BearerTokenAuthenticationPolicy"/>.</summary>
    public static AdoAuthorizationPolicy Bearer(TokenCredential credential, string scope, IReadOnlySet<string> authorities)
    {
        var bearer = new BearerTokenAuthenticationPolicy(credential, scope);
        return new(authorities, bearer.ProcessAsync);
    }

    /// <summary>A personal access token, sent as HTTP Basic with an empty user name, as ADO expects.</summary>
    public static AdoAuthorizationPolicy PersonalAccessToken(AzureKeyCredential token, IReadOnlySet<string> authorities) =>
        new(authorities, (message, pipeline) =>
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
    private bool IsAdo(Uri uri) =>
        _authorities.Contains(AdoEndpoints.Authority(uri))
        || _authorities.Contains(AdoEndpoints.Authority(new UriBuilder(uri) { Scheme = Uri.UriSchemeHttps, Port = uri.IsDefaultPort ? -1 : uri.Port }.Uri));
}
