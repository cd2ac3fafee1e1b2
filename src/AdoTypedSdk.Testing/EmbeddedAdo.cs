using Azure.Core;
using WireMock.Server;
using WireMock.Settings;

namespace AdoTypedSdk.Testing;

/// <summary>
/// A stand-in Azure DevOps collection: a WireMock.Net server over HTTPS on loopback, reachable as
/// <c>https://127.0.0.1:{port}/{organization}</c>. Stub it through <see cref="Server"/> and connect
/// with <see cref="Connect"/>; every area is served by this one server, as for an on-premises collection.
/// </summary>
public sealed class EmbeddedAdo : IDisposable
{
    /// <summary>Starts the server on a free loopback port.</summary>
    public EmbeddedAdo(string organization = "fabrikam")
    {
        Server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = ["https://127.0.0.1:0"],
            UseSSL = true,
            CertificateSettings = new WireMockCertificateSettings { X509Certificate = LoopbackCertificate.Instance },
        });
        Organization = organization;
        OrganizationUrl = new Uri(Server.Urls[0] + "/" + organization);
    }

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
