using AdoTypedSdk.Build;
using AdoTypedSdk.Common;
using AdoTypedSdk.Testing;
using AdoTypedSdk.Tests.Infrastructure;
using AdoTypedSdk.WorkItemTracking;
using Azure;
using WireMock.RequestBuilders;

namespace AdoTypedSdk.Tests.GeneratedCalls;

/// <summary>
/// Generated methods send Azure.Core messages themselves: the answer is the pipeline's own <see cref="Azure.Response"/>, errors are
/// <see cref="RequestFailedException"/>s, and a client can be doubled the Azure SDK way.
/// </summary>
public sealed class RequestModelTests : IDisposable
{
    private const string WorkItemJson = """{ "id": 12, "rev": 3, "fields": { "System.Title": "Epic 2" } }""";
    private readonly EmbeddedAdo _ado = new();
    private readonly AdoConnection _connection;

    public RequestModelTests() => _connection = _ado.Connect(new FakeCredential());

    [Fact]
    public async Task The_raw_response_is_the_one_the_server_sent_with_its_body_and_reason()
    {
        using var server = new FaultyAdo((_, _) => Fault.Respond(200, WorkItemJson) with { ReasonPhrase = "Fine By ADO" });
        var connection = new AdoConnection(server.OrganizationUrl, new FakeCredential(), EmbeddedAdo.CreateOptions());

        var response = await connection.GetClient<WorkItemsClient>().GetWorkItemWithResponseAsync(12);

        var raw = response.GetRawResponse();
        Assert.Equal("Fine By ADO", raw.ReasonPhrase);
        Assert.Equal(WorkItemJson, raw.Content.ToString());
        Assert.Equal("application/json; charset=utf-8", raw.Headers.ContentType);
        Assert.Equal(12, response.Value.Id);
    }

    [Fact]
    public async Task A_404_is_a_request_failed_exception_from_a_call()
    {
        _ado.Server.Given(Request.Create().UsingGet()).RespondWith(NotFound());

        var caught = await CatchNotFound(() => _connection.GetClient<WorkItemsClient>().GetWorkItemAsync(5));

        Assert.Equal("WorkItemNotFoundException", caught.ErrorCode);
        Assert.StartsWith("Azure DevOps answered HTTP 404 to WorkItems.GetWorkItem: TF401232: Work item 5 does not exist", caught.Message);
        Assert.Equal("Not Found", caught.GetRawResponse()!.ReasonPhrase);
        var ado = Assert.IsType<AdoApiException>(caught);
        Assert.Equal("WorkItems.GetWorkItem", ado.Operation!.DisplayName);
        Assert.Equal("2a8ba8c1-0404", ado.ActivityId);
    }

    [Fact]
    public async Task A_404_is_a_request_failed_exception_from_a_page_walk()
    {
        _ado.Server.Given(Request.Create().UsingGet()).RespondWith(NotFound());

        var caught = await CatchNotFound(async () =>
        {
            await foreach (var _ in _connection.GetClient<BuildsClient>().GetBuildsAsync("Fabrikam"))
            {
            }
        });

        Assert.Equal("Builds.GetBuilds", Assert.IsType<AdoApiException>(caught).Operation!.DisplayName);
    }

    [Fact]
    public async Task A_404_is_a_request_failed_exception_from_a_followed_link()
    {
        _ado.Server.Given(Request.Create().UsingGet()).RespondWith(NotFound());

        var caught = await CatchNotFound(() => _connection.GetLinkAsync<WorkItem>(new Uri(_ado.OrganizationUrl + "/_apis/wit/workItems/5")));

        Assert.Null(Assert.IsType<AdoApiException>(caught).Operation);
    }

    [Fact]
    public async Task A_client_is_doubled_by_overriding_what_the_code_under_test_calls()
    {
        WorkItemsClient workItems = new WorkItemsDouble(new WorkItem { Id = 157, Rev = 1 });

        var item = await workItems.GetWorkItemAsync(157);
        var response = await workItems.GetWorkItemWithResponseAsync(157);

        Assert.Equal(157, item.Id);
        Assert.Equal(157, response.Value.Id);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => workItems.DeleteWorkItemAsync(157));
        Assert.Contains("override DeleteWorkItemAsync", error.Message);
    }

    /// <summary>What a test of a service's own code writes: a client that answers without a server.</summary>
    private sealed class WorkItemsDouble(WorkItem item) : WorkItemsClient
    {
        public override Task<Response<WorkItem>> GetWorkItemWithResponseAsync(int id, string? project = null, IEnumerable<string>? fields = null,
            DateTimeOffset? asOf = null, WorkItemExpand? expand = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(Response.FromValue(item, new JsonAnswer("{}")));

        public override Task<WorkItem> GetWorkItemAsync(int id, string? project = null, IEnumerable<string>? fields = null,
            DateTimeOffset? asOf = null, WorkItemExpand? expand = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(item);
    }

    /// <summary>The Azure SDK idiom: <c>catch (RequestFailedException e) when (e.Status == 404)</c>.</summary>
    private static async Task<RequestFailedException> CatchNotFound(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return e;
        }
        throw new Xunit.Sdk.XunitException("no RequestFailedException with status 404 was thrown");
    }

    private static WireMock.ResponseBuilders.IResponseBuilder NotFound() => WireMock.ResponseBuilders.Response.Create().WithStatusCode(404)
        .WithHeader("Content-Type", "application/json").WithHeader("ActivityId", "2a8ba8c1-0404")
        .WithBody("""{ "$id": "1", "message": "TF401232: Work item 5 does not exist, or you do not have permissions to read it.", "typeKey": "WorkItemNotFoundException", "errorCode": 0 }""");

    public void Dispose() => _ado.Dispose();
}
