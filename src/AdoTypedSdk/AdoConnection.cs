using System.Collections.Concurrent;
using System.Net;
using AdoTypedSdk.Pipeline;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging;

namespace AdoTypedSdk;

/// <summary>
/// One Azure DevOps organization: its URL, how requests reach it, and the clients of every area. Create one per organization and keep it;
/// getting a client from it is cheap, and every client shares its Azure.Core pipeline (token cache, retries, logging).
/// </summary>
/// <example>
/// <code>
/// var ado = new AdoConnection(new Uri("https://dev.azure.com/contoso"), new ManagedIdentityCredential());
/// var item = await ado.GetClient&lt;WorkItemsClient&gt;().GetWorkItemAsync(157, project: "Fabrikam");
/// </code>
/// </example>
public sealed partial class AdoConnection
{
    private readonly ConcurrentDictionary<Type, AdoClientBase> _clients = new();

    /// <summary>
    /// Connects with Microsoft Entra tokens from <paramref name="credential"/> (a managed identity in production, any
    /// <see cref="TokenCredential"/> elsewhere), requested for the Azure DevOps scope and cached by Azure.Core.
    /// </summary>
    /// <param name="organizationUrl"><c>https://dev.azure.com/{organization}</c>, <c>https://{organization}.visualstudio.com</c>, or an on-premises collection URL.</param>
    /// <param name="credential">Where tokens come from, e.g. <c>new ManagedIdentityCredential()</c> or <c>new DefaultAzureCredential()</c>.</param>
    /// <param name="options">Retry, logging, transport and address options.</param>
    /// <exception cref="ArgumentException">The clients were generated for an on-premises profile: a server accepts no Entra token.</exception>
    public AdoConnection(Uri organizationUrl, TokenCredential credential, AdoClientOptions? options = null)
        : this(organizationUrl, options, (endpoints, scope) => AdoAuthorizationPolicy.Bearer(RefuseOnPremises(credential ?? throw new ArgumentNullException(nameof(credential))), scope, endpoints))
    {
    }

    /// <summary>
    /// Connects with a personal access token, sent as HTTP Basic: the way into an Azure DevOps Server, and for teams moving off PATs in the
    /// cloud (prefer a <see cref="TokenCredential"/> there). The token is sent only to the organization's ADO hosts, only over HTTPS (or plain
    /// http to a collection that <see cref="AdoClientOptions.AllowHttpForOnPremisesCollection"/> allows); <c>AzureKeyCredential.Update</c>
    /// rotates it.
    /// </summary>
    public AdoConnection(Uri organizationUrl, AzureKeyCredential personalAccessToken, AdoClientOptions? options = null)
        : this(organizationUrl, options, (endpoints, _) => AdoAuthorizationPolicy.PersonalAccessToken(personalAccessToken ?? throw new ArgumentNullException(nameof(personalAccessToken)), endpoints))
    {
    }

    /// <summary>
    /// Connects through an <see cref="System.Net.Http.HttpClient"/> whose <see cref="HttpClient.BaseAddress"/> is the organization URL.
    /// The caller configures authentication and retries on it (its handlers); the connection adds ADO's request headers, rate-limit
    /// reports, the detection of a rejected identity, and traces. The connection does not dispose it.
    /// </summary>
    public AdoConnection(HttpClient httpClient, AdoClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        var organizationUrl = httpClient.BaseAddress
            ?? throw new ArgumentException("The HttpClient needs its BaseAddress set to the organization URL, like https://dev.azure.com/contoso.", nameof(httpClient));
        (Options, Endpoints) = Configure(organizationUrl, options);
        Pipeline = new HttpPipeline(new HttpClientTransport(httpClient), [.. PerCallPolicies(), .. PerRetryPolicies()], new ResponseClassifier());
        SendsClientRequestIds = false;
    }

