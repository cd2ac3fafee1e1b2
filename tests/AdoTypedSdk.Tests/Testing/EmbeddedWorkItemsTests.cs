using AdoTypedSdk.Testing;
using AdoTypedSdk.WorkItemTracking;
using Azure;

namespace AdoTypedSdk.Tests.Testing;

/// <summary>The testing kit's work items answer as ADO does: its limits, its errors, and the WIQL it evaluates.</summary>
public sealed class EmbeddedWorkItemsTests : IDisposable
{
    private readonly EmbeddedAdo _ado = new();
    private readonly EmbeddedWorkItems _store;
    private readonly AdoConnection _connection;

    public EmbeddedWorkItemsTests()
    {
        _store = new EmbeddedWorkItems(_ado);
        _connection = new AdoConnection(_ado.OrganizationUrl, new AzureKeyCredential("pat"), EmbeddedAdo.CreateOptions());
        _store.Add(new Dictionary<string, object?> { ["System.Title"] = "Login fails", ["System.State"] = "Active", ["System.AreaPath"] = @"Fabrikam\Web", ["Microsoft.VSTS.Common.Priority"] = 1, ["System.TeamProject"] = "Fabrikam" });
        _store.Add(new Dictionary<string, object?> { ["System.Title"] = "Slow search", ["System.State"] = "New", ["System.AreaPath"] = @"Fabrikam\Web\Search", ["Microsoft.VSTS.Common.Priority"] = 2, ["System.TeamProject"] = "Fabrikam" });
        _store.Add(new Dictionary<string, object?> { ["System.Title"] = "Typo", ["System.State"] = "Closed", ["System.AreaPath"] = @"Fabrikam\Docs", ["Microsoft.VSTS.Common.Priority"] = 3, ["System.TeamProject"] = "Other" });
    }

    public void Dispose() => _ado.Dispose();

    [Theory]
    [InlineData("[System.State] = 'Active' OR [System.State] = 'New'", new[] { 1, 2 })]
    [InlineData("NOT ([System.State] = 'Closed')", new[] { 1, 2 })]
    [InlineData("[System.State] IN ('New', 'Closed') AND [Microsoft.VSTS.Common.Priority] >= 2", new[] { 2, 3 })]
    [InlineData(@"[System.AreaPath] UNDER 'Fabrikam\Web'", new[] { 1, 2 })]
    [InlineData("[System.Title] CONTAINS 'search'", new[] { 2 })]
    [InlineData("[System.TeamProject] = @project AND [Microsoft.VSTS.Common.Priority] < 2", new[] { 1 })]
    public async Task A_flat_query_answers_the_items_its_conditions_match(string condition, int[] expected)
    {
        var result = await _connection.GetClient<WiqlClient>().QueryByWiqlAsync(new Wiql { Query = "SELECT [System.Id] FROM WorkItems WHERE " + condition }, project: "Fabrikam");

        Assert.Equal(expected, result.WorkItems!.Select(w => w.Id!.Value));
        Assert.Equal("flat", result.QueryType?.ToString().ToLowerInvariant());
    }

    [Fact]
    public async Task More_than_200_ids_and_a_query_it_cannot_read_are_ADOs_errors()
    {
        var tooMany = await Assert.ThrowsAsync<AdoApiException>(() => _connection.GetClient<WorkItemsClient>().GetWorkItemsWithResponseAsync(Enumerable.Range(1, 201)));
        var syntax = await Assert.ThrowsAsync<AdoApiException>(() => _connection.GetClient<WiqlClient>().QueryByWiqlAsync(new Wiql { Query = "SELECT FROM" }));

        Assert.Contains("VS403474: You requested 201 work items which exceeds the limit of 200", tooMany.Message);
        Assert.Equal(400, syntax.Status);
        Assert.Contains("VS402782", syntax.Message);
    }

    [Fact]
    public async Task An_item_reads_as_ADO_answers_it_and_an_update_adds_a_revision()
    {
        var item = await _connection.GetClient<WorkItemsClient>().GetWorkItemAsync(2);
        var saved = await _connection.GetClient<WorkItemsClient>().UpdateWorkItemAsync(new WorkItemPatch().Set(WorkItemFields.State, "Active"), 2);

        Assert.Equal((2, 1, "Slow search"), (item.Id, item.Rev, item.GetField(WorkItemFields.Title)));
        Assert.Equal(2, saved.Rev);
        Assert.Equal("Active", (string?)_store.GetField(2, "System.State"));
    }
}
