using AdoTypedSdk;
using AdoTypedSdk.Common;
using AdoTypedSdk.Testing;
using AdoTypedSdk.WorkItemTracking;
using BenchmarkDotNet.Attributes;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

/// <summary>
/// Reading and writing a page of 200 work items, built from Microsoft's recorded <c>GET _apis/wit/workitems?ids=…</c> example: with the
/// SDK's conventions (<see cref="AdoJson"/>: envelope, wire names, values kept when they do not fit) against plain Json.NET on the same
/// generated models.
/// </summary>
[MemoryDiagnoser]
public class WorkItemJsonBenchmarks
{
    private const int Items = 200;
    private readonly JsonSerializerSettings _sdk = new();
    // Plain Json.NET without the converter every model carries (which would lead it to the SDK's conventions).
    private readonly JsonSerializerSettings _plain = new() { ContractResolver = new WithoutModelConverters() };
    private string _page = "";
    private List<WorkItem> _items = [];

    [GlobalSetup]
    public void Setup()
    {
        AdoJson.Configure(_sdk);
        var example = Path.Combine(GeneratedSpecs.SpecRoot, "specification", "wit", GeneratedSpecs.ApiVersion, "httpExamples", "workItems", "GET__wit_WorkItems_ids-_ids___expand-all.json");
        var recorded = (JArray)JObject.Parse(File.ReadAllText(example))["responses"]!["200"]!["body"]!["value"]!;
        var page = new JArray(Enumerable.Range(0, Items).Select(i => recorded[i % recorded.Count].DeepClone()));
        _page = new JObject { ["count"] = Items, ["value"] = page }.ToString(Formatting.None);
        _items = JsonConvert.DeserializeObject<IReadOnlyList<WorkItem>>(_page, _sdk)!.ToList();
    }

    [Benchmark(Baseline = true)]
    public int ReadPlain() => JsonConvert.DeserializeObject<Page>(_page, _plain)!.Value.Count;

    [Benchmark]
    public int ReadSdk() => JsonConvert.DeserializeObject<IReadOnlyList<WorkItem>>(_page, _sdk)!.Count;

    [Benchmark]
    public int WritePlain() => JsonConvert.SerializeObject(_items, _plain).Length;

    [Benchmark]
    public int WriteSdk() => JsonConvert.SerializeObject(_items, _sdk).Length;

    private sealed class WithoutModelConverters : Newtonsoft.Json.Serialization.DefaultContractResolver
    {
        protected override Newtonsoft.Json.Serialization.JsonContract CreateContract(Type objectType)
        {
            var contract = base.CreateContract(objectType);
            if (contract.Converter is AdoTypedSdk.GeneratedCode.AdoModelConverter)
                contract.Converter = null;
            return contract;
        }
    }

    /// <summary>The envelope a hand-written client declares to read a list with plain Json.NET.</summary>
    public sealed class Page
    {
        public List<WorkItem> Value { get; set; } = [];
    }
}
