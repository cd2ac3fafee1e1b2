using System.Collections.Concurrent;
using System.Web;
using Newtonsoft.Json;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace AdoTypedSdk.Testing;

/// <summary>
/// A loopback token endpoint in the form of Azure App Service's managed-identity endpoint, so the real <c>ManagedIdentityCredential</c>
/// runs end to end without Azure. <see cref="UseForThisProcess"/> points the process's managed-identity environment at it; call it before
/// the process creates its first credential.
/// </summary>
public sealed class ManagedIdentityEndpoint : IDisposable
{
    /// <summary>The secret the credential must send in <c>X-IDENTITY-HEADER</c>.</summary>
    public const string IdentityHeader = "loopback-identity-secret";

    private readonly ConcurrentQueue<TokenRequest> _requests = new();

    /// <summary>Starts the endpoint on a free loopback port.</summary>
    public ManagedIdentityEndpoint(TimeSpan? tokenLifetime = null)
    {
        var lifetime = tokenLifetime ?? TimeSpan.FromHours(1);
        Server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
        Server.Given(Request.Create().WithPath("/msi/token").UsingGet())
            .RespondWith(Response.Create().WithCallback(request =>
            {
                var query = HttpUtility.ParseQueryString(new Uri(request.AbsoluteUrl).Query);
                var header = request.Headers?.FirstOrDefault(h => h.Key.Equals("X-IDENTITY-HEADER", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
                var tokenRequest = new TokenRequest(query["api-version"], query["resource"], query["client_id"], header);
                _requests.Enqueue(tokenRequest);
                if (header != IdentityHeader)
                    return new WireMock.ResponseMessage { StatusCode = 401, BodyData = Body("""{"error":"invalid identity header"}""") };
                var token = new
                {
                    access_token = $"mi-token-{tokenRequest.ClientId ?? "system"}-{_requests.Count}",
                    expires_on = DateTimeOffset.UtcNow.Add(lifetime).ToUnixTimeSeconds().ToString(),
                    resource = tokenRequest.Resource,
                    token_type = "Bearer",
                    client_id = tokenRequest.ClientId ?? "00000000-0000-0000-0000-000000000000",
                };
                return new WireMock.ResponseMessage
                {
                    StatusCode = 200,
                    Headers = new Dictionary<string, WireMock.Types.WireMockList<string>> { ["Content-Type"] = new("application/json") },
                    BodyData = Body(JsonConvert.SerializeObject(token)),
                };
            }));
    }

    /// <summary>The underlying server.</summary>
    public WireMockServer Server { get; }

    /// <summary>The endpoint's URL, the value of <c>IDENTITY_ENDPOINT</c>.</summary>
    public string Url => Server.Urls[0] + "/msi/token";

    /// <summary>Every token request received, in order.</summary>
    public IReadOnlyList<TokenRequest> Requests => _requests.ToArray();

    /// <summary>
    /// Points this process's managed identity at the endpoint (App Service variables) and sends the IMDS fallback's authority host to a
    /// dead loopback port, so nothing in the process can reach the instance-metadata address.
    /// </summary>
    public void UseForThisProcess()
    {
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", Url);
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", IdentityHeader);
        Environment.SetEnvironmentVariable("AZURE_POD_IDENTITY_AUTHORITY_HOST", "http://127.0.0.1:9/");
        Environment.SetEnvironmentVariable("MSI_ENDPOINT", null);
        Environment.SetEnvironmentVariable("IMDS_ENDPOINT", null);
    }

    /// <summary>Stops the endpoint.</summary>
    public void Dispose()
    {
        Server.Stop();
        Server.Dispose();
    }

    private static WireMock.Util.BodyData Body(string json) => new()
    {
        BodyAsString = json,
        DetectedBodyType = WireMock.Types.BodyType.String,
        Encoding = System.Text.Encoding.UTF8,
    };

    /// <summary>What a credential sent to the endpoint.</summary>
    /// <param name="ApiVersion">The <c>api-version</c> query value.</param>
    /// <param name="Resource">The <c>resource</c> query value: the scope without <c>/.default</c>.</param>
    /// <param name="ClientId">The <c>client_id</c> of a user-assigned identity, if any.</param>
    /// <param name="IdentityHeader">The <c>X-IDENTITY-HEADER</c> value.</param>
    public sealed record TokenRequest(string? ApiVersion, string? Resource, string? ClientId, string? IdentityHeader);
}
