using Azure.Core;
using WireMock.Server;
using WireMock.Settings;

namespace AdoTypedSdk.Testing;

/// <summary>
/// A stand-in Azure DevOps organization or Azure DevOps Server collection: a WireMock.Net server over HTTPS on loopback, reachable as
/// <c>https://127.0.0.1:{port}/{organization}</c> (or a collection path such as <c>tfs/DefaultCollection</c>). Stub it through
/// <see cref="Server"/> and connect with <see cref="Connect"/>; every area is served by this one server, as by a collection. It answers
/// <c>OPTIONS {collection}/_apis/</c>, where clients of an on-premises profile read which versions the server accepts, with
/// <see cref="ServerApiVersion"/>.
/// </summary>
public sealed class EmbeddedAdo : IDisposable
{
    /// <summary>Starts the server on a free loopback port.</summary>
    /// <param name="organization">The organization, or the collection's path (<c>tfs/DefaultCollection</c>).</param>
    /// <param name="serverApiVersion">The newest REST API version the server says it accepts; null for the version of the clients this
    /// app generated (the number of an on-premises profile), so their check passes.</param>
    public EmbeddedAdo(string organization = "fabrikam", string? serverApiVersion = null)
    {
        Server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = ["https://127.0.0.1:0"],
            UseSSL = true,
            CertificateSettings = new WireMockCertificateSettings { X509Certificate = LoopbackCertificate.Instance },
        });
        Organization = organization.Trim('/');
        OrganizationUrl = new Uri(Server.Urls[0] + "/" + Organization);
        ServerApiVersion = serverApiVersion ?? GeneratedApiVersion();
        ServeResourceLocations();
    }

    /// <summary>The newest REST API version this server says it accepts (<c>7.0</c>).</summary>
    public string ServerApiVersion { get; }

    /// <summary>The resource locations of <c>OPTIONS {collection}/_apis/</c>, as a server lists them, all at <see cref="ServerApiVersion"/>.</summary>
    private void ServeResourceLocations() =>
        Server.Given(WireMock.RequestBuilders.Request.Create().UsingMethod("OPTIONS").WithPath("/" + Organization + "/_apis/"))
            .AtPriority(int.MinValue)
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithHeader("Content-Type", "application/json; charset=utf-8").WithBody(ResourceLocations(ServerApiVersion)));

    /// <summary>
    /// What a server answers to <c>OPTIONS {collection}/_apis/</c>, where a connection of an on-premises profile reads the versions it
    /// accepts: its resource locations, all at <paramref name="serverApiVersion"/>.
    /// </summary>
    internal static string ResourceLocations(string serverApiVersion) => $$"""
        { "count": 1, "value": [ { "id": "e81700f7-3be2-46de-8624-2eb35882fcaa", "area": "Location", "resourceName": "ResourceAreas",
          "routeTemplate": "_apis/{resource}/{areaId}", "resourceVersion": 1, "minVersion": "3.2", "maxVersion": "{{serverApiVersion}}", "releasedVersion": "{{serverApiVersion}}" } ] }
        """;

    /// <summary>The version of this app's generated clients: a profile's number (<c>azure-devops-server-6.0</c> is <c>6.0</c>), else the cloud version.</summary>
    internal static string GeneratedApiVersion() =>
        AdoConnection.ApiVersion is { } generated ? generated[(generated.LastIndexOf('-') + 1)..] : "7.2";

    /// <summary>The underlying WireMock server.</summary>
    public WireMockServer Server { get; }

    /// <summary>The organization name in the URL.</summary>
    public string Organization { get; }

    /// <summary><c>https://127.0.0.1:{port}/{organization}</c>.</summary>
    public Uri OrganizationUrl { get; }

    /// <summary>Options whose transport trusts the loopback certificate and reaches nothing but loopback; retries wait briefly.</summary>
    public static AdoClientOptions CreateOptions()
    {
        var options = new AdoClientOptions { Transport = LoopbackTransport.Create() };
        options.Retry.Delay = TimeSpan.FromMilliseconds(50);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        return options;
    }

    /// <summary>A connection to this server with tokens from <paramref name="credential"/>.</summary>
    public AdoConnection Connect(TokenCredential credential, AdoClientOptions? options = null) =>
        new(OrganizationUrl, credential, options ?? CreateOptions());

    /// <summary>Stops the server.</summary>
    public void Dispose()
    {
        Server.Stop();
        Server.Dispose();
    }
}
