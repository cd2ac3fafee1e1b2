using System.Collections.Concurrent;

namespace AdoTypedSdk;

/// <summary>
/// One Azure DevOps organization: its URL, how requests reach it, and the clients of every area. Create one per organization and keep it;
/// getting a client from it is cheap and every client shares its HTTP pipeline.
/// </summary>
public sealed partial class AdoConnection : IDisposable
{
    private readonly ConcurrentDictionary<Type, AdoClientBase> _clients = new();
    private readonly bool _ownsHttpClient;

    /// <summary>
    /// Connects through an <see cref="System.Net.Http.HttpClient"/> whose <see cref="HttpClient.BaseAddress"/> is the organization URL.
    /// The caller configures authentication on it; the connection does not dispose it.
    /// </summary>
    public AdoConnection(HttpClient httpClient, AdoClientOptions? options = null)
        : this(httpClient?.BaseAddress ?? throw new ArgumentException("The HttpClient needs its BaseAddress set to the organization URL, like https://dev.azure.com/contoso.", nameof(httpClient)),
               httpClient, ownsHttpClient: false, options)
    {
    }

    private AdoConnection(Uri organizationUrl, HttpClient httpClient, bool ownsHttpClient, AdoClientOptions? options)
    {
        Options = options ?? new AdoClientOptions();
        Endpoints = new AdoEndpoints(organizationUrl, new Dictionary<string, Uri>(Options.BaseAddressOverrides, StringComparer.OrdinalIgnoreCase));
        HttpClient = httpClient;
        _ownsHttpClient = ownsHttpClient;
    }

    /// <summary>The organization URL this connection talks to.</summary>
    public Uri OrganizationUrl => Endpoints.OrganizationUrl;

    /// <summary>The base addresses of every area, derived from <see cref="OrganizationUrl"/>.</summary>
    public AdoEndpoints Endpoints { get; }

    /// <summary>The ADO REST API version the clients were generated for, e.g. <c>7.1</c>; each operation sends its own pinned version.</summary>
    public static string ApiVersion => AdoCatalog.ApiVersion;

    /// <summary>Every generated area.</summary>
    public static IReadOnlyList<AdoArea> Areas => AdoCatalog.Areas;

    /// <summary>The options the connection was created with.</summary>
    public AdoClientOptions Options { get; }

    internal HttpClient HttpClient { get; }

    /// <summary>Returns the connection's client of type <typeparamref name="TClient"/>, creating it the first time.</summary>
    public TClient GetClient<TClient>() where TClient : AdoClientBase =>
        (TClient)_clients.GetOrAdd(typeof(TClient), static (type, connection) => (AdoClientBase)Activator.CreateInstance(type, connection)!, this);

    /// <summary>Releases the HTTP pipeline the connection created (not an HttpClient the caller passed in).</summary>
    public void Dispose()
    {
        if (_ownsHttpClient)
            HttpClient.Dispose();
    }
}
