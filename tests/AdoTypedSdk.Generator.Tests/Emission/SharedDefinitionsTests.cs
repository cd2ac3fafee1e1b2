using AdoTypedSdk.Generator.Emission;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Tests.Emission;

public class SharedDefinitionsTests
{
    private static JObject Document(string definitions) => JObject.Parse($$"""{ "swagger": "2.0", "paths": {}, "definitions": {{definitions}} }""");

    private const string IdentityRef = """{ "type": "object", "description": "An identity.", "properties": { "id": { "type": "string" }, "displayName": { "type": "string" } } }""";

    [Fact]
    public void A_definition_two_documents_declare_alike_is_shared_whatever_its_documentation_says()
    {
        var shared = SharedDefinitions.Find([
            Document($$"""{ "IdentityRef": {{IdentityRef}} }"""),
            Document("""{ "IdentityRef": { "type": "object", "description": "Another text.", "properties": { "displayName": { "type": "string", "description": "Name." }, "id": { "type": "string" } } } }"""),
            Document("""{ "Other": { "type": "object" } }"""),
        ]);

        Assert.Equal(["IdentityRef"], shared.Definitions.Keys);
        Assert.Contains("IdentityRef", shared.UsedBy(0));
        Assert.Contains("IdentityRef", shared.UsedBy(1));
        Assert.Empty(shared.UsedBy(2));
        Assert.Equal("An identity.", (string?)shared.Definitions["IdentityRef"]["description"]);
    }

    [Fact]
    public void The_shape_most_documents_declare_is_shared_and_a_different_one_stays_in_its_area()
    {
        var shared = SharedDefinitions.Find([
            Document($$"""{ "IdentityRef": {{IdentityRef}} }"""),
            Document($$"""{ "IdentityRef": {{IdentityRef}} }"""),
            Document("""{ "IdentityRef": { "type": "object", "properties": { "id": { "type": "integer" } } } }"""),
        ]);

        Assert.Contains("IdentityRef", shared.UsedBy(1));
        Assert.DoesNotContain("IdentityRef", shared.UsedBy(2));
    }

    [Fact]
    public void A_name_no_two_documents_declare_alike_is_not_shared()
    {
        var shared = SharedDefinitions.Find([
            Document("""{ "Thing": { "properties": { "a": { "type": "string" } } } }"""),
            Document("""{ "Thing": { "properties": { "b": { "type": "string" } } } }"""),
        ]);

        Assert.Empty(shared.Definitions);
    }

    [Fact]
    public void A_definition_that_refers_to_one_that_differs_is_not_shared()
    {
        const string Owner = """{ "properties": { "identity": { "$ref": "#/definitions/IdentityRef" } } }""";
        var shared = SharedDefinitions.Find([
            Document($$"""{ "Owner": {{Owner}}, "IdentityRef": {{IdentityRef}} }"""),
            Document($$"""{ "Owner": {{Owner}}, "IdentityRef": { "properties": { "id": { "type": "integer" } } } }"""),
        ]);

        Assert.Empty(shared.Definitions);
    }

    [Fact]
    public void The_shared_document_holds_only_the_shared_definitions()
    {
        var shared = SharedDefinitions.Find([Document($$"""{ "IdentityRef": {{IdentityRef}} }"""), Document($$"""{ "IdentityRef": {{IdentityRef}} }""")]);

        var document = shared.Document("7.1");

        Assert.Empty((JObject)document["paths"]!);
        Assert.Equal(["IdentityRef"], ((JObject)document["definitions"]!).Properties().Select(p => p.Name));
    }

    [Fact]
    public void A_definition_named_like_an_area_stays_in_its_areas()
    {
        var shared = SharedDefinitions.Find(
            [Document("""{ "TaskAgent": { "properties": { "id": { "type": "integer" } } } }"""), Document("""{ "TaskAgent": { "properties": { "id": { "type": "integer" } } } }""")],
            ["TaskAgent", "Environments"]);

        Assert.Empty(shared.Definitions);
    }

    [Fact]
    public void A_committed_choice_shares_a_type_even_when_one_chosen_document_declares_it()
    {
        var choice = new Dictionary<string, string> { ["IdentityRef"] = "build git workItemTracking" };

        var shared = SharedDefinitions.Apply([Document($$"""{ "IdentityRef": {{IdentityRef}} }""")], ["git"], choice, "ado-specs.lock.json");

        Assert.Equal(["IdentityRef"], shared.Definitions.Keys);
        Assert.Contains("IdentityRef", shared.UsedBy(0));
    }

    [Fact]
    public void A_committed_choice_that_no_longer_fits_the_documents_names_the_type_and_the_areas()
    {
        var choice = new Dictionary<string, string> { ["IdentityRef"] = "build git" };

        var error = Assert.Throws<AdoTypedSdk.Generator.Pinning.SpecException>(() => SharedDefinitions.Apply(
            [Document($$"""{ "IdentityRef": {{IdentityRef}} }"""), Document("""{ "IdentityRef": { "properties": { "id": { "type": "integer" } } } }""")],
            ["build", "git"], choice, "ado-specs.lock.json"));

        Assert.Equal("ado-specs.lock.json: the shared type IdentityRef has different shapes in areas build and git; pin the documents again.", error.Message);
    }

    [Fact]
    public void An_areas_own_type_of_a_shared_name_is_renamed_after_the_area_references_included()
    {
        var document = Document("""{ "WorkItem": { "properties": { "id": { "type": "string" } } }, "Plan": { "properties": { "item": { "$ref": "#/definitions/WorkItem" } } } }""");
        var shared = SharedDefinitions.Apply([document], ["testPlan"], new Dictionary<string, string> { ["WorkItem"] = "workItemTracking" }, "lock");

        var renamed = shared.WithAreaNames(0, document, "TestPlan");

        Assert.Equal(["TestPlanWorkItem", "Plan"], ((JObject)renamed["definitions"]!).Properties().Select(p => p.Name));
        Assert.Equal("#/definitions/TestPlanWorkItem", (string?)renamed["definitions"]!["Plan"]!["properties"]!["item"]!["$ref"]);
        Assert.Empty(shared.Definitions);
    }
}
