using AdoTypedSdk.Generator.Normalization.Rules;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public class AnyJsonRuleTests
{
    [Fact]
    public void References_to_jsonnets_token_classes_become_any_json_and_the_definitions_go()
    {
        var document = Specs.Document("""{ "/_apis/e": { "get": { "tags": ["E"], "operationId": "E_Get", "responses": { "200": { "description": "ok", "schema": { "$ref": "#/definitions/JObject" } } } } } }""", """
            { "Endpoint": { "properties": { "data": { "description": "Any data.", "$ref": "#/definitions/JObject" }, "values": { "type": "array", "items": { "$ref": "#/definitions/JToken" } } } },
              "JObject": { "description": "Represents a JSON object.", "properties": { "item": { "$ref": "#/definitions/JToken" }, "type": { "type": "string" } } },
              "JToken": { "description": "Represents an abstract JSON token.", "properties": { "first": { "$ref": "#/definitions/JToken" }, "hasValues": { "type": "boolean" } } } }
            """);

        new AnyJsonRule().Apply(document);

        var properties = (JObject)document.Definitions["Endpoint"]!["properties"]!;
        Assert.True(JToken.DeepEquals(JObject.Parse("""{ "description": "Any data." }"""), properties["data"]));
        Assert.True(JToken.DeepEquals(new JObject(), properties["values"]!["items"]));
        Assert.True(JToken.DeepEquals(new JObject(), document.Operations.Single().Operation["responses"]!["200"]!["schema"]));
        Assert.Null(document.Definitions["JObject"]);
        Assert.Null(document.Definitions["JToken"]);
    }

    [Fact]
    public void Other_definitions_are_left_alone()
    {
        var document = Specs.Document("{}", """{ "Thing": { "properties": { "owner": { "$ref": "#/definitions/JsonObject" } } }, "JsonObject": { "properties": { "a": { "type": "string" } } } }""");

        new AnyJsonRule().Apply(document);

        Assert.Equal("#/definitions/JsonObject", (string?)document.Definitions["Thing"]!["properties"]!["owner"]!["$ref"]);
        Assert.NotNull(document.Definitions["JsonObject"]);
    }
}
