using AdoTypedSdk.Common;
using AdoTypedSdk.WorkItemTracking;
using Azure;
using Newtonsoft.Json;

namespace AdoTypedSdk.Tests.Customizations.WorkItemTracking;

/// <summary>Edits written as fields, links and tags; a stale revision is refused and nothing is overwritten.</summary>
public sealed class WorkItemPatchTests : WorkItemStoreTests
{
    private static readonly Uri Organization = new("https://dev.azure.com/fabrikam");

    [Fact]
    public void The_document_tests_the_revision_first_then_sets_fields_adds_links_and_tags()
    {
        var patch = new WorkItemPatch()
            .ExpectRevision(3)
            .Set(WorkItemFields.Title, "New title")
            .Set(WorkItemFields.Priority, 1)
            .Set(WorkItemFields.AssignedTo, new IdentityRef { UniqueName = "jamal@contoso.com", DisplayName = "Jamal" })
            .Remove(WorkItemFields.Description)
            .AddParent(100, "epic")
            .AddHyperlink(new Uri("https://contoso.com/spec"))
            .AddArtifactLink("vstfs:///Git/Commit/p%2Fr%2Fc", "Fixed in Commit")
            .AddTag(" triaged ");

        Assert.Equal(
            """
            [{"op":"test","path":"/rev","value":3},{"op":"add","path":"/fields/System.Title","value":"New title"},{"op":"add","path":"/fields/Microsoft.VSTS.Common.Priority","value":1},{"op":"add","path":"/fields/System.AssignedTo","value":"jamal@contoso.com"},{"op":"remove","path":"/fields/System.Description"},{"op":"add","path":"/relations/-","value":{"rel":"System.LinkTypes.Hierarchy-Reverse","url":"https://dev.azure.com/fabrikam/_apis/wit/workItems/100","attributes":{"comment":"epic"}}},{"op":"add","path":"/relations/-","value":{"rel":"Hyperlink","url":"https://contoso.com/spec"}},{"op":"add","path":"/relations/-","value":{"rel":"ArtifactLink","url":"vstfs:///Git/Commit/p%2Fr%2Fc","attributes":{"name":"Fixed in Commit"}}},{"op":"add","path":"/fields/System.Tags","value":"triaged"}]
            """,
            JsonConvert.SerializeObject(patch.ToOperations(Organization)));
    }

    [Fact]
    public async Task An_update_from_the_item_as_read_applies_fields_links_and_tags()
    {
        var parent = Store.Add(new Dictionary<string, object?> { ["System.Title"] = "Epic" });
        var id = Store.Add(new Dictionary<string, object?> { ["System.Title"] = "Old", ["System.Tags"] = "keep; drop" });
        var item = await WorkItems.GetWorkItemAsync(id, expand: WorkItemExpand.Relations);

        var saved = await WorkItems.UpdateWorkItemAsync(WorkItemPatch.For(item).Set(WorkItemFields.Title, "New").AddParent(parent).AddTag("new").RemoveTag("drop"), id);

        Assert.Equal(2, saved.Rev);
        Assert.Equal("New", saved.GetField(WorkItemFields.Title));
        Assert.Equal(["keep", "new"], saved.GetField(WorkItemFields.Tags));
        Assert.EndsWith($"/_apis/wit/workItems/{parent}", Assert.Single(saved.Relations!).Url);

        var again = await WorkItems.GetWorkItemAsync(id, expand: WorkItemExpand.Relations);
        var removed = await WorkItems.UpdateWorkItemAsync(WorkItemPatch.For(again).RemoveParent(parent), id);
        Assert.Empty(removed.Relations ?? []);
    }

    [Fact]
    public async Task A_stale_revision_is_a_412_and_the_other_change_stays()
    {
        var id = Store.Add(new Dictionary<string, object?> { ["System.Title"] = "Read" });
        var item = await WorkItems.GetWorkItemAsync(id);
        Store.Change(id, "System.Title", "Someone else's");

        RequestFailedException? stale = null;
        try
        {
            await WorkItems.UpdateWorkItemAsync(WorkItemPatch.For(item).Set(WorkItemFields.Title, "Mine"), id);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            stale = e;
        }

        Assert.NotNull(stale);
        Assert.Contains("TF26071", stale.Message);
        Assert.Equal("Someone else's", (string?)Store.GetField(id, "System.Title"));
        Assert.Single(RequestsTo($"/_apis/wit/workitems/{id}"), r => r.Method == "PATCH");
    }

