using AdoTypedSdk.Testing;
using AdoTypedSdk.Tests.Infrastructure;
using AdoTypedSdk.WorkItemTracking;
using Azure;
using Azure.Identity;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Response = WireMock.ResponseBuilders.Response;

namespace AdoTypedSdk.Runtime.Tests.Pipeline;

/// <summary>Bearer tokens through Azure.Core: attached, cached, refreshed, and obtained by the real managed-identity credential.</summary>
public sealed class AuthenticationTests : IDisposable
{
    private const string WorkItemPath = "/fabrikam/Fabrikam/_apis/wit/workitems/12";
    private readonly EmbeddedAdo _ado = new();

    public AuthenticationTests() =>
        _ado.Server.Given(Request.Create().UsingGet().WithPath(WorkItemPath))
            .RespondWith(Response.Create().WithBody("""{ "id": 12, "fields": { "System.Title": "Hello" } }"""));

    private static string? Authorization(WireMock.Logging.ILogEntry entry) =>
        entry.RequestMessage.Headers!.TryGetValue("Authorization", out var values) ? values.Single() : null;

    [Fact]
    public async Task Calls_carry_the_bearer_token_for_the_ado_scope_and_the_ado_headers()
    {
        var credential = new FakeCredential();
        var connection = _ado.Connect(credential);

        var item = await connection.GetClient<WorkItemsClient>().GetWorkItemAsync(12, project: "Fabrikam");

        Assert.Equal("Hello", item.Fields!["System.Title"]);
        var request = Assert.Single(_ado.Server.LogEntries);
        Assert.Equal("Bearer token-1", Authorization(request));
        Assert.Equal(["499b84ac-1321-427f-aa17-267ca6975798/.default"], Assert.Single(credential.Scopes));
        Assert.Equal("Suppress", request.RequestMessage.Headers!["X-TFS-FedAuthRedirect"].Single());
        Assert.Matches(@"^azsdk-net-AdoTypedSdk/\d+\.\d+\.\d+", request.RequestMessage.Headers!["User-Agent"].Single());
    }

    [Fact]
    public async Task Two_hundred_concurrent_calls_share_one_token_request()
    {
        var credential = new FakeCredential(TimeSpan.FromHours(1), latency: TimeSpan.FromMilliseconds(200));
        var connection = _ado.Connect(credential);
        var client = connection.GetClient<WorkItemsClient>();

        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => client.GetWorkItemAsync(12, project: "Fabrikam")));

        Assert.Equal(1, credential.Requests);
        Assert.Equal(200, _ado.Server.LogEntries.Count(e => Authorization(e) == "Bearer token-1"));
    }

    [Fact]
    public async Task Expired_token_is_replaced_before_the_next_call()
    {
        // A token that has already expired cannot be used again: the next call waits for a new one.
        var credential = new FakeCredential(TimeSpan.FromSeconds(-1));
        var connection = _ado.Connect(credential);
        var client = connection.GetClient<WorkItemsClient>();

        await client.GetWorkItemAsync(12, project: "Fabrikam");
        await client.GetWorkItemAsync(12, project: "Fabrikam");

        Assert.Equal(2, credential.Requests);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], _ado.Server.LogEntries.Select(Authorization).Order());
    }

    [Fact]
    public async Task Real_managed_identity_credential_gets_its_token_from_the_app_service_endpoint()
    {
        var clientId = Guid.NewGuid().ToString();
        var credential = new ManagedIdentityCredential(new ManagedIdentityCredentialOptions(ManagedIdentityId.FromUserAssignedClientId(clientId))
        {
            Transport = LoopbackTransport.Create(),
            Retry = { MaxRetries = 0 },
        });
        var connection = _ado.Connect(credential);

        await connection.GetClient<WorkItemsClient>().GetWorkItemAsync(12, project: "Fabrikam");
        await connection.GetClient<WorkItemsClient>().GetWorkItemAsync(12, project: "Fabrikam");

        var tokenRequest = Assert.Single(TestEnvironment.IdentityEndpoint.Requests, r => r.ClientId == clientId);
        Assert.Equal("2019-08-01", tokenRequest.ApiVersion);
        Assert.Equal("499b84ac-1321-427f-aa17-267ca6975798", tokenRequest.Resource);
        Assert.Equal(ManagedIdentityEndpoint.IdentityHeader, tokenRequest.IdentityHeader);
        Assert.All(_ado.Server.LogEntries, e => Assert.StartsWith($"Bearer mi-token-{clientId}-", Authorization(e)));
    }

    [Fact]
    public async Task Personal_access_token_is_sent_as_basic_with_an_empty_user_name()
    {
        var connection = new AdoConnection(_ado.OrganizationUrl, new AzureKeyCredential("my-pat"), EmbeddedAdo.CreateOptions());

        await connection.GetClient<WorkItemsClient>().GetWorkItemAsync(12, project: "Fabrikam");

        Assert.Equal("Basic " + Convert.ToBase64String("my-pat"u8.ToArray().Prepend((byte)':').ToArray()), Authorization(Assert.Single(_ado.Server.LogEntries)));
    }

    [Fact]
    public void Plain_http_organization_url_is_refused_before_any_request()
    {
        var error = Assert.Throws<ArgumentException>(() => new AdoConnection(new Uri("http://127.0.0.1:1/fabrikam"), new FakeCredential(), EmbeddedAdo.CreateOptions()));

        Assert.Contains("HTTPS", error.Message);
        Assert.Contains("http://127.0.0.1:1", error.Message);
    }

    [Fact]
    public async Task Guard_transport_refuses_every_non_loopback_host()
    {
        var connection = new AdoConnection(new Uri("https://dev.azure.com/fabrikam"), new FakeCredential(), EmbeddedAdo.CreateOptions());
        connection.Options.Retry.MaxRetries = 0;

        var error = await Assert.ThrowsAnyAsync<Exception>(() => connection.GetClient<WorkItemsClient>().GetWorkItemAsync(1));

        Assert.Contains("loopback", error.ToString());
    }

    public void Dispose() => _ado.Dispose();
}
