using AdoTypedSdk.WorkItemTracking;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Tests.Customizations.WorkItemTracking;

/// <summary>WIQL queries past ADO's 20,000 results: flat queries walked in id windows; ordered and link queries answered once or refused.</summary>
public sealed class QueryWalkTests : WorkItemStoreTests
{
    private const string ActiveItems = "SELECT [System.Id] FROM WorkItems WHERE [System.State] = 'Active'";

    [Fact]
    public async Task A_flat_query_of_45000_results_is_walked_in_windows_with_no_id_repeated_or_lost()
    {
        Store.AddMany(46_000, id => new() { ["System.State"] = id % 46 == 0 ? "Closed" : "Active" });
        var expected = Enumerable.Range(1, 46_000).Where(id => id % 46 != 0).ToList();
        Assert.Equal(45_000, expected.Count);

        var pages = new List<IReadOnlyList<int>>();
        await foreach (var page in Wiql.QueryWorkItemIdsAsync(ActiveItems, project: "Fabrikam").AsPages())
            pages.Add(page.Values);

        Assert.Equal(expected, pages.SelectMany(p => p));
        Assert.Equal([20_000, 20_000, 5_000], pages.Select(p => p.Count));
        var queries = RequestsTo("/_apis/wit/wiql");
        Assert.Equal(3, queries.Count);
        Assert.All(queries, q => Assert.Contains("$top=20000", Uri.UnescapeDataString(q.PathAndQuery)));
        Assert.Equal(
            ["([System.State] = 'Active') AND [System.Id] > 0 ORDER BY", "AND [System.Id] > " + expected[19_999] + " ORDER BY", "AND [System.Id] > " + expected[39_999] + " ORDER BY"],
            queries.Select(q => (string)JObject.Parse(q.Body!)["query"]!).Select(Between));
    }

    [Fact]
    public async Task A_walk_resumes_after_the_last_id_of_a_page_from_its_continuation_token()
    {
        Store.AddMany(30, _ => new() { ["System.State"] = "Active" });
        var first = await Wiql.QueryWorkItemIdsAsync(ActiveItems).AsPages(pageSizeHint: 10).FirstAsync();

        var rest = new List<int>();
        await foreach (var page in Wiql.QueryWorkItemIdsAsync(ActiveItems).AsPages(first.ContinuationToken, 10))
            rest.AddRange(page.Values);

        Assert.Equal("10", first.ContinuationToken);
        Assert.Equal(Enumerable.Range(11, 20), rest);
    }

    [Fact]
    public async Task A_value_that_holds_clause_keywords_is_left_alone()
    {
        Store.Add(new Dictionary<string, object?> { ["System.Title"] = "ORDER BY x WHERE y" });
        Store.Add(new Dictionary<string, object?> { ["System.Title"] = "other" });

        var ids = await Wiql.QueryWorkItemIdsAsync("SELECT [System.Id] FROM WorkItems WHERE [System.Title] = 'ORDER BY x WHERE y'").ToListAsync();

        Assert.Equal([1], ids);
    }

    [Fact]
    public async Task A_query_ordered_by_another_field_keeps_its_order_within_the_limit()
    {
        Store.AddMany(5, id => new() { ["System.Title"] = $"Item {id}" });

        var ids = await Wiql.QueryWorkItemIdsAsync("SELECT [System.Id] FROM WorkItems ORDER BY [System.Title] DESC").ToListAsync();

        Assert.Equal([5, 4, 3, 2, 1], ids);
        Assert.DoesNotContain("$top", Uri.UnescapeDataString(Assert.Single(RequestsTo("/_apis/wit/wiql")).PathAndQuery));
    }

