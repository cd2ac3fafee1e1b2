using AdoTypedSdk.Generator.Normalization;
using AdoTypedSdk.Generator.Normalization.Rules;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public class RepresentationRuleTests
{
    private static SpecDocument Operation(string produces, string answer, string parameters = "[]", string name = "GetLog", string more = "") =>
        Specs.Document($$"""
            { "/_apis/logs/{id}": { "get": { "tags": ["Logs"], "operationId": "{{name}}", "produces": {{produces}}, "parameters": {{parameters}},
              "responses": { "200": { "description": "ok", "schema": {{answer}} } } } }{{more}} }
            """);

    private static JArray? Representations(SpecDocument document, string name = "GetLog")
    {
        new RepresentationRule().Apply(document);
        return document.Operations.Single(o => (string?)o.Operation["operationId"] == name).Operation[RepresentationRule.Extension] as JArray;
    }

    [Fact]
    public void Each_media_type_beside_json_is_a_download_named_by_its_suffix()
    {
        var document = Operation("""["application/zip", "application/json", "text/plain", "image/svg+xml", "image/png"]""", """{ "$ref": "#/definitions/Log" }""");

        var representations = Representations(document)!;

        Assert.Equal(["application/zip:Zip", "text/plain:Text", "image/svg+xml:Svg", "image/png:Png"],
            representations.Select(r => $"{r["mediaType"]}:{r["suffix"]}"));
    }

    [Fact]
    public void A_text_answer_documented_as_one_json_string_is_its_lines()
    {
        var document = Operation("""["text/plain", "application/json"]""", """{ "type": "string", "format": "Stream" }""");

        Representations(document);

        var schema = document.Single().Operation["responses"]!["200"]!["schema"]!;
        Assert.Equal("array", (string?)schema["type"]);
        Assert.Equal("string", (string?)schema["items"]!["type"]);
    }

    [Fact]
    public void An_item_whose_format_and_download_parameters_serve_its_content_gets_content_text_and_zip()
    {
        var document = Operation("""["application/json"]""", """{ "$ref": "#/definitions/Item" }""",
            """[ { "in": "query", "name": "$format", "type": "string" }, { "in": "query", "name": "download", "type": "boolean" } ]""", name: "GetItem");

        Assert.Equal(["Content", "Text", "Zip"], Representations(document, "GetItem")!.Select(r => (string?)r["suffix"]));
        // Its JSON answer is a model, not text: it stays.
        Assert.Equal("#/definitions/Item", (string?)document.Single().Operation["responses"]!["200"]!["schema"]!["$ref"]);
    }

    [Fact]
    public void Json_alone_and_binary_alone_have_no_other_representation()
    {
        Assert.Null(Representations(Operation("""["application/json"]""", """{ "$ref": "#/definitions/Log" }""")));
        Assert.Null(Representations(Operation("""["application/zip"]""", """{ "type": "file" }""")));
    }

    [Fact]
    public void A_download_name_the_client_has_takes_as_before_its_suffix()
    {
        var document = Operation("""["text/plain", "application/json"]""", """{ "$ref": "#/definitions/Log" }""",
            more: """, "/_apis/logs/{id}/text": { "get": { "tags": ["Logs"], "operationId": "GetLogText", "responses": { "200": { "description": "ok" } } } }""");

        Assert.Equal("AsText", (string?)Representations(document)!.Single()["suffix"]);
    }
}
