using System.Web;
using AdoTypedSdk.Common;
using AdoTypedSdk.Testing;
using AdoTypedSdk.Tests.Infrastructure;
using AdoTypedSdk.WorkItemTracking;
using Azure.Core;
using Azure.Core.Pipeline;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Runtime.Tests.Splitting;

/// <summary>
/// A call whose list has a documented maximum (work item ids, 200 a call) takes any number: it is split into calls of 200, each id asked
/// once, a few calls at a time, and the answers come back in the caller's order.
/// </summary>
public sealed class ItemLimitTests : IDisposable
{
    private readonly EmbeddedAdo _ado = new();
    private readonly EmbeddedWorkItems _store;

    public ItemLimitTests()
    {
        _store = new EmbeddedWorkItems(_ado);
        _store.AddMany(1000, id => new() { ["System.Title"] = $"Item {id}" });
    }

    /// <summary>The ids of each read, in the order the store received them.</summary>
    private List<List<int>> IdsSent() =>
        _store.Requests.Where(r => r.Method == "GET").Select(r => HttpUtility.ParseQueryString(new Uri("https://x" + r.PathAndQuery).Query)["ids"]!.Split(',').Select(int.Parse).ToList()).ToList();

    private WorkItemsClient Client(AdoClientOptions? options = null) => _ado.Connect(new FakeCredential(), options).GetClient<WorkItemsClient>();

    [Fact]
    public async Task Four_hundred_fifty_ids_are_three_calls_answered_in_the_callers_order()
    {
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
        var items = await Client().GetWorkItemsAsync([], "Fabrikam");

        Assert.Empty(items);
        Assert.Empty(_store.Requests);
    }

    [Fact]
    public async Task With_omit_an_id_that_cannot_be_read_is_a_null_at_its_place()
    {
        _store.Hide(305);
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
        _store.Hide(5);
        var options = EmbeddedAdo.CreateOptions();
        options.SplitCallConcurrency = 1;

        var error = await Assert.ThrowsAsync<AdoApiException>(() => Client(options).GetWorkItemsAsync(Enumerable.Range(1, 450), "Fabrikam"));

        Assert.Equal(404, error.Status);
        Assert.Contains("TF401232: Work item 5 does not exist", error.Message);
        Assert.Single(_store.Requests);
    }

    [Fact]
    public async Task No_more_calls_are_in_flight_than_the_option_allows()
    {
        _store.CallDelay = TimeSpan.FromMilliseconds(200);
        var inFlight = new InFlight();
        var options = EmbeddedAdo.CreateOptions();
        options.SplitCallConcurrency = 2;
        options.AddPolicy(inFlight, HttpPipelinePosition.PerRetry);

        var items = await Client(options).GetWorkItemsAsync(Enumerable.Range(1, 1000), "Fabrikam");

        Assert.Equal(1000, items.Count);
        Assert.Equal(5, _store.Requests.Count);
        Assert.InRange(inFlight.Most, 1, 2);
    }

    [Fact]
    public async Task The_call_with_its_response_stays_one_call()
    {
        var response = await Client().GetWorkItemsWithResponseAsync([1, 2, 3], "Fabrikam");

        Assert.Equal([1, 2, 3], response.Value.Select(i => i.Id!.Value));
        Assert.Single(_store.Requests);
    }

    [Fact]
    public async Task A_list_in_the_request_body_is_split_too_and_the_rest_of_the_body_goes_with_each_part()
    {
        var body = new WorkItemBatchGetRequest { Ids = [.. Enumerable.Range(1, 450).Reverse()], Fields = ["System.Title"], ErrorPolicy = WorkItemErrorPolicy.Omit };

        var items = await Client().GetWorkItemsBatchAsync(body, "Fabrikam");

        Assert.Equal(body.Ids, items.Select(i => i.Id!.Value));
        Assert.Equal(450, body.Ids.Count);
        var sent = _store.Requests.Select(r => JObject.Parse(r.Body!)).ToList();
        Assert.Equal(3, sent.Count);
        Assert.All(sent, part => Assert.InRange(((JArray)part["ids"]!).Count, 1, 200));
        Assert.All(sent, part => Assert.Equal(("System.Title", "omit"), ((string?)part["fields"]![0], (string?)part["errorPolicy"])));
        Assert.Equal(Enumerable.Range(1, 450), sent.SelectMany(part => part["ids"]!.Values<int>()).Order());
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