    /// <summary>
    /// Connects to an Azure DevOps Server collection with Windows integrated authentication (Negotiate or NTLM): the process's own identity,
    /// or <paramref name="credential"/>. The credential is offered only to the collection's host.
    /// </summary>
    /// <param name="collectionUrl">The collection, e.g. <c>https://tfs.contoso.local/tfs/DefaultCollection</c>.</param>
    /// <param name="credential">A Windows account's name, password and domain; null for the process's identity.</param>
    /// <param name="options">Retry, logging and address options; the transport is the connection's, which carries the credential.</param>
    public static AdoConnection WithWindowsAuthentication(Uri collectionUrl, NetworkCredential? credential = null, AdoClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(collectionUrl);
        options ??= new AdoClientOptions();
        if (!ReferenceEquals(options.Transport, HttpClientTransport.Shared))
            throw new ArgumentException("Windows authentication brings its own transport, which holds the credential; leave AdoClientOptions.Transport unset.", nameof(options));
        if (new AdoEndpoints(collectionUrl).Kind != AdoDeployment.OnPremises)
            throw new ArgumentException($"'{collectionUrl}' is Azure DevOps Services, which has no Windows authentication: connect with a TokenCredential.", nameof(collectionUrl));
        options.Transport = new HttpClientTransport(new SocketsHttpHandler
        {
            Credentials = WindowsCredentials(collectionUrl, credential ?? CredentialCache.DefaultNetworkCredentials),
            PreAuthenticate = true,
            AllowAutoRedirect = false,
            UseCookies = false,
        });
        return new AdoConnection(collectionUrl, options, authorization: null);
    }

    /// <summary>A credential cache answers only for the collection's scheme, host and port, so no other host is offered the account.</summary>
    internal static CredentialCache WindowsCredentials(Uri collectionUrl, NetworkCredential account)
    {
        var collection = new Uri(collectionUrl.GetLeftPart(UriPartial.Authority));
        return new CredentialCache { { collection, "Negotiate", account }, { collection, "NTLM", account } };
    }

    private AdoConnection(Uri organizationUrl, AdoClientOptions? options, Func<AdoEndpoints, string, HttpPipelinePolicy>? authorization)
    {
        ArgumentNullException.ThrowIfNull(organizationUrl);
        (Options, Endpoints) = Configure(organizationUrl, options);
        Endpoints.PlainHttpAllowed = organizationUrl.Scheme == Uri.UriSchemeHttp && Secure(organizationUrl);
        if (!Secure(organizationUrl))
            throw new ArgumentException(
                $"The organization URL '{organizationUrl}' is not https: credentials are only sent over HTTPS. Use https://" +
                (Endpoints.Kind == AdoDeployment.OnPremises && !AdoEndpoints.IsCloudHost(organizationUrl) ? $", or allow plain http to this collection with {nameof(AdoClientOptions)}.{nameof(AdoClientOptions.AllowHttpForOnPremisesCollection)}." : "."),
                nameof(organizationUrl));
        // Derived addresses keep the organization URL's scheme; only an override can bring another.
        if (Options.BaseAddressOverrides.FirstOrDefault(o => !o.Value.IsAbsoluteUri || !Secure(o.Value)) is { Key: { } area, Value: { } address })
            throw new ArgumentException($"Credentials are only sent over HTTPS, but the base address override of '{area}' ('{address}') is not an absolute https URL. Use https://.", nameof(options));
        // Azure.Core's retry, but never twice a write the service may have acted on; a policy the caller set is kept.
        Options.RetryPolicy ??= AdoRetryPolicy.From(Options);
        HttpPipelinePolicy[] perRetry = authorization is null ? PerRetryPolicies() : [.. PerRetryPolicies(), authorization(Endpoints, Options.Scope)];
        Pipeline = HttpPipelineBuilder.Build(Options, perCallPolicies: PerCallPolicies(), perRetryPolicies: perRetry, responseClassifier: new ResponseClassifier());
    }

    /// <summary>https, or plain http to an on-premises collection the options allow it for (never to Azure DevOps Services).</summary>
    private bool Secure(Uri url) =>
        url.Scheme == Uri.UriSchemeHttps
        || url.Scheme == Uri.UriSchemeHttp && Options.AllowHttpForOnPremisesCollection && Endpoints.Kind == AdoDeployment.OnPremises && !AdoEndpoints.IsCloudHost(url);

    private static TokenCredential RefuseOnPremises(TokenCredential credential) =>
        AdoServerProfiles.Named(AdoCatalog.ApiVersion) is { } profile
            ? throw new ArgumentException(
                $"The clients were generated for {profile.Name} ({profile.Product}), an on-premises server, which accepts no Microsoft Entra token. " +
                "Connect with a personal access token (new AdoConnection(collectionUrl, new AzureKeyCredential(pat))) or with Windows authentication " +
                "(AdoConnection.WithWindowsAuthentication(collectionUrl)).", "credential")
            : credential;

