using AdoTypedSdk.Generator.Normalization;
using AdoTypedSdk.Generator.Normalization.Rules;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public class IdentifierNameRuleTests
{
    [Fact]
    public void Property_with_an_invalid_name_gets_a_clean_json_name_and_keeps_its_wire_name()
    {
        var document = Specs.Document("{}", definitions: """
            { "WorkItem": { "type": "object", "properties": { "id": { "type": "integer" }, "_links": { "type": "object" }, "commit_sha": { "type": "string" } } } }
            """);

        new IdentifierNameRule().Apply(document);

        var properties = (Newtonsoft.Json.Linq.JObject)document.Definitions["WorkItem"]!["properties"]!;
        Assert.Equal(["id", "links", "commitSha"], properties.Properties().Select(p => p.Name));
        Assert.Equal("_links", (string?)properties["links"]![IdentifierNameRule.WireNameExtension]);
        Assert.Equal("commit_sha", (string?)properties["commitSha"]![IdentifierNameRule.WireNameExtension]);
        Assert.Null(properties["id"]![IdentifierNameRule.WireNameExtension]);
    }

    [Fact]
    public void Clean_name_taken_by_a_sibling_gets_a_suffix()
    {
        var document = Specs.Document("{}", definitions: """{ "M": { "type": "object", "properties": { "links": { "type": "string" }, "_links": { "type": "object" } } } }""");

        new IdentifierNameRule().Apply(document);

        var properties = (Newtonsoft.Json.Linq.JObject)document.Definitions["M"]!["properties"]!;
        Assert.Equal("_links", (string?)properties["links2"]![IdentifierNameRule.WireNameExtension]);
        Assert.Null(properties["links"]![IdentifierNameRule.WireNameExtension]);
    }

    [Fact]
    public void Definition_with_an_invalid_name_is_renamed_and_references_follow()
    {
        var document = Specs.Document("""
            { "/_apis/a": { "get": { "responses": { "200": { "schema": { "$ref": "#/definitions/BuildDefinition3_2" } } } } } }
            """, definitions: """{ "BuildDefinition3_2": { "type": "object" }, "Holder": { "type": "object", "properties": { "d": { "$ref": "#/definitions/BuildDefinition3_2" } } } }""");

        new IdentifierNameRule().Apply(document);

        Assert.NotNull(document.Definitions["BuildDefinition32"]);
        Assert.Null(document.Definitions["BuildDefinition3_2"]);
        Assert.Equal("#/definitions/BuildDefinition32", (string?)document.Definitions["Holder"]!["properties"]!["d"]!["$ref"]);
        Assert.Equal("#/definitions/BuildDefinition32", (string?)document.Single().Operation["responses"]!["200"]!["schema"]!["$ref"]);
    }
}

public class IdentifierNameRuleParameterTests
{
    [Fact]
    public void Dotted_query_parameter_gets_a_clean_csharp_name_and_keeps_its_wire_name()
    {
        var document = Specs.Get("/_apis/git/items", """
            [ { "in": "query", "name": "versionDescriptor.version", "type": "string" }, { "in": "query", "name": "$top", "type": "integer" } ]
            """);

        new IdentifierNameRule().Apply(document);

        var dotted = document.Single().Parameter("versionDescriptor.version");
        Assert.Equal("versionDescriptorVersion", (string?)dotted["x-originalName"]);
        Assert.Null(document.Single().Parameter("$top")["x-originalName"]);
    }
}
