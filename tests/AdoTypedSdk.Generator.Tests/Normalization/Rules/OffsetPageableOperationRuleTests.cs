using AdoTypedSdk.Generator.Normalization;
using AdoTypedSdk.Generator.Normalization.Rules;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public class OffsetPageableOperationRuleTests
{
    private const string List = """{ "type": "array", "items": { "$ref": "#/definitions/Thing" } }""";
    private const string TopAndSkip = """[ { "in": "query", "name": "$top", "type": "integer" }, { "in": "query", "name": "$skip", "type": "integer", "required": true } ]""";

    private static SpecDocument Operations(params (string Name, string Parameters, string Answer)[] operations) =>
        Specs.Document("{" + string.Join(",", operations.Select((o, i) => $$"""
            "/_apis/things{{i}}": { "get": { "tags": ["Things"], "operationId": "{{o.Name}}", "parameters": {{o.Parameters}},
              "responses": { "200": { "description": "ok", "schema": {{o.Answer}} } } } }
            """)) + "}");

    private static JObject? Paging(SpecDocument document, string name)
    {
        new OffsetPageableOperationRule().Apply(document);
        return document.Operations.Single(o => (string?)o.Operation["operationId"] == name).Operation[OffsetPageableOperationRule.Extension] as JObject;
    }

    [Fact]
    public void A_list_with_top_and_skip_walks_beside_its_call_with_all_after_the_verb()
    {
        var document = Operations(("GetThings", TopAndSkip, List));

        var paging = Paging(document, "GetThings")!;

        Assert.Equal("$top", (string?)paging["pageSizeParameter"]);
        Assert.Equal("$skip", (string?)paging["skipParameter"]);
        Assert.Equal("GetAllThings", (string?)paging["walkName"]);
        Assert.False((bool)document.Single().Parameter("$skip")["required"]!);
    }

    [Fact]
    public void Prefixed_and_plain_forms_page_when_both_have_the_same_prefix()
    {
        var document = Operations(
            ("GetCommits", """[ { "in": "query", "name": "searchCriteria.$top", "type": "integer" }, { "in": "query", "name": "searchCriteria.$skip", "type": "integer" } ]""", List),
            ("GetStatuses", """[ { "in": "query", "name": "top", "type": "integer" }, { "in": "query", "name": "skip", "type": "integer" } ]""", List),
            ("GetMixed", """[ { "in": "query", "name": "a.$top", "type": "integer" }, { "in": "query", "name": "b.$skip", "type": "integer" } ]""", List));

        Assert.Equal("searchCriteria.$skip", (string?)Paging(document, "GetCommits")!["skipParameter"]);
        Assert.Equal("skip", (string?)Paging(document, "GetStatuses")!["skipParameter"]);
        Assert.Null(Paging(document, "GetMixed"));
    }

    [Fact]
    public void One_answer_a_token_walk_or_text_parameters_are_not_offset_lists()
    {
        var tokenWalk = Operations(("GetThings", TopAndSkip, List));
        tokenWalk.Single().Operation[PageableOperationRule.Extension] = new JObject();
        var document = Operations(
            ("GetThing", TopAndSkip, """{ "$ref": "#/definitions/Thing" }"""),
            ("GetTexts", """[ { "in": "query", "name": "$top", "type": "string" }, { "in": "query", "name": "$skip", "type": "string" } ]""", List));

        Assert.Null(Paging(tokenWalk, "GetThings"));
        Assert.Null(Paging(document, "GetThing"));
        Assert.Null(Paging(document, "GetTexts"));
    }

    [Fact]
    public void A_walk_name_the_client_has_or_all_after_the_verb_already_takes_every_page()
    {
        var document = Operations(("GetTeams", TopAndSkip, List), ("GetAllTeams", TopAndSkip, List), ("Search", TopAndSkip, List));

        Assert.Equal("GetTeamsEveryPage", (string?)Paging(document, "GetTeams")!["walkName"]);
        Assert.Equal("GetAllTeamsEveryPage", (string?)Paging(document, "GetAllTeams")!["walkName"]);
        Assert.Equal("SearchEveryPage", (string?)Paging(document, "Search")!["walkName"]);
    }
}
