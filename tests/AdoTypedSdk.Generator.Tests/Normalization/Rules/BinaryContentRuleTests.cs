using AdoTypedSdk.Generator.Normalization.Rules;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public class BinaryContentRuleTests
{
    [Fact]
    public void Octet_stream_body_becomes_binary_and_non_json_response_becomes_a_file()
    {
        var document = Specs.Document("""
            { "/_apis/wit/attachments": {
                "post": { "consumes": ["application/octet-stream"], "produces": ["application/json"], "parameters": [ { "in": "body", "name": "upload", "schema": { "type": "string" } } ], "responses": { "201": { "schema": { "$ref": "#/definitions/X" } } } },
                "get": { "produces": ["application/octet-stream", "application/zip"], "responses": { "200": { "schema": { "type": "string" } }, "204": { "description": "none" } } } } }
            """);

        new BinaryContentRule().Apply(document);

        var upload = document.Operations.Single(o => o.Method == "post");
        Assert.Equal("binary", (string?)upload.BodyParameter!["schema"]!["format"]);
        Assert.Equal("#/definitions/X", (string?)upload.Operation["responses"]!["201"]!["schema"]!["$ref"]);
        var download = document.Operations.Single(o => o.Method == "get");
        Assert.Equal("file", (string?)download.Operation["responses"]!["200"]!["schema"]!["type"]);
        Assert.Null(download.Operation["responses"]!["204"]!["schema"]);
    }

    [Fact]
    public void Operation_that_also_produces_json_keeps_its_json_response()
    {
        var document = Specs.Document("""
            { "/_apis/git/items": { "get": { "produces": ["application/json", "application/zip"], "responses": { "200": { "schema": { "$ref": "#/definitions/GitItem" } } } } } }
            """);

        new BinaryContentRule().Apply(document);

        Assert.Equal("#/definitions/GitItem", (string?)document.Single().Operation["responses"]!["200"]!["schema"]!["$ref"]);
    }
}
