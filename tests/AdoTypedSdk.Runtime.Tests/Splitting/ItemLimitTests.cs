using System.Text;
using System.Web;
using AdoTypedSdk.Testing;
using AdoTypedSdk.Tests.Infrastructure;
using AdoTypedSdk.WorkItemTracking;
using Azure.Core;
using Azure.Core.Pipeline;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Util;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;

namespace AdoTypedSdk.Runtime.Tests.Splitting;

/// <summary>
/// A call whose list has a documented maximum (work item ids, 200 a call) takes any number: it is split into calls of 200, each id asked
/// once, a few calls at a time, and the answers come back in the caller's order.
/// </summary>
public sealed class ItemLimitTests : IDisposable
{
    private const string WorkItemsPath = "/fabrikam/Fabrikam/_apis/wit/workitems";

    private readonly EmbeddedAdo _ado = new();

    /// <summary>
    /// Answers as ADO does: the ids asked, item for item in the order asked; an id in <paramref name="missing"/> is null with
    /// errorPolicy=Omit and fails the call (404, TF401232) otherwise.
    /// </summary>
    private void ServeWorkItems(ISet<int>? missing = null, TimeSpan? delay = null)
    {
        var reply = Response.Create().WithCallback(request =>
        {
            var query = HttpUtility.ParseQueryString(new Uri(request.AbsoluteUrl).Query);
            var ids = query["ids"]!.Split(',').Select(int.Parse).ToList();
            var absent = ids.FirstOrDefault(id => missing?.Contains(id) == true);
            if (absent != 0 && !string.Equals(query["errorPolicy"], "omit", StringComparison.OrdinalIgnoreCase))
                return Answer(404, $$"""{ "message": "TF401232: Work item {{absent}} does not exist, or you do not have permissions to read it.", "typeKey": "WorkItemUnauthorizedAccessException" }""");
            var items = ids.Select(id => missing?.Contains(id) == true ? "null" : $$"""{ "id": {{id}}, "rev": 1 }""");
            return Answer(200, $$"""{ "count": {{ids.Count}}, "value": [{{string.Join(", ", items)}}] }""");
        });
        _ado.Server.Given(Request.Create().UsingGet().WithPath(WorkItemsPath)).RespondWith(delay is { } wait ? reply.WithDelay(wait) : reply);
    }

    private static WireMock.ResponseMessage Answer(int status, string json) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMock.Types.WireMockList<string>> { ["Content-Type"] = new("application/json; charset=utf-8") },
        BodyData = new BodyData { BodyAsString = json, DetectedBodyType = WireMock.Types.BodyType.String, Encoding = Encoding.UTF8 },
    };

    private List<List<int>> IdsSent() =>
        _ado.Server.LogEntries.OrderBy(e => e.RequestMessage.DateTime)
            .Select(e => HttpUtility.ParseQueryString(new Uri(e.RequestMessage.AbsoluteUrl).Query)["ids"]!.Split(',').Select(int.Parse).ToList()).ToList();

    private WorkItemsClient Client(AdoClientOptions? options = null) => _ado.Connect(new FakeCredential(), options).GetClient<WorkItemsClient>();

    [Fact]
    public async Task Four_hundred_fifty_ids_are_three_calls_answered_in_the_callers_order()
    {
        ServeWorkItems();
        // Descending, with 17 asked twice: the answer follows the caller, not the server.
        List<int> ids = [.. Enumerable.Range(1, 450).Reverse(), 17];

        var items = await Client().GetWorkItemsAsync(ids, "Fabrikam");

        Assert.Equal(ids, items.Select(i => i.Id!.Value));
        Assert.Same(items[433], items[450]);
        var sent = IdsSent();
        Assert.Equal(3, sent.Count);
        Assert.All(sent, part => Assert.True(part.Count <= 200, $"{part.Count} ids in one call"));
        Assert.Equal(Enumerable.Range(1, 450), sent.SelectMany(part => part).Order());
    }

    [Fact]
    public async Task An_empty_list_makes_no_call()
    {
        ServeWorkItems();

        var items = await Client().GetWorkItemsAsync([], "Fabrikam");

        Assert.Empty(items);
        Assert.Empty(_ado.Server.LogEntries);
    }

    [Fact]
    public async Task With_omit_an_id_that_cannot_be_read_is_a_null_at_its_place()
    {
        ServeWorkItems(missing: new HashSet<int> { 305 });
        var ids = Enumerable.Range(1, 450).ToList();

        var items = await Client().GetWorkItemsAsync(ids, "Fabrikam", errorPolicy: WorkItemErrorPolicy.Omit);

        Assert.Equal(450, items.Count);
        Assert.Null(items[304]);
        Assert.Equal(306, items[305].Id);
        Assert.Equal([304], items.Select((item, index) => (item, index)).Where(p => p.item is null).Select(p => p.index));
    }

    [Fact]
    public async Task With_fail_the_first_part_that_fails_throws_and_the_parts_after_it_are_not_sent()
    {
        ServeWorkItems(missing: new HashSet<int> { 5 });
        var options = EmbeddedAdo.CreateOptions();
        options.SplitCallConcurrency = 1;

        var error = await Assert.ThrowsAsync<AdoApiException>(() => Client(options).GetWorkItemsAsync(Enumerable.Range(1, 450), "Fabrikam"));

        Assert.Equal(404, error.Status);
        Assert.Contains("TF401232: Work item 5 does not exist", error.Message);
        Assert.Single(_ado.Server.LogEntries);
    }

    [Fact]
    public async Task No_more_calls_are_in_flight_than_the_option_allows()
    {
        ServeWorkItems(delay: TimeSpan.FromMilliseconds(200));
        var inFlight = new InFlight();
        var options = EmbeddedAdo.CreateOptions();
        options.SplitCallConcurrency = 2;
        options.AddPolicy(inFlight, HttpPipelinePosition.PerRetry);

        var items = await Client(options).GetWorkItemsAsync(Enumerable.Range(1, 1000), "Fabrikam");

        Assert.Equal(1000, items.Count);
        Assert.Equal(5, _ado.Server.LogEntries.Count());
        Assert.InRange(inFlight.Most, 1, 2);
    }

    [Fact]
    public async Task The_call_with_its_response_stays_one_call()
    {
        ServeWorkItems();

        var response = await Client().GetWorkItemsWithResponseAsync([1, 2, 3], "Fabrikam");

        Assert.Equal([1, 2, 3], response.Value.Select(i => i.Id!.Value));
        Assert.Single(_ado.Server.LogEntries);
    }

    /// <summary>Counts the requests under way at once.</summary>
    private sealed class InFlight : HttpPipelinePolicy
    {
        private int _now;
        private int _most;

        public int Most => Volatile.Read(ref _most);

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var now = Interlocked.Increment(ref _now);
            int most;
            while (now > (most = Volatile.Read(ref _most)) && Interlocked.CompareExchange(ref _most, now, most) != most)
            {
            }
            try
            {
                await ProcessNextAsync(message, pipeline);
            }
            finally
            {
                Interlocked.Decrement(ref _now);
            }
        }
    }

    public void Dispose() => _ado.Dispose();
}
