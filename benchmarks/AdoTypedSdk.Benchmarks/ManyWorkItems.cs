using System.Diagnostics;
using AdoTypedSdk;
using AdoTypedSdk.Testing;
using AdoTypedSdk.WorkItemTracking;

/// <summary>
/// Reading 2,000 work items by id from the embedded ADO (<see cref="EmbeddedWorkItems"/>, over loopback TLS) with a fixed server delay per
/// call: the SDK's <c>GetWorkItemsAsync</c> with all 2,000 ids (calls of 200, <c>SplitCallConcurrency</c> at a time) against a naive loop
/// that sends the same calls of 200 one after another. Each way runs 5 times after a warm-up; the figures are medians.
/// Run: dotnet run -c Release -- --many-work-items
/// </summary>
internal static class ManyWorkItems
{
    private const int Items = 2_000, Runs = 5;

    public static async Task RunAsync()
    {
        using var ado = new EmbeddedAdo();
        var store = new EmbeddedWorkItems(ado);
        store.AddMany(Items, id => new() { ["System.Title"] = $"Item {id}", ["System.State"] = "Active" });
        var ids = Enumerable.Range(1, Items).ToList();
        foreach (var delay in new[] { TimeSpan.Zero, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200) })
        {
            store.CallDelay = delay;
            foreach (var concurrency in new[] { 4, 8 })
            {
                var options = EmbeddedAdo.CreateOptions();
                options.SplitCallConcurrency = concurrency;
                var workItems = new AdoConnection(ado.OrganizationUrl, new StaticToken(), options).GetClient<WorkItemsClient>();
                await workItems.GetWorkItemsAsync(ids.Take(10));

                var helper = await MedianAsync(async () => Check(await workItems.GetWorkItemsAsync(ids)));
                var naive = await MedianAsync(async () =>
                {
                    var all = new List<AdoTypedSdk.Common.WorkItem>(Items);
                    foreach (var part in ids.Chunk(AdoLimits.WorkItemIdsPerCall))
                        all.AddRange(await workItems.GetWorkItemsAsync(part));
                    Check(all);
                });
                Console.WriteLine($"server delay {delay.TotalMilliseconds,4:0} ms, SplitCallConcurrency {concurrency}: GetWorkItemsAsync(2,000 ids) {helper.TotalMilliseconds,6:0} ms; naive loop of 10 calls {naive.TotalMilliseconds,6:0} ms; {naive / helper:0.0}x");
            }
        }
    }

    private static void Check(IReadOnlyList<AdoTypedSdk.Common.WorkItem> items)
    {
        if (items.Count != Items || items[^1].Id != Items)
            throw new InvalidOperationException($"read {items.Count} items");
    }

    private static async Task<TimeSpan> MedianAsync(Func<Task> run)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < Runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await run();
            times.Add(clock.Elapsed);
        }
        return times.Order().ElementAt(Runs / 2);
    }
}
