using AdoTypedSdk.Common;
using AdoTypedSdk.Testing;
using AdoTypedSdk.Tests.Infrastructure;
using AdoTypedSdk.WorkItemTracking;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Response = WireMock.ResponseBuilders.Response;

namespace AdoTypedSdk.Runtime.Tests.Pipeline;

/// <summary>
/// Rate-limit reports and the detection of a rejected identity are pipeline policies, so every way a request leaves gets them: generated
/// calls, links, pages, and a connection over the caller's own HttpClient.
/// </summary>
public sealed class ResponsePolicyTests : IDisposable
{
    private const string WorkItemPath = "/fabrikam/_apis/wit/workitems/12";
    private readonly EmbeddedAdo _ado = new();
    private readonly AdoConnection _connection;
    private readonly List<AdoRateLimit> _reported = [];

    public ResponsePolicyTests()
    {
        _connection = _ado.Connect(new FakeCredential());
        _connection.RateLimitReported += (_, rateLimit) => _reported.Add(rateLimit);
    }

    private static IResponseBuilder Throttled(string remaining) =>
        Response.Create().WithBody("""{ "id": 12 }""").WithHeader("X-RateLimit-Resource", "ATCPU").WithHeader("X-RateLimit-Remaining", remaining);

    [Fact]
    public async Task A_link_reports_its_rate_limit()
    {
        _ado.Server.Given(Request.Create().UsingGet().WithPath(WorkItemPath)).RespondWith(Throttled("7"));

        await _connection.GetLinkAsync<WorkItem>(new Uri(_ado.OrganizationUrl + "/_apis/wit/workitems/12"));

        Assert.Equal(7, Assert.Single(_reported).Remaining);
    }

    [Fact]
    public async Task A_link_answered_with_a_sign_in_page_is_an_authentication_failure()
    {
        _ado.Server.Given(Request.Create().UsingGet().WithPath(WorkItemPath))
            .RespondWith(Response.Create().WithStatusCode(203).WithHeader("Content-Type", "text/html").WithBody("<html>Sign in</html>"));

        var error = await Assert.ThrowsAsync<AdoAuthenticationException>(() => _connection.GetLinkAsync<WorkItem>(new Uri(_ado.OrganizationUrl + "/_apis/wit/workitems/12")));

        Assert.Equal(203, error.Status);
        Assert.Equal("<html>Sign in</html>", error.GetRawResponse()!.Content.ToString());
        Assert.Contains("added as a user of the organization", error.Message);
    }

    [Fact]
    public async Task Each_attempt_of_a_retried_call_is_reported()
    {
        _ado.RespondInSequence("GET", WorkItemPath, () => Throttled("0").WithStatusCode(429).WithHeader("Retry-After", "0"), () => Throttled("5"));

        await _connection.GetClient<WorkItemsClient>().GetWorkItemAsync(12);

        Assert.Equal([0d, 5d], _reported.Select(r => r.Remaining!.Value));
        Assert.Equal(TimeSpan.Zero, _reported[0].RetryAfter);
        Assert.Equal(5, _connection.LatestRateLimit?.Remaining);
    }

    [Fact]
    public async Task A_page_reports_its_rate_limit()
    {
        _ado.Server.Given(Request.Create().UsingGet().WithPath("/fabrikam/_apis/wit/workitems"))
            .RespondWith(Response.Create().WithBody("""{ "count": 1, "value": [ { "id": 12 } ] }""").WithHeader("X-RateLimit-Remaining", "3"));

        var items = await _connection.GetClient<WorkItemsClient>().GetWorkItemsAsync([12]);

        Assert.Equal(12, Assert.Single(items).Id);
        Assert.Equal(3, Assert.Single(_reported).Remaining);
    }

    [Fact]
    public async Task A_callers_http_client_gets_the_same_policies_and_ados_request_headers()
    {
        using var ado = new LoopbackAdo();
        var reported = new List<AdoRateLimit>();
        ado.Connection.RateLimitReported += (_, rateLimit) => reported.Add(rateLimit);
        ado.Server.Given(Request.Create().UsingGet().WithPath(WorkItemPath)).RespondWith(Throttled("9"));
        ado.Server.Given(Request.Create().UsingGet().WithPath("/fabrikam/_apis/wit/workitems/13"))
            .RespondWith(Response.Create().WithStatusCode(401).WithBody("""{ "message": "TF400813: not authorized", "typeKey": "UnauthorizedRequestException" }"""));
        var client = ado.Connection.GetClient<WorkItemsClient>();

        await client.GetWorkItemAsync(12);
        var error = await Assert.ThrowsAsync<AdoAuthenticationException>(() => client.GetWorkItemAsync(13));

        Assert.Equal(9, Assert.Single(reported).Remaining);
        Assert.Equal("TF400813: not authorized", error.ServerMessage);
        Assert.Equal(2, ado.Server.LogEntries.Count()); // the caller's client owns retries: a 401 is not sent again
        Assert.All(ado.Server.LogEntries, entry => Assert.Equal("Suppress", entry.RequestMessage.Headers!["X-TFS-FedAuthRedirect"].Single()));
    }

    public void Dispose()
    {
        _ado.Dispose();
    }
}
