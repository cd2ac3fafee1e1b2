using System.Diagnostics;
using System.Reflection;

/// <summary>
/// Time ratios that hold on a shared, loaded machine: the calls of one shape take turns, round after round, so a change in the machine's
/// load falls on all of them alike (BenchmarkDotNet measures one method after another, and its ratios moved by ±30% between runs here).
/// Each round times a batch of calls per method; a method's figure is the median of its rounds.
/// Run: <c>dotnet run -c Release -- --interleaved</c>.
/// </summary>
internal static class InterleavedTiming
{
    private static readonly (string Shape, string Baseline, string[] Others, int Batch)[] Shapes =
    [
        ("GET work item", nameof(CallCostBenchmarks.HandWrittenGet), [nameof(CallCostBenchmarks.OnCallersClientGet), nameof(CallCostBenchmarks.FullPipelineGet)], 2000),
        ("GET 200 work items", nameof(CallCostBenchmarks.HandWrittenPage), [nameof(CallCostBenchmarks.OnCallersClientPage), nameof(CallCostBenchmarks.FullPipelinePage)], 10),
        ("PATCH work item", nameof(CallCostBenchmarks.HandWrittenUpdate), [nameof(CallCostBenchmarks.OnCallersClientUpdate), nameof(CallCostBenchmarks.FullPipelineUpdate)], 2000),
    ];

    public static async Task RunAsync(int rounds = 31)
    {
        var benchmarks = new CallCostBenchmarks();
        benchmarks.Setup(); // checks that every call returns the same answer
        foreach (var (shape, baseline, others, batch) in Shapes)
        {
            string[] methods = [baseline, .. others];
            var calls = methods.Select(name => Call(benchmarks, name)).ToArray();
            var times = methods.Select(_ => new List<double>()).ToArray();
            for (var round = -3; round < rounds; round++) // three warm-up rounds
            {
                for (var turn = 0; turn < methods.Length; turn++)
                {
                    var index = (turn + Math.Max(round, 0)) % methods.Length; // each method goes first as often as the others
                    GC.Collect();
                    var stopwatch = Stopwatch.StartNew();
                    for (var i = 0; i < batch; i++)
                        await calls[index]();
                    if (round >= 0)
                        times[index].Add(stopwatch.Elapsed.TotalMicroseconds / batch);
                }
            }
            var medians = times.Select(Median).ToArray();
            Console.WriteLine($"{shape}: {rounds} rounds of {batch} calls each, medians");
            for (var i = 0; i < methods.Length; i++)
                Console.WriteLine($"  {methods[i],-22} {medians[i],10:0.0} µs  {medians[i] / medians[0]:0.00}x  (rounds' middle half {Quantile(times[i], 0.25) / medians[0]:0.00}–{Quantile(times[i], 0.75) / medians[0]:0.00}x)");
        }
    }

    private static Func<Task> Call(CallCostBenchmarks benchmarks, string name)
    {
        var method = typeof(CallCostBenchmarks).GetMethod(name, BindingFlags.Public | BindingFlags.Instance)!;
        // Every benchmark method returns a Task<T>, which binds to Func<Task>.
        return (Func<Task>)Delegate.CreateDelegate(typeof(Func<Task>), benchmarks, method);
    }

    private static double Median(List<double> values) => Quantile(values, 0.5);

    private static double Quantile(List<double> values, double q)
    {
        var sorted = values.Order().ToList();
        var position = q * (sorted.Count - 1);
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }
}
