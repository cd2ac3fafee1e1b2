using AdoTypedSdk.Common;
using AdoTypedSdk.WorkItemTracking;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Tests.Customizations.WorkItemTracking;

/// <summary>Typed reads of a work item's fields: identities, dates, tags and numbers as their types, a missing field as null.</summary>
public sealed class WorkItemFieldsTests
{
    private static readonly WorkItem Item = new()
    {
        Id = 12,
        Fields = new Dictionary<string, JToken>
        {
            ["System.Title"] = "Fix the login page",
            ["Microsoft.VSTS.Common.Priority"] = 2,
            ["Microsoft.VSTS.Scheduling.RemainingWork"] = 3.5,
            ["System.CreatedDate"] = "2014-12-29T20:49:21.617Z",
            ["System.AssignedTo"] = JObject.Parse("""{ "displayName": "Jamal Hartnett", "uniqueName": "fabrikamfiber4@hotmail.com", "id": "d291b0c4-a05c-4ea6-8df1-4b41d5f39eff" }"""),
            ["System.CreatedBy"] = "Chuck Reinhart <fabrikamfiber3@hotmail.com>",
            ["System.Tags"] = "Tag0; Tag1; Tag2",
            ["System.BoardColumnDone"] = false,
            ["Custom.Team"] = "Blue",
        },
    };

    [Fact]
    public void Each_field_reads_as_its_type()
    {
        Assert.Equal("Fix the login page", Item.GetField(WorkItemFields.Title));
        Assert.Equal(2, Item.GetField(WorkItemFields.Priority));
        Assert.Equal(3.5, Item.GetField(WorkItemFields.RemainingWork));
        Assert.Equal(new DateTimeOffset(2014, 12, 29, 20, 49, 21, 617, TimeSpan.Zero), Item.GetField(WorkItemFields.CreatedDate));
        Assert.False(Item.GetField(WorkItemFields.BoardColumnDone));
        Assert.Equal(["Tag0", "Tag1", "Tag2"], Item.GetField(WorkItemFields.Tags));
        Assert.Equal("Blue", Item.GetField<string>("Custom.Team"));
    }

    [Fact]
    public void An_identity_reads_as_an_identity_from_an_object_or_from_the_older_text_form()
    {
        var assigned = Item.GetField(WorkItemFields.AssignedTo)!;
        var creator = Item.GetField(WorkItemFields.CreatedBy)!;

        Assert.Equal(("Jamal Hartnett", "fabrikamfiber4@hotmail.com", "d291b0c4-a05c-4ea6-8df1-4b41d5f39eff"), (assigned.DisplayName, assigned.UniqueName, assigned.Id));
        Assert.Equal(("Chuck Reinhart", "fabrikamfiber3@hotmail.com"), (creator.DisplayName, creator.UniqueName));
    }

    [Fact]
    public void A_field_the_item_has_no_value_for_is_null_never_an_exception()
    {
        Assert.Null(Item.GetField(WorkItemFields.ClosedDate));
        Assert.Null(Item.GetField(WorkItemFields.ClosedBy));
        Assert.Null(Item.GetField(WorkItemFields.Severity));
        Assert.Null(new WorkItem().GetField(WorkItemFields.Title));
    }

    [Fact]
    public void A_value_of_another_type_is_an_error_that_names_the_field_and_the_value()
    {
        var wrong = Assert.Throws<InvalidOperationException>(() => Item.GetField<int?>("System.Title"));

        Assert.StartsWith("The work item's System.Title is \"Fix the login page\", which does not read as Nullable`1", wrong.Message);
    }

    [Fact]
    public void Every_field_has_a_reference_name_ADO_uses_and_a_distinct_property()
    {
        var fields = typeof(WorkItemFields).GetFields().Select(f => (f.Name, Reference: f.GetValue(null)!.ToString()!)).ToList();

        Assert.True(fields.Count >= 50, $"{fields.Count} fields");
        Assert.All(fields, f => Assert.Matches(@"^(System|Microsoft\.VSTS\.[A-Za-z]+)\.[A-Za-z]+$", f.Reference));
        Assert.Equal(fields.Count, fields.Select(f => f.Reference).Distinct().Count());
        Assert.Contains(("Title", "System.Title"), fields);
        Assert.Contains(("Priority", "Microsoft.VSTS.Common.Priority"), fields);
        Assert.Contains(("AssignedTo", "System.AssignedTo"), fields);
    }
}
