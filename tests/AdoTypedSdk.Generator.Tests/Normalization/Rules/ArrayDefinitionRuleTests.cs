using AdoTypedSdk.Generator.Normalization.Rules;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public class ArrayDefinitionRuleTests
{
    [Fact]
    public void Object_that_is_all_of_one_array_becomes_that_array()
    {
        var document = Specs.Document("{}", definitions: """
            { "JsonPatchDocument": { "type": "object", "allOf": [ { "type": "array", "items": { "$ref": "#/definitions/JsonPatchOperation" } } ], "properties": {} } }
            """);

        new ArrayDefinitionRule().Apply(document);

        var definition = document.Definitions["JsonPatchDocument"]!;
        Assert.Equal("array", (string?)definition["type"]);
        Assert.Equal("#/definitions/JsonPatchOperation", (string?)definition["items"]!["$ref"]);
        Assert.Null(definition["allOf"]);
    }

    [Fact]
    public void Object_with_its_own_properties_is_left_alone()
    {
        var document = Specs.Document("{}", definitions: """
            { "Mixed": { "type": "object", "allOf": [ { "type": "array" } ], "properties": { "name": { "type": "string" } } } }
            """);

        new ArrayDefinitionRule().Apply(document);

        Assert.Equal("object", (string?)document.Definitions["Mixed"]!["type"]);
    }
}
