using AdoTypedSdk.Testing;
using AdoTypedSdk.Tests.Infrastructure;
using AdoTypedSdk.Wiki;
using AdoTypedSdk.WorkItemTracking;
using WireMock.RequestBuilders;
using Response = WireMock.ResponseBuilders.Response;

namespace AdoTypedSdk.Tests.GeneratedCalls;

/// <summary>The <c>…WithResponseAsync</c> methods: the value with the status and headers it came with.</summary>
public sealed class ResponseMetadataTests : IDisposable
{
    private readonly EmbeddedAdo _ado = new();
    private readonly AdoConnection _connection;

    public ResponseMetadataTests() => _connection = _ado.Connect(new FakeCredential());

    [Fact]
    public async Task Status_etag_activity_id_and_rate_limit_come_with_the_value()
    {
        _ado.Server.Given(Request.Create().UsingGet().WithPath("/fabrikam/_apis/wit/workitems/12"))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithHeader("ETag", "\"7\"")
                .WithHeader("ActivityId", "3c1b9a6e-0000-4000-8000-000000000001").WithHeader("X-RateLimit-Remaining", "120")
                .WithBody("""{ "id": 12, "rev": 7 }"""));

        var response = await _connection.GetClient<WorkItemsClient>().GetWorkItemWithResponseAsync(12);

        Assert.Equal(12, response.Value.Id);
        var raw = response.GetRawResponse();
        Assert.Equal(200, raw.Status);
        Assert.Equal("\"7\"", raw.ETag);
        Assert.Equal("\"7\"", raw.Headers.ETag?.ToString("H"));
        Assert.Equal("3c1b9a6e-0000-4000-8000-000000000001", raw.ActivityId);
        Assert.Equal(120, raw.RateLimit?.Remaining);
        Assert.True(raw.Headers.TryGetValue("etag", out _), "header names are matched without regard to case");
        Assert.Null(raw.ContinuationToken);
    }

    [Fact]
    public async Task The_etag_of_a_read_goes_back_as_if_match_on_the_edit()
    {
        const string PagePath = "/fabrikam/Fabrikam/_apis/wiki/wikis/docs/pages/3";
        _ado.Server.Given(Request.Create().UsingGet().WithPath(PagePath))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithHeader("ETag", "\"c2a1f0\"").WithBody("""{ "id": 3, "content": "old" }"""));
        _ado.Server.Given(Request.Create().UsingPatch().WithPath(PagePath))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody("""{ "id": 3, "content": "new" }"""));
        var pages = _connection.GetClient<WikiPagesClient>();

        var read = await pages.GetPageByIdWithResponseAsync("Fabrikam", "docs", 3);
        await pages.UpdatePageByIdAsync(new WikiPageCreateOrUpdateParameters { Content = "new" }, "Fabrikam", "docs", 3, version: read.GetRawResponse().ETag);

        var edit = _ado.Server.LogEntries.Single(e => e.RequestMessage.Method == "PATCH").RequestMessage;
        Assert.Equal("\"c2a1f0\"", edit.Headers!["If-Match"].Single());
    }

    [Fact]
    public async Task An_operation_without_a_result_reports_its_status()
    {
        _ado.Server.Given(Request.Create().UsingDelete().WithPath("/fabrikam/Fabrikam/_apis/wit/queries/q1")).RespondWith(Response.Create().WithStatusCode(204));

        var response = await _connection.GetClient<QueriesClient>().DeleteQueryWithResponseAsync("Fabrikam", "q1");

        Assert.Equal(204, response.Status);
    }

    public void Dispose()
    {
        _ado.Dispose();
    }
}