    /// <summary>
    /// Once per call, around the retries: traces and metrics, ADO's request headers, the check for a rejected identity on the last answer,
    /// and, for clients of an on-premises profile, the check that the server accepts their version.
    /// </summary>
    private HttpPipelinePolicy[] PerCallPolicies()
    {
        HttpPipelinePolicy[] policies = [new AdoDiagnosticsPolicy(Options.Diagnostics.IsDistributedTracingEnabled), new AdoRequestHeadersPolicy(), new AdoRejectedIdentityPolicy()];
        return AdoCatalog.ApiVersion is { } generated && AdoServerProfiles.Named(generated) is not null && Options.CheckServerVersion && Endpoints.Kind == AdoDeployment.OnPremises
            ? [.. policies, new AdoServerVersionPolicy(Endpoints.OrganizationUrl, generated, () => Pipeline)]
            : policies;
    }

    /// <summary>For every attempt: its turn from the rate-limit governor, counting it, and reporting its rate-limit headers.</summary>
    private HttpPipelinePolicy[] PerRetryPolicies() =>
    [
        new AdoRateLimitGovernor(Options.Throttling, Options.TimeProvider, Options.LoggerFactory?.CreateLogger("AdoTypedSdk.RateLimits"), Endpoints.OrganizationUrl.AbsoluteUri),
        AdoDiagnosticsPolicy.AttemptCounter,
        new AdoRateLimitPolicy(Report),
    ];

    private static (AdoClientOptions, AdoEndpoints) Configure(Uri organizationUrl, AdoClientOptions? options)
    {
        options ??= new AdoClientOptions();
        // A misspelt area would silently leave the real one at its derived address; the areas are known once generated code is loaded.
        if (AdoCatalog.Areas.Count > 0
            && options.BaseAddressOverrides.Keys.FirstOrDefault(key => !AdoCatalog.Areas.Any(a => a.Name.Equals(key, StringComparison.OrdinalIgnoreCase))) is { } unknown)
            throw new ArgumentException(
                $"{nameof(AdoClientOptions.BaseAddressOverrides)}:{unknown} names no area of the generated clients. Areas: {string.Join(", ", AdoCatalog.Areas.Select(a => a.Name).Order(StringComparer.Ordinal))}.",
                nameof(options));
        return (options, new AdoEndpoints(organizationUrl, new Dictionary<string, Uri>(options.BaseAddressOverrides, StringComparer.OrdinalIgnoreCase)));
    }

    /// <summary>The organization URL this connection talks to.</summary>
    public Uri OrganizationUrl => Endpoints.OrganizationUrl;

    /// <summary>The base addresses of every area, derived from <see cref="OrganizationUrl"/>.</summary>
    public AdoEndpoints Endpoints { get; }

    /// <summary>
    /// The Azure.Core pipeline every client of this connection sends through. With a caller's <see cref="System.Net.Http.HttpClient"/> it
    /// has no authentication and no retry policy: those are the client's.
    /// </summary>
    public HttpPipeline Pipeline { get; }

    /// <summary>
    /// The ADO REST API version the loaded clients were generated for, e.g. <c>7.1</c> (null before generated code is loaded); each
    /// operation sends its own pinned version.
    /// </summary>
    public static string? ApiVersion => AdoCatalog.ApiVersion;

    /// <summary>Every generated area loaded in this process.</summary>
    public static IReadOnlyList<AdoArea> Areas => AdoCatalog.Areas;

    /// <summary>Whether the pipeline has Azure.Core's policy that sends each request's <c>x-ms-client-request-id</c>.</summary>
    internal bool SendsClientRequestIds { get; } = true;

    /// <summary>The options the connection was created with.</summary>
    public AdoClientOptions Options { get; }

    /// <summary>Returns the connection's client of type <typeparamref name="TClient"/>, creating it the first time.</summary>
    public TClient GetClient<TClient>() where TClient : AdoClientBase => (TClient)GetClient(typeof(TClient));

    /// <summary>Returns the connection's client of type <paramref name="clientType"/>, a generated client, creating it the first time.</summary>
    public AdoClientBase GetClient(Type clientType)
    {
        ArgumentNullException.ThrowIfNull(clientType);
        if (!clientType.IsSubclassOf(typeof(AdoClientBase)) || clientType.IsAbstract)
            throw new ArgumentException($"{clientType.FullName} is not a generated ADO client.", nameof(clientType));
        return _clients.GetOrAdd(clientType, static (type, connection) => (AdoClientBase)Activator.CreateInstance(type, connection)!, this);
    }
}
