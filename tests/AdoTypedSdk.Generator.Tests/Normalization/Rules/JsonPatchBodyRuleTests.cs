using AdoTypedSdk.Generator.Normalization.Rules;
using AdoTypedSdk.Generator.Pinning;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public class JsonPatchBodyRuleTests
{
    private const string PatchOperation = """{ "JsonPatchOperation": { "type": "object", "properties": { "op": { "type": "string" } } } }""";

    [Fact]
    public void Patch_body_declared_as_object_becomes_a_list_of_operations_sent_as_json_patch()
    {
        var document = Specs.Document("""
            { "/_apis/a": { "patch": { "consumes": ["application/json", "application/json-patch+json"], "parameters": [ { "in": "body", "name": "document", "schema": { "type": "object" } } ], "responses": {} } } }
            """, definitions: PatchOperation);

        new JsonPatchBodyRule().Apply(document);

        var operation = document.Single();
        Assert.Equal(["application/json-patch+json"], operation.Consumes);
        var schema = operation.BodyParameter!["schema"]!;
        Assert.Equal("array", (string?)schema["type"]);
        Assert.Equal("#/definitions/JsonPatchOperation", (string?)schema["items"]!["$ref"]);
    }

    [Fact]
    public void Patch_body_already_an_array_definition_is_kept()
    {
        var document = Specs.Document("""
            { "/_apis/a": { "patch": { "consumes": ["application/json-patch+json"], "parameters": [ { "in": "body", "name": "document", "schema": { "$ref": "#/definitions/JsonPatchDocument" } } ], "responses": {} } } }
            """, definitions: """{ "JsonPatchDocument": { "type": "array", "items": { "$ref": "#/definitions/JsonPatchOperation" } } }""");

        new JsonPatchBodyRule().Apply(document);

        Assert.Equal("#/definitions/JsonPatchDocument", (string?)document.Single().BodyParameter!["schema"]!["$ref"]);
    }

    [Fact]
    public void Patch_body_without_an_operation_definition_is_a_clear_error()
    {
        var document = Specs.Document("""
            { "/_apis/a": { "patch": { "consumes": ["application/json-patch+json"], "parameters": [ { "in": "body", "name": "document", "schema": { "type": "object" } } ], "responses": {} } } }
            """);

        var error = Assert.Throws<SpecException>(() => new JsonPatchBodyRule().Apply(document));
        Assert.Contains("PATCH /_apis/a", error.Message);
    }
}
