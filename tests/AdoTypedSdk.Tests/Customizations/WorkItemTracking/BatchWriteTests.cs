using AdoTypedSdk.WorkItemTracking;
using Azure;

namespace AdoTypedSdk.Tests.Customizations.WorkItemTracking;

/// <summary>Many updates or creations at once: each item's outcome, one failure hiding none of the others, no write sent twice.</summary>
public sealed class BatchWriteTests : WorkItemStoreTests
{
    [Fact]
    public async Task One_stale_item_fails_alone_and_every_other_update_is_saved()
    {
        Store.AddMany(10, id => new() { ["System.Title"] = $"Item {id}" });
        var read = await WorkItems.GetWorkItemsAsync(Enumerable.Range(1, 10));
        Store.Change(4, "System.Title", "Changed meanwhile");

        var results = await WorkItems.UpdateWorkItemsAsync(read.Select(item =>
            KeyValuePair.Create(item.Id!.Value, WorkItemPatch.For(item).Set(WorkItemFields.State, "Closed"))));

        Assert.Equal(Enumerable.Range(0, 10), results.Select(r => r.Index));
        Assert.Equal(Enumerable.Range(1, 10).Select(id => (int?)id), results.Select(r => r.Id));
        var failed = Assert.Single(results, r => !r.Succeeded);
        Assert.Equal(4, failed.Id);
        Assert.Equal(412, Assert.IsType<AdoApiException>(failed.Error).Status);
        Assert.Null(failed.WorkItem);
        Assert.All(results.Where(r => r.Succeeded), r => Assert.Equal("Closed", r.WorkItem!.GetField(WorkItemFields.State)));
        Assert.Equal("Changed meanwhile", (string?)Store.GetField(4, "System.Title"));
        Assert.Equal(10, Store.Requests.Count(r => r.Method == "PATCH"));
    }

    [Fact]
    public async Task A_patch_that_cannot_be_written_is_that_items_outcome()
    {
        Store.AddMany(2, id => new() { ["System.Title"] = $"Item {id}" });

        var results = await WorkItems.UpdateWorkItemsAsync(
            [KeyValuePair.Create(1, new WorkItemPatch().RemoveTag("x")), KeyValuePair.Create(2, new WorkItemPatch().AddTag("y"))]);

        Assert.IsType<InvalidOperationException>(results[0].Error);
        Assert.True(results[1].Succeeded);
        Assert.Equal(1, Store.Requests.Count(r => r.Method == "PATCH"));
    }

    [Fact]
    public async Task Many_new_items_are_created_each_once_with_their_ids()
    {
        var results = await WorkItems.CreateWorkItemsAsync(
            Enumerable.Range(1, 25).Select(i => new WorkItemPatch().Set(WorkItemFields.Title, $"New {i}")), "Fabrikam", "Task");

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(25, results.Select(r => r.Id).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 25).Select(i => $"New {i}"), results.Select(r => r.WorkItem!.GetField(WorkItemFields.Title)));
        Assert.Equal(25, Store.Count);
        Assert.Equal(25, Store.Requests.Count(r => r.Method == "POST"));
    }
}
