using AdoTypedSdk.Generator.Normalization.Rules;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public class NamedEnumRuleTests
{
    private const string ExpandParameter = """
        { "in": "query", "name": "$expand", "type": "string", "enum": ["none", "all"], "x-ms-enum": { "name": "WorkItemExpand", "values": [ { "value": "none", "description": "Default." }, { "value": "all", "description": "" } ] } }
        """;

    [Fact]
    public void Identical_parameter_enums_become_one_named_definition()
    {
        var document = Specs.Document($$"""
            { "/_apis/a": { "get": { "parameters": [ {{ExpandParameter}} ], "responses": {} } },
              "/_apis/b": { "get": { "parameters": [ {{ExpandParameter}} ], "responses": {} } } }
            """);

        new NamedEnumRule().Apply(document);

        var definition = Assert.Single(document.Definitions.Properties());
        Assert.Equal("WorkItemExpand", definition.Name);
        Assert.Equal(["None", "All"], definition.Value["x-enumNames"]!.Values<string>());
        Assert.Equal(["Default.", ""], definition.Value["x-enum-descriptions"]!.Values<string>());
        Assert.All(document.Operations, o =>
        {
            var parameter = o.Parameter("$expand");
            Assert.Equal("#/definitions/WorkItemExpand", (string?)parameter["x-schema"]!["$ref"]);
            Assert.Null(parameter["enum"]);
        });
    }

    [Fact]
    public void Same_name_with_other_values_gets_a_distinct_definition()
    {
        var document = Specs.Document($$"""
            { "/_apis/a": { "get": { "parameters": [ {{ExpandParameter}} ], "responses": {} } },
              "/_apis/b": { "get": { "parameters": [ { "in": "query", "name": "$expand", "type": "string", "enum": ["none", "fields"], "x-ms-enum": { "name": "WorkItemExpand" } } ], "responses": {} } } }
            """);

        new NamedEnumRule().Apply(document);

        Assert.Equal(["WorkItemExpand", "WorkItemExpand2"], document.Definitions.Properties().Select(p => p.Name));
    }

    [Fact]
    public void Property_enum_with_an_ado_name_is_hoisted_and_referenced()
    {
        var document = Specs.Document("{}", definitions: """
            { "JsonPatchOperation": { "type": "object", "properties": { "op": { "description": "The patch operation", "type": "string", "enum": ["add", "remove"], "x-ms-enum": { "name": "Operation" } } } } }
            """);

        new NamedEnumRule().Apply(document);

        var op = (JObject)document.Definitions["JsonPatchOperation"]!["properties"]!["op"]!;
        Assert.Equal("#/definitions/Operation", (string?)op["$ref"]);
        Assert.Equal("The patch operation", (string?)op["description"]);
        Assert.Equal(["add", "remove"], document.Definitions["Operation"]!["enum"]!.Values<string>());
    }

    [Fact]
    public void Enums_of_dictionary_values_and_list_items_are_hoisted_too()
    {
        var document = Specs.Document("{}", definitions: """
            { "WorkItem": { "type": "object", "properties": {
                "multilineFieldsFormat": { "type": "object", "additionalProperties": { "enum": ["markdown", "html"], "x-ms-enum": { "name": "LargeTextCustomHtmlFormat" } } },
                "formats": { "type": "array", "items": { "type": "string", "enum": ["markdown", "html"], "x-ms-enum": { "name": "LargeTextCustomHtmlFormat" } } } } } }
            """);

        new NamedEnumRule().Apply(document);

        var properties = document.Definitions["WorkItem"]!["properties"]!;
        Assert.Equal("#/definitions/LargeTextCustomHtmlFormat", (string?)properties["multilineFieldsFormat"]!["additionalProperties"]!["$ref"]);
        Assert.Equal("#/definitions/LargeTextCustomHtmlFormat", (string?)properties["formats"]!["items"]!["$ref"]);
        Assert.Equal("string", (string?)document.Definitions["LargeTextCustomHtmlFormat"]!["type"]);
    }

    [Fact]
    public void Member_names_are_pascal_case_and_unique()
    {
        var names = NamedEnumRule.MemberNames(new JArray("collection_User", "project_Team", "CollectionUser", "3"));

        Assert.Equal(["CollectionUser", "ProjectTeam", "CollectionUser2", "N3"], names.Values<string>());
    }
}