    [Fact]
    public async Task A_query_ordered_by_another_field_past_the_limit_fails_with_an_error_that_says_which_form_is_walked()
    {
        Store.AddMany(20_001, _ => new() { ["System.Title"] = "Same" });

        var failure = await Assert.ThrowsAsync<AdoApiException>(async () =>
            await Wiql.QueryWorkItemIdsAsync("SELECT [System.Id] FROM WorkItems ORDER BY [System.Title]").ToListAsync());

        Assert.Equal(400, failure.Status);
        Assert.Contains("the query is ordered by [System.Title], and matches more than 20,000 items, the most ADO returns for one query (VS402337). Drop its ORDER BY", failure.Message);
    }

    [Fact]
    public async Task A_link_query_past_the_limit_fails_naming_the_limit_and_how_to_narrow_it_and_no_item_is_read()
    {
        Store.AddMany(20_002, _ => new() { ["System.State"] = "Active" });
        for (var child = 2; child <= 20_002; child++)
            Store.AddLink(1, child);

        var failure = await Assert.ThrowsAsync<AdoApiException>(async () =>
            await Wiql.QueryWorkItemsAsync("SELECT [System.Id] FROM WorkItemLinks WHERE [Source].[System.State] = 'Active' MODE (MustContain)").ToListAsync());

        Assert.Contains("the link query matches more than 20,000 links, the most ADO returns for one query (VS402337), and a link query cannot be walked in windows. Narrow it", failure.Message);
        Assert.Single(RequestsTo("/_apis/wit/wiql"));
        Assert.Empty(RequestsTo("/_apis/wit/workitems"));
    }

    [Fact]
    public async Task A_link_query_within_the_limit_answers_the_links_targets()
    {
        Store.AddMany(4, _ => new() { ["System.State"] = "Active" });
        Store.AddLink(1, 3);
        Store.AddLink(1, 4);

        var ids = await Wiql.QueryWorkItemIdsAsync("SELECT [System.Id] FROM WorkItemLinks WHERE [Source].[System.Id] = 1").ToListAsync();

        Assert.Equal([1, 3, 4], ids);
    }

    [Fact]
    public async Task A_query_longer_than_ADO_takes_or_without_FROM_is_refused_before_anything_is_sent()
    {
        var tooLong = ActiveItems + " AND [System.Title] = '" + new string('x', AdoLimits.QueryLength) + "'";

        var length = Assert.Throws<ArgumentException>(() => Wiql.QueryWorkItemIdsAsync(tooLong));
        var noFrom = Assert.Throws<ArgumentException>(() => Wiql.QueryWorkItemIdsAsync("SELECT [System.Id] WHERE [System.Id] > 1"));

        Assert.Equal("wiql", length.ParamName);
        Assert.Contains("ADO takes at most 32,000 (AdoLimits.QueryLength)", length.Message);
        Assert.Contains("has no FROM WorkItems (a flat query) or FROM WorkItemLinks", noFrom.Message);
        Assert.Empty(Store.Requests);
    }

    [Fact]
    public async Task The_work_items_of_a_query_are_read_in_calls_of_200_in_the_querys_order()
    {
        Store.AddMany(450, id => new() { ["System.State"] = "Active", ["System.Title"] = $"Item {id}" });
        Store.Hide(17);

        var items = await Wiql.QueryWorkItemsAsync(ActiveItems, [WorkItemFields.Title], project: "Fabrikam").ToListAsync();

        Assert.Equal(Enumerable.Range(1, 450).Where(id => id != 17), items.Select(i => i.Id!.Value));
        Assert.Equal("Item 450", items[^1].GetField(WorkItemFields.Title));
        Assert.Equal(3, RequestsTo("/_apis/wit/workitems?").Count);
    }

    /// <summary>The part of a window's query from its condition's last AND (or its opening parenthesis) to ORDER BY.</summary>
    private static string Between(string query)
    {
        var start = query.Contains("[System.Id] > 0", StringComparison.Ordinal) ? query.IndexOf('(') : query.LastIndexOf("AND [System.Id]", StringComparison.Ordinal);
        return query[start..(query.IndexOf(" ORDER BY", StringComparison.Ordinal) + " ORDER BY".Length)];
    }
}