    [Fact]
    public async Task A_new_item_is_created_with_its_fields_links_and_tags()
    {
        var parent = Store.Add(new Dictionary<string, object?> { ["System.Title"] = "Epic" });

        var created = await WorkItems.CreateWorkItemAsync(
            new WorkItemPatch().Set(WorkItemFields.Title, "Child").AddParent(parent).AddTag("a").AddTag("b"), "Fabrikam", "Task");

        Assert.Equal(1, created.Rev);
        Assert.Equal("Task", created.GetField(WorkItemFields.WorkItemType));
        Assert.Equal(["a", "b"], created.GetField(WorkItemFields.Tags));
        Assert.Single(created.Relations!);
    }

    [Fact]
    public void Removing_a_tag_or_link_without_the_items_current_state_is_refused_before_sending()
    {
        var tag = Assert.Throws<InvalidOperationException>(() => new WorkItemPatch().RemoveTag("old").ToOperations(Organization));
        var link = Assert.Throws<InvalidOperationException>(() => new WorkItemPatch().RemoveParent(5).ToOperations(Organization));

        Assert.Contains("WorkItemPatch.For(workItem)", tag.Message);
        Assert.Contains("WorkItemPatch.For(workItem)", link.Message);
    }

    [Fact]
    public void Removing_a_link_the_item_does_not_have_names_the_link()
    {
        var item = new WorkItem { Id = 7, Rev = 2, Relations = [] };

        var missing = Assert.Throws<InvalidOperationException>(() => WorkItemPatch.For(item).RemoveChild(9).ToOperations(Organization));

        Assert.Equal("Work item 7 has no System.LinkTypes.Hierarchy-Forward link to work item 9.", missing.Message);
    }

    [Fact]
    public void Hostile_names_tags_and_addresses_are_refused_with_the_parameter_named()
    {
        Assert.Equal("referenceName", Assert.Throws<ArgumentException>(() => new WorkItemPatch().Set("System.Title/../System.Rev", "x")).ParamName);
        Assert.Equal("referenceName", Assert.Throws<ArgumentException>(() => new WorkItemPatch().Set("System.Title\r\nX-Injected: 1", "x")).ParamName);
        Assert.Equal("tag", Assert.Throws<ArgumentException>(() => new WorkItemPatch().AddTag("a; b")).ParamName);
        Assert.Equal("artifactUri", Assert.Throws<ArgumentException>(() => new WorkItemPatch().AddArtifactLink("vstfs:///Git/Commit/x\r\ny", "Branch")).ParamName);
        Assert.Equal("url", Assert.Throws<ArgumentException>(() => new WorkItemPatch().AddHyperlink(new Uri("file:///etc/passwd"))).ParamName);
        Assert.Equal("parentId", Assert.Throws<ArgumentOutOfRangeException>(() => new WorkItemPatch().AddParent(0)).ParamName);
        Assert.Equal("field", Assert.Throws<ArgumentException>(() => new WorkItemPatch().Set(WorkItemFields.Tags, ["a"])).ParamName);
    }

    [Fact]
    public void More_tags_than_ADO_allows_on_one_item_are_refused_naming_the_limit()
    {
        var item = new WorkItem { Id = 1, Rev = 1, Fields = new Dictionary<string, Newtonsoft.Json.Linq.JToken> { ["System.Tags"] = string.Join("; ", Enumerable.Range(1, 100).Select(i => $"t{i}")) } };

        var tooMany = Assert.Throws<InvalidOperationException>(() => WorkItemPatch.For(item).AddTag("one more").ToOperations(Organization));

        Assert.Equal("The item would have 101 tags; ADO allows 100 on one work item.", tooMany.Message);
    }
}
