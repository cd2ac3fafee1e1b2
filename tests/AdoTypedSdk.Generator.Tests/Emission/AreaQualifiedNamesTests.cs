using AdoTypedSdk.Generator.Emission;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Tests.Emission;

public class AreaQualifiedNamesTests
{
    [Fact]
    public void A_name_two_areas_declare_takes_each_areas_name_and_one_area_alone_declares_stays()
    {
        var renames = AreaQualifiedNames.Find([("Build", ["Attachments", "Builds"]), ("Wiki", ["Attachments", "Pages"]), ("WorkItemTracking", ["Attachments"])]);

        Assert.Equal(new SortedDictionary<string, string>
        {
            ["Build.Attachments"] = "BuildAttachments",
            ["Wiki.Attachments"] = "WikiAttachments",
            ["WorkItemTracking.Attachments"] = "WorkItemTrackingAttachments",
        }, renames);
    }

    [Fact]
    public void A_name_that_starts_with_its_areas_name_stays_beside_the_others_new_names()
    {
        var renames = AreaQualifiedNames.Find([("Build", ["BuildDefinitionReference"]), ("Release", ["BuildDefinitionReference"]), ("Wiki", ["Wiki"]), ("Search", ["Wiki"])]);

        Assert.Equal(new SortedDictionary<string, string> { ["Release.BuildDefinitionReference"] = "ReleaseBuildDefinitionReference", ["Search.Wiki"] = "SearchWiki" }, renames);
    }

    [Fact]
    public void A_new_name_another_area_declares_makes_that_one_qualified_too()
    {
        // policy's Configurations would become git's PolicyConfigurations.
        var renames = AreaQualifiedNames.Find([("Git", ["PolicyConfigurations"]), ("Policy", ["Configurations"]), ("TestPlan", ["Configurations"])]);

        Assert.Equal("GitPolicyConfigurations", renames["Git.PolicyConfigurations"]);
        Assert.Equal("PolicyConfigurations", renames["Policy.Configurations"]);
        Assert.Equal("TestPlanConfigurations", renames["TestPlan.Configurations"]);
    }

    [Fact]
    public void A_name_that_starts_with_its_areas_name_takes_it_all_the_same_where_another_areas_new_name_is_it()
    {
        var renames = AreaQualifiedNames.Find([("Test", ["TestResultsSession", "Session"]), ("TestResults", ["Session"])]);

        Assert.Equal("TestTestResultsSession", renames["Test.TestResultsSession"]);
        Assert.Equal("TestResultsSession", renames["TestResults.Session"]);
        Assert.Equal("TestSession", renames["Test.Session"]);
    }

    [Fact]
    public void A_new_name_that_is_a_shared_types_or_the_areas_own_takes_area_after_the_areas_name()
    {
        var renames = AreaQualifiedNames.Find(
            [("Test", ["AttachmentReference"]), ("Wiki", ["AttachmentReference"]), ("Build", ["Deployment", "BuildDeployment"]), ("Release", ["Deployment"])],
            fixedNames: new HashSet<string> { "TestAttachmentReference" });

        Assert.Equal("TestAreaAttachmentReference", renames["Test.AttachmentReference"]);
        Assert.Equal("WikiAttachmentReference", renames["Wiki.AttachmentReference"]);
        Assert.Equal("BuildAreaDeployment", renames["Build.Deployment"]);
    }

    [Fact]
    public void Clients_and_types_are_renamed_in_the_document_as_the_decision_says()
    {
        var document = JObject.Parse("""
            {
              "paths": { "/_apis/wit/attachments": { "get": { "tags": ["Attachments"] }, "parameters": [] } },
              "definitions": { "FieldType": { "type": "string" }, "Shared": { "type": "object" } }
            }
            """);
        var renames = new Dictionary<string, string> { ["WorkItemTracking.Attachments"] = "WorkItemTrackingAttachments", ["WorkItemTracking.FieldType"] = "WorkItemTrackingFieldType", ["WorkItemTracking.Shared"] = "X" };

        var clients = AreaQualifiedNames.QualifyClients(document, "WorkItemTracking", renames);
        var types = AreaQualifiedNames.TypeRenames(document, "WorkItemTracking", renames, fromShared: new HashSet<string> { "Shared" });

        Assert.Equal("WorkItemTrackingAttachments", (string?)clients["paths"]!["/_apis/wit/attachments"]!["get"]!["tags"]![0]);
        Assert.Equal("Attachments", (string?)document["paths"]!["/_apis/wit/attachments"]!["get"]!["tags"]![0]);
        Assert.Equal(new Dictionary<string, string> { ["FieldType"] = "WorkItemTrackingFieldType" }, types);
    }
}
