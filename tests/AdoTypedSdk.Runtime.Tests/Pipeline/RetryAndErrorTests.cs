using System.Diagnostics;
using AdoTypedSdk.Testing;
using AdoTypedSdk.Tests.Infrastructure;
using AdoTypedSdk.WorkItemTracking;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Response = WireMock.ResponseBuilders.Response;

namespace AdoTypedSdk.Runtime.Tests.Pipeline;

/// <summary>Azure.Core's retries as configured for ADO, and how failures reach the caller.</summary>
public sealed class RetryAndErrorTests : IDisposable
{
    private const string WorkItemPath = "/fabrikam/_apis/wit/workitems/12";
    private const string WrappedException = """
        { "$id": "1", "innerException": { "$id": "2", "innerException": null, "message": "Inner cause.", "typeName": "Inner, Server", "typeKey": "InnerException", "errorCode": 0, "eventId": 3000 },
          "message": "TF401232: Work item 12 does not exist, or you do not have permissions to read it.",
          "typeName": "Microsoft.TeamFoundation.WorkItemTracking.Server.WorkItemUnauthorizedAccessException, Microsoft.TeamFoundation.WorkItemTracking.Server",
          "typeKey": "WorkItemUnauthorizedAccessException", "errorCode": 600171, "eventId": 3200 }
        """;

    private readonly EmbeddedAdo _ado = new();
    private readonly AdoConnection _connection;

    public RetryAndErrorTests() => _connection = _ado.Connect(new FakeCredential());

    private WorkItemsClient Client => _connection.GetClient<WorkItemsClient>();

    private void RespondInSequence(params Func<IResponseBuilder>[] responses) => _ado.RespondInSequence("GET", WorkItemPath, responses);

    private static IResponseBuilder Ok() => Response.Create().WithBody("""{ "id": 12 }""");

    [Fact]
    public async Task Too_many_requests_is_retried_after_the_retry_after_delay()
    {
        RespondInSequence(() => Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1").WithHeader("X-RateLimit-Resource", "ATCPU"), Ok);

        var stopwatch = Stopwatch.StartNew();
        var item = await Client.GetWorkItemAsync(12);

        Assert.Equal(12, item.Id);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromSeconds(1), $"retried after {stopwatch.Elapsed}");
        Assert.Equal(2, _ado.Server.LogEntries.Count());
    }

    [Fact]
    public async Task Service_unavailable_twice_then_success_succeeds()
    {
        RespondInSequence(() => Response.Create().WithStatusCode(503), () => Response.Create().WithStatusCode(503), Ok);

        var item = await Client.GetWorkItemAsync(12);

        Assert.Equal(12, item.Id);
        Assert.Equal(3, _ado.Server.LogEntries.Count());
    }

    [Fact]
    public async Task Server_error_beyond_the_retries_surfaces_ados_error()
    {
        _ado.Server.Given(Request.Create().UsingGet().WithPath(WorkItemPath))
            .RespondWith(Response.Create().WithStatusCode(500).WithHeader("ActivityId", "a1b2").WithBody(WrappedException));

        var error = await Assert.ThrowsAsync<AdoApiException>(() => Client.GetWorkItemAsync(12));

        Assert.Equal(_connection.Options.Retry.MaxRetries + 1, _ado.Server.LogEntries.Count());
        Assert.Equal(500, error.Status);
        Assert.Equal("WorkItemUnauthorizedAccessException", error.TypeKey);
    }

    [Fact]
    public async Task Wrapped_exception_body_maps_every_field_and_never_the_token()
    {
        _ado.Server.Given(Request.Create().UsingGet().WithPath(WorkItemPath))
            .RespondWith(Response.Create().WithStatusCode(404).WithHeader("ActivityId", "0f3c").WithHeader("X-RateLimit-Remaining", "12").WithBody(WrappedException));

        var error = await Assert.ThrowsAsync<AdoApiException>(() => Client.GetWorkItemAsync(12));

        Assert.Equal(404, error.Status);
        Assert.Equal("WorkItemUnauthorizedAccessException", error.TypeKey);
        Assert.Equal("WorkItemUnauthorizedAccessException", error.ErrorCode);
        Assert.Equal(600171, error.ServerError!.ErrorCode);
        Assert.StartsWith("TF401232:", error.ServerMessage);
        Assert.Equal(3200, error.ServerError!.EventId);
        Assert.Equal("Microsoft.TeamFoundation.WorkItemTracking.Server.WorkItemUnauthorizedAccessException, Microsoft.TeamFoundation.WorkItemTracking.Server", error.ServerError.TypeName);
        Assert.Equal(new AdoServerError("Inner cause.", "InnerException", "Inner, Server", 0, 3000, null), error.ServerError.InnerError);
        Assert.Equal("0f3c", error.ActivityId);
        Assert.Equal(12, error.RateLimit!.Remaining);
        Assert.Contains("TF401232", error.Message);
        Assert.Contains("0f3c", error.Message);
        Assert.DoesNotContain("token-1", error.ToString());
    }

