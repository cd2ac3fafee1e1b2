using System.Web;
using AdoTypedSdk.WorkItemTracking;

namespace AdoTypedSdk.Tests.Customizations.WorkItemTracking;

/// <summary>
/// Reading any number of work items by id and learning which ADO did not return: reported under Omit, all named under Fail. The
/// splitting itself is the generated call's (<c>AdoTypedSdk.Runtime.Tests/Splitting/ItemLimitTests.cs</c>).
/// </summary>
public sealed class ManyWorkItemsTests : WorkItemStoreTests
{
    public ManyWorkItemsTests() => Store.AddMany(500, id => new() { ["System.Title"] = $"Item {id}" });

    [Fact]
    public async Task The_report_has_the_items_in_the_order_asked_with_a_duplicate_read_once()
    {
        var result = await WorkItems.ReadWorkItemsAsync([7, 3, 7, 250, 3], project: "Fabrikam", fields: [WorkItemFields.Title]);

        Assert.Equal([7, 3, 250], result.Items.Select(i => i.Id!.Value));
        Assert.Equal("Item 250", result.Items[2].GetField(WorkItemFields.Title));
        Assert.Empty(result.Missing);
        Assert.Equal([7, 3, 250], IdsOf(Assert.Single(RequestsTo("/_apis/wit/workitems?"))));
    }

    [Fact]
    public async Task An_empty_list_makes_no_request()
    {
        var result = await WorkItems.ReadWorkItemsAsync([]);

        Assert.Empty(result.Items);
        Assert.Empty(result.Missing);
        Assert.Empty(Store.Requests);
    }

    [Fact]
    public async Task Under_Omit_ids_that_do_not_exist_or_cannot_be_read_are_reported_with_why()
    {
        Store.Hide(300);

        var result = await WorkItems.ReadWorkItemsAsync([1, 9999, 300, 2, 8888], project: "Fabrikam");

        Assert.Equal([1, 2], result.Items.Select(i => i.Id!.Value));
        Assert.Equal([9999, 300, 8888], result.Missing.Select(m => m.Id));
        Assert.All(result.Missing, m => Assert.Contains("does not exist", m.Reason));
        Assert.All(RequestsTo("/_apis/wit/workitems?"), call => Assert.Contains("errorPolicy=Omit", call.PathAndQuery, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Under_Fail_the_call_with_missing_ids_throws_an_error_that_names_every_one_of_them()
    {
        var ids = Enumerable.Range(1, 200).Append(9001).Append(150).Append(9002).Append(9003).ToList();

        var failure = await Assert.ThrowsAsync<AdoApiException>(() =>
            WorkItems.ReadWorkItemsAsync(ids, project: "Fabrikam", errorPolicy: WorkItemErrorPolicy.Fail));

        Assert.Equal(404, failure.Status);
        Assert.Contains("3 of the 3 work items of this call do not exist or cannot be read by this identity: 9001, 9002, 9003.", failure.Message);
        Assert.Equal("WorkItemUnauthorizedAccessException", failure.ErrorCode);
        Assert.IsType<AdoApiException>(failure.InnerException);
    }

    private static List<int> IdsOf(AdoTypedSdk.Testing.EmbeddedWorkItems.RecordedRequest request) =>
        HttpUtility.ParseQueryString(new Uri("https://x" + request.PathAndQuery).Query)["ids"]!.Split(',').Select(int.Parse).ToList();
}
