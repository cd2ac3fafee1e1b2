using System.Diagnostics.Tracing;
using System.Reflection;

/// <summary>
/// Where one call's allocations go: runs a <see cref="CallCostBenchmarks"/> method many times and samples the runtime's allocation
/// ticks (an event about every 100 KB allocated, naming the type that crossed the mark), so the types that allocate most show up most.
/// Run: <c>dotnet run -c Release -- --allocations FullPipelineGet</c>.
/// </summary>
internal static class AllocationProfile
{
    public static async Task RunAsync(string methodName, int calls = 20_000)
    {
        var benchmarks = new CallCostBenchmarks();
        benchmarks.Setup();
        var method = typeof(CallCostBenchmarks).GetMethod(methodName, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new ArgumentException($"CallCostBenchmarks has no method {methodName}.");
        var call = () => (Task)method.Invoke(benchmarks, null)!;
        for (var i = 0; i < 200; i++)
            await call();

        using var ticks = new AllocationTicks();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < calls; i++)
            await call();
        var perCall = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)calls;

        var samples = ticks.Samples;
        Console.WriteLine($"{methodName}: {perCall / 1024:0.0} KB per call over {calls} calls; {samples.Values.Sum()} allocation ticks");
        foreach (var (type, count) in samples.OrderByDescending(s => s.Value).Take(30))
            Console.WriteLine($"  {100.0 * count / samples.Values.Sum(),5:0.0}%  ~{perCall * count / samples.Values.Sum() / 1024,6:0.0} KB  {type}");
    }

    private sealed class AllocationTicks : EventListener
    {
        private readonly Dictionary<string, int> _samples = [];

        public Dictionary<string, int> Samples
        {
            get
            {
                lock (_samples)
                    return new(_samples);
            }
        }

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
                EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: allocation ticks
        }

        protected override void OnEventWritten(EventWrittenEventArgs data)
        {
            if (data.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || data.PayloadNames is null)
                return;
            var type = data.Payload![data.PayloadNames.IndexOf("TypeName")] as string ?? "?";
            lock (_samples)
                _samples[type] = _samples.GetValueOrDefault(type) + 1;
        }
    }
}
