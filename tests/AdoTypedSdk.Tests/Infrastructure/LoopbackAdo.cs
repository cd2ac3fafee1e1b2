using WireMock.Server;
using WireMock.Settings;

namespace AdoTypedSdk.Tests.Infrastructure;

/// <summary>
/// A WireMock server on loopback standing in for an ADO collection (<c>http://127.0.0.1:{port}/fabrikam</c>), with a connection to it.
/// An on-premises-style URL sends every area to the one server.
/// </summary>
public sealed class LoopbackAdo : IDisposable
{
    public LoopbackAdo()
    {
        Server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
        HttpClient = new HttpClient { BaseAddress = new Uri(Server.Urls[0] + "/fabrikam") };
        Connection = new AdoConnection(HttpClient);
    }

    public WireMockServer Server { get; }

    public HttpClient HttpClient { get; }

    public AdoConnection Connection { get; }

    /// <summary>The single request the server received.</summary>
    public WireMock.Logging.ILogEntry SingleRequest() => Assert.Single(Server.LogEntries);

    /// <summary>The query of the single request as sent (WireMock splits comma-separated values; this does not).</summary>
    public System.Collections.Specialized.NameValueCollection SingleQuery() =>
        System.Web.HttpUtility.ParseQueryString(new Uri(SingleRequest().RequestMessage.AbsoluteUrl).Query);

    public void Dispose()
    {
        HttpClient.Dispose();
        Server.Stop();
        Server.Dispose();
    }
}
