using System.Net;
using System.Text;
using AdoTypedSdk;
using AdoTypedSdk.Common;
using AdoTypedSdk.Testing;
using AdoTypedSdk.WorkItemTracking;
using Azure.Core;
using Azure.Core.Pipeline;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

/// <summary>
/// What one call costs, from an in-memory <see cref="HttpMessageHandler"/> answering with Microsoft's recorded bodies (no network):
/// a hand-written <see cref="HttpClient"/> call with Json.NET into a small model (the baseline), the SDK on a caller's HttpClient, and the
/// SDK through its full pipeline (cached bearer token, retry, logging, tracing). Three shapes: one work item, a page of 200, a JSON-Patch
/// update. Ratios are per shape. Every call's result is checked once before measuring, so a broken call cannot look fast.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CallCostBenchmarks
{
    private static readonly Uri Organization = new("https://dev.azure.com/fabrikam");
    private static readonly JsonPatchOperation[] Title = [new() { Op = JsonPatchOperationType.Add, Path = "/fields/System.Title", Value = "Renamed" }];
    private readonly JsonSerializer _plain = JsonSerializer.CreateDefault();
    private HttpClient _handWritten = null!;
    private WorkItemsClient _onCallersClient = null!;
    private WorkItemsClient _fullPipeline = null!;

    [GlobalSetup]
    public void Setup()
    {
        var examples = Path.Combine(GeneratedSpecs.SpecRoot, "specification", "wit", GeneratedSpecs.ApiVersion, "httpExamples", "workItems");
        var item = Recorded(Path.Combine(examples, "GET__wit_WorkItems_id.json"));
        var recordedPage = (JArray)JObject.Parse(Recorded(Path.Combine(examples, "GET__wit_WorkItems_ids-_ids___expand-all.json")))["value"]!;
        var page = new JObject { ["count"] = 200, ["value"] = new JArray(Enumerable.Range(0, 200).Select(i => recordedPage[i % recordedPage.Count].DeepClone())) }.ToString(Formatting.None);
        var handler = new RecordedHandler(item, page);

        _handWritten = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri(Organization + "/") };
        _onCallersClient = new AdoConnection(new HttpClient(handler, disposeHandler: false) { BaseAddress = Organization }).GetClient<WorkItemsClient>();
        // Azure.Core's transport, which a connection uses when its options set none, over the in-memory handler.
        var options = new AdoClientOptions { Transport = new HttpClientTransport(handler) };
        _fullPipeline = new AdoConnection(Organization, new StaticToken(), options).GetClient<WorkItemsClient>();

        Check(HandWrittenGet().GetAwaiter().GetResult().Id, OnCallersClientGet().GetAwaiter().GetResult().Id, FullPipelineGet().GetAwaiter().GetResult().Id);
        Check(HandWrittenPage().GetAwaiter().GetResult(), OnCallersClientPage().GetAwaiter().GetResult(), FullPipelinePage().GetAwaiter().GetResult());
        Check(HandWrittenUpdate().GetAwaiter().GetResult().Id, OnCallersClientUpdate().GetAwaiter().GetResult().Id, FullPipelineUpdate().GetAwaiter().GetResult().Id);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("GET work item")]
    public async Task<SmallWorkItem> HandWrittenGet()
    {
        using var response = await _handWritten.GetAsync("_apis/wit/workitems/12?api-version=7.1");
        return await Read<SmallWorkItem>(response);
    }

    [Benchmark, BenchmarkCategory("GET work item")]
    public Task<WorkItem> OnCallersClientGet() => _onCallersClient.GetWorkItemAsync(12);

    [Benchmark, BenchmarkCategory("GET work item")]
    public Task<WorkItem> FullPipelineGet() => _fullPipeline.GetWorkItemAsync(12);

    [Benchmark(Baseline = true), BenchmarkCategory("GET 200 work items")]
    public async Task<int> HandWrittenPage()
    {
        using var response = await _handWritten.GetAsync("_apis/wit/workitems?ids=1,2&api-version=7.1");
        return (await Read<Envelope<SmallWorkItem>>(response)).Value.Count;
    }

    [Benchmark, BenchmarkCategory("GET 200 work items")]
    public async Task<int> OnCallersClientPage() => (await _onCallersClient.GetWorkItemsAsync([1, 2])).Count;

    [Benchmark, BenchmarkCategory("GET 200 work items")]
    public async Task<int> FullPipelinePage() => (await _fullPipeline.GetWorkItemsAsync([1, 2])).Count;

    [Benchmark(Baseline = true), BenchmarkCategory("PATCH work item")]
    public async Task<SmallWorkItem> HandWrittenUpdate()
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, "_apis/wit/workitems/12?api-version=7.1")
        {
            Content = new StringContent(JsonConvert.SerializeObject(new[] { new { op = "add", path = "/fields/System.Title", value = "Renamed" } }), Encoding.UTF8, "application/json-patch+json"),
        };
        using var response = await _handWritten.SendAsync(request);
        return await Read<SmallWorkItem>(response);
    }

    [Benchmark, BenchmarkCategory("PATCH work item")]
    public Task<WorkItem> OnCallersClientUpdate() => _onCallersClient.UpdateWorkItemAsync(Title, 12);

    [Benchmark, BenchmarkCategory("PATCH work item")]
    public Task<WorkItem> FullPipelineUpdate() => _fullPipeline.UpdateWorkItemAsync(Title, 12);

    private async Task<T> Read<T>(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = new JsonTextReader(new StreamReader(stream));
        return _plain.Deserialize<T>(reader)!;
    }

    private static string Recorded(string example) => JObject.Parse(File.ReadAllText(example))["responses"]!["200"]!["body"]!.ToString(Formatting.None);

    private static void Check<T>(T handWritten, T onCallersClient, T fullPipeline)
    {
        if (!EqualityComparer<T>.Default.Equals(handWritten, onCallersClient) || !EqualityComparer<T>.Default.Equals(handWritten, fullPipeline))
            throw new InvalidOperationException($"The calls disagree: {handWritten}, {onCallersClient}, {fullPipeline}.");
    }

    /// <summary>The small model a hand-written client would declare.</summary>
    public sealed record SmallWorkItem(int Id, int Rev, Dictionary<string, object> Fields, string Url);

    private sealed record Envelope<T>(int Count, List<T> Value);

    /// <summary>Answers <c>workitems/12</c> and its PATCH with the recorded work item, <c>workitems?ids</c> with the page.</summary>
    private sealed class RecordedHandler(string item, string page) : HttpMessageHandler
    {
        private readonly byte[] _item = Encoding.UTF8.GetBytes(item);
        private readonly byte[] _page = Encoding.UTF8.GetBytes(page);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.RequestUri!.AbsolutePath.EndsWith("/workitems", StringComparison.Ordinal) ? _page : _item;
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