    [Fact]
    public async Task Sign_in_page_with_203_is_an_authentication_failure_that_says_what_to_check()
    {
        _ado.Server.Given(Request.Create().UsingGet().WithPath(WorkItemPath))
            .RespondWith(Response.Create().WithStatusCode(203).WithHeader("Content-Type", "text/html").WithBody("<html><body>Sign in</body></html>"));

        var error = await Assert.ThrowsAsync<AdoAuthenticationException>(() => Client.GetWorkItemAsync(12));

        Assert.Equal(203, error.Status);
        Assert.Contains("added as a user of the organization", error.Message);
        Assert.Contains("tenant", error.Message);
    }

    [Fact]
    public async Task A_401_with_ados_own_error_keeps_the_checklist_beside_it()
    {
        const string body = """
            { "$id": "1", "innerException": null, "message": "TF400813: The user '' is not authorized to access this resource.",
              "typeName": "Microsoft.TeamFoundation.Framework.Server.UnauthorizedRequestException, Microsoft.TeamFoundation.Framework.Server",
              "typeKey": "UnauthorizedRequestException", "errorCode": 0, "eventId": 3000 }
            """;
        _ado.Server.Given(Request.Create().UsingGet().WithPath(WorkItemPath))
            .RespondWith(Response.Create().WithStatusCode(401).WithHeader("Content-Type", "application/json").WithBody(body));

        var error = await Assert.ThrowsAsync<AdoAuthenticationException>(() => Client.GetWorkItemAsync(12));

        Assert.StartsWith("TF400813:", error.ServerMessage);
        Assert.Contains("TF400813", error.Message);
        Assert.Contains("added as a user of the organization", error.Message);
    }

    [Theory]
    [InlineData(401, null, "application/json")]
    [InlineData(302, "https://127.0.0.1:1/_signin?realm=x", "text/html")]
    [InlineData(200, null, "text/html")]
    public async Task Other_rejections_of_the_identity_are_authentication_failures(int status, string? location, string contentType)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(contentType == "text/html" ? "<html/>" : "{}");
        _ado.Server.Given(Request.Create().UsingGet().WithPath(WorkItemPath)).RespondWith(location is null ? response : response.WithHeader("Location", location));

        var error = await Assert.ThrowsAsync<AdoAuthenticationException>(() => Client.GetWorkItemAsync(12));

        Assert.Equal(status, error.Status);
    }

    [Fact]
    public async Task Cancellation_wins_over_a_pending_retry()
    {
        _ado.Server.Given(Request.Create().UsingGet().WithPath(WorkItemPath)).RespondWith(Response.Create().WithStatusCode(503).WithHeader("Retry-After", "30"));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var stopwatch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client.GetWorkItemAsync(12, cancellationToken: cancellation.Token));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"cancelled after {stopwatch.Elapsed}");
        Assert.Single(_ado.Server.LogEntries);
    }

    [Fact]
    public async Task Rate_limit_headers_of_a_success_are_readable()
    {
        _ado.Server.Given(Request.Create().UsingGet().WithPath(WorkItemPath)).RespondWith(Ok()
            .WithHeader("X-RateLimit-Resource", "ATCPU").WithHeader("X-RateLimit-Delay", "0.5").WithHeader("X-RateLimit-Limit", "200")
            .WithHeader("X-RateLimit-Remaining", "40").WithHeader("X-RateLimit-Reset", "1700000000"));
        var reported = new List<AdoRateLimit>();
        _connection.RateLimitReported += (_, rateLimit) => reported.Add(rateLimit);

        await Client.GetWorkItemAsync(12);

        var expected = new AdoRateLimit("ATCPU", TimeSpan.FromSeconds(0.5), 200, 40, DateTimeOffset.FromUnixTimeSeconds(1700000000), null);
        Assert.Equal(expected, Assert.Single(reported));
        Assert.Equal(expected, _connection.LatestRateLimit);
    }

    public void Dispose()
    {
        _ado.Dispose();
    }
}
