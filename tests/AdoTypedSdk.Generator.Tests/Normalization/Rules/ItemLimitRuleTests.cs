using AdoTypedSdk.Generator.Normalization;
using AdoTypedSdk.Generator.Normalization.Rules;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public class ItemLimitRuleTests
{
    private const string List = """{ "type": "array", "items": { "$ref": "#/definitions/WorkItem" } }""";

    private static SpecDocument Operation(string parameter, string answer = List, string more = "") =>
        Specs.Document($$"""
            { "/_apis/wit/workitems": { "get": { "tags": ["WorkItems"], "operationId": "GetWorkItems", "parameters": [ {{parameter}} ],
              "responses": { "200": { "description": "ok", "schema": {{answer}} }{{more}} } } } }
            """);

    private static JObject? Limit(SpecDocument document)
    {
        new ItemLimitRule().Apply(document);
        return document.Single().Operation[ItemLimitRule.Extension] as JObject;
    }

    [Fact]
    public void A_list_parameter_whose_description_states_a_maximum_is_split_at_it()
    {
        var limit = Limit(Operation("""{ "in": "query", "name": "ids", "type": "array", "items": { "type": "integer" }, "description": "The comma-separated list of requested work item ids. (Maximum 200 ids allowed)." }"""))!;

        Assert.Equal("ids", (string?)limit["parameter"]);
        Assert.Equal(200, (int)limit["maxItems"]!);
    }

    [Theory]
    [InlineData("maximum of 1,000 names", 1000)]
    [InlineData("Max 50 items.", 50)]
    public void The_maximum_is_read_in_its_usual_wordings(string description, int maxItems) =>
        Assert.Equal(maxItems, (int)Limit(Operation($$"""{ "in": "query", "name": "names", "type": "array", "items": { "type": "string" }, "description": "{{description}}" }"""))!["maxItems"]!);

    [Fact]
    public void A_number_with_a_maximum_a_single_answer_or_one_that_may_be_empty_is_not_split()
    {
        const string Ids = """{ "in": "query", "name": "ids", "type": "array", "items": { "type": "integer" }, "description": "(Maximum 200 ids allowed)" }""";

        Assert.Null(Limit(Operation("""{ "in": "query", "name": "maxChangeCount", "type": "integer", "description": "Number of changes to return (maximum 100 changes)" }""")));
        Assert.Null(Limit(Operation(Ids, answer: """{ "$ref": "#/definitions/WorkItem" }""")));
        Assert.Null(Limit(Operation(Ids, more: """, "204": { "description": "none" }""")));
        Assert.Null(Limit(Operation("""{ "in": "query", "name": "ids", "type": "array", "items": { "type": "integer" }, "description": "The ids." }""")));
    }

    private static SpecDocument BodyOperation(string summary) =>
        Specs.Document($$"""
            { "/_apis/wit/workitemsbatch": { "post": { "tags": ["WorkItems"], "operationId": "GetWorkItemsBatch", "summary": "{{summary}}",
              "parameters": [ { "in": "body", "name": "body", "schema": { "$ref": "#/definitions/BatchRequest" } } ],
              "responses": { "200": { "description": "ok", "schema": {{List}} } } } } }
            """, definitions: """
            { "BatchRequest": { "type": "object", "properties": {
                "fields": { "type": "array", "items": { "type": "string" } },
                "ids": { "type": "array", "items": { "type": "integer" } },
                "$expand": { "type": "string" } } } }
            """);

    [Fact]
    public void A_body_list_that_the_summary_names_with_a_maximum_is_split_at_it()
    {
        var limit = Limit(BodyOperation("Gets work items for a list of work item ids (Maximum 200)"))!;

        Assert.Equal("body", (string?)limit["parameter"]);
        Assert.Equal("ids", (string?)limit["bodyProperty"]);
        Assert.Equal("ids", (string?)limit["listName"]);
        Assert.Equal(200, (int)limit["maxItems"]!);
    }

    [Fact]
    public void A_body_whose_summary_states_no_maximum_or_names_none_of_its_lists_is_not_split()
    {
        Assert.Null(Limit(BodyOperation("Gets work items for a list of work item ids")));
        Assert.Null(Limit(BodyOperation("Gets work items (Maximum 200)")));
    }
}
