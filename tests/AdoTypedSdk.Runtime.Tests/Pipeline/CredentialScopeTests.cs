using AdoTypedSdk.Common;
using System.Diagnostics.Tracing;
using AdoTypedSdk.Testing;
using AdoTypedSdk.Tests.Infrastructure;
using AdoTypedSdk.WorkItemTracking;
using Azure.Core.Diagnostics;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Response = WireMock.ResponseBuilders.Response;

namespace AdoTypedSdk.Runtime.Tests.Pipeline;

/// <summary>Where the token may go: only the organization's ADO hosts, never a redirect target, a foreign link or a log.</summary>
public sealed class CredentialScopeTests : IDisposable
{
    private readonly EmbeddedAdo _ado = new();
    private readonly EmbeddedAdo _elsewhere = new("elsewhere");
    private readonly AdoConnection _connection;

    public CredentialScopeTests() => _connection = _ado.Connect(new FakeCredential());

    [Fact]
    public async Task Redirect_to_another_server_is_not_followed()
    {
        _ado.Server.Given(Request.Create().UsingGet().WithPath("/fabrikam/_apis/wit/workitems/12"))
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", _elsewhere.OrganizationUrl + "/_apis/wit/workitems/12"));
        _elsewhere.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithBody("""{ "id": 12 }"""));

        var error = await Assert.ThrowsAsync<AdoApiException>(() => _connection.GetClient<WorkItemsClient>().GetWorkItemAsync(12));

        Assert.Equal(302, error.Status);
        Assert.Empty(_elsewhere.Server.LogEntries);
    }

    [Fact]
    public async Task Link_to_another_host_is_followed_without_the_token_and_an_ado_link_with_it()
    {
        _elsewhere.Server.Given(Request.Create().UsingGet().WithPath("/elsewhere/item")).RespondWith(Response.Create().WithBody("""{ "id": 1 }"""));
        _ado.Server.Given(Request.Create().UsingGet().WithPath("/fabrikam/_apis/wit/workItems/2")).RespondWith(Response.Create().WithBody("""{ "id": 2 }"""));

        var foreign = await _connection.GetLinkAsync<WorkItem>(new Uri(_elsewhere.OrganizationUrl + "/item"));
        var own = await _connection.GetLinkAsync<WorkItem>(new Uri(_ado.OrganizationUrl + "/_apis/wit/workItems/2"));

        Assert.Equal(1, foreign!.Id);
        Assert.Equal(2, own!.Id);
        Assert.False(Assert.Single(_elsewhere.Server.LogEntries).RequestMessage.Headers!.ContainsKey("Authorization"));
        Assert.Equal("Bearer token-1", Assert.Single(_ado.Server.LogEntries).RequestMessage.Headers!["Authorization"].Single());
    }

    [Theory]
    [InlineData("http://build.example.test/contoso/")]
    [InlineData("/relative/")]
    public void A_base_address_override_that_is_not_an_https_url_is_refused_when_connecting(string address)
    {
        var options = new AdoClientOptions();
        options.BaseAddressOverrides["Build"] = new Uri(address, UriKind.RelativeOrAbsolute);

        var error = Assert.Throws<ArgumentException>(() => new AdoConnection(new Uri("https://dev.azure.com/contoso"), new FakeCredential(), options));

        Assert.Contains("override of 'Build'", error.Message);
    }

    [Fact]
    public async Task Plain_http_link_to_an_ado_host_is_refused_before_sending()
    {
        var httpLink = new UriBuilder(_ado.OrganizationUrl) { Scheme = "http" }.Uri;

        var error = await Assert.ThrowsAsync<AdoAuthenticationException>(() => _connection.GetLinkAsync<WorkItem>(new Uri(httpLink + "/_apis/wit/workItems/2")));

        Assert.Contains("plain http", error.Message);
        Assert.Empty(_ado.Server.LogEntries);
    }

    [Fact]
    public async Task Logs_show_the_request_but_never_the_token()
    {
        _ado.Server.Given(Request.Create().UsingGet().WithPath("/fabrikam/_apis/wit/workitems/12")).RespondWith(Response.Create().WithBody("""{ "id": 12 }""").WithHeader("ActivityId", "act-1"));
        var lines = new List<string>();
        using (new AzureEventSourceListener((e, message) => { lock (lines) lines.Add(message); }, EventLevel.Verbose))
            await _connection.GetClient<WorkItemsClient>().GetWorkItemAsync(12);

        var log = string.Join("\n", lines);
        Assert.Contains("/_apis/wit/workitems/12", log);
        Assert.Matches(@"api-version=\d", log);
        Assert.Contains("act-1", log);
        Assert.Contains("Authorization:REDACTED", log);
        Assert.DoesNotContain("token-1", log);
    }

    public void Dispose()
    {
        _ado.Dispose();
        _elsewhere.Dispose();
    }
}
