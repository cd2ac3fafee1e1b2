using AdoTypedSdk.Generator.Normalization;
using AdoTypedSdk.Generator.Normalization.Rules;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public class PageableOperationRuleTests
{
    private static SpecDocument Operation(string parameters, string answer, string definitions = "{}", string method = "get", string headers = "{}") =>
        Specs.Document($$"""
            { "/_apis/things": { "{{method}}": { "tags": ["Things"], "operationId": "ListThings", "parameters": {{parameters}},
              "responses": { "200": { "description": "ok", "schema": {{answer}}, "headers": {{headers}} } } } } }
            """, definitions);

    private static JObject? Paging(SpecDocument document)
    {
        new PageableOperationRule().Apply(document);
        return document.Single().Operation[PageableOperationRule.Extension] as JObject;
    }

    [Fact]
    public void A_list_with_a_token_parameter_pages_through_the_header_and_top_is_the_page_size()
    {
        var document = Operation(
            """[ { "in": "query", "name": "$top", "type": "integer" }, { "in": "query", "name": "continuationToken", "type": "integer", "format": "int32" } ]""",
            """{ "type": "array", "items": { "$ref": "#/definitions/Thing" } }""");

        var paging = Paging(document)!;

        Assert.Equal("continuationToken", (string?)paging["tokenParameter"]);
        Assert.Equal("$top", (string?)paging["pageSizeParameter"]);
        Assert.Equal("", (string?)paging["itemsProperties"]);
        // The token goes back as the text the service sent, not parsed as the number the document calls it.
        var token = document.Single().Parameter("continuationToken");
        Assert.Equal("string", (string?)token["type"]);
        Assert.Null(token["format"]);
    }

    [Fact]
    public void A_token_parameter_in_a_header_pages_too()
    {
        var paging = Paging(Operation(
            """[ { "in": "header", "name": "continuationToken", "type": "string" } ]""",
            """{ "type": "array", "items": { "type": "string" } }"""))!;

        Assert.Equal("continuationToken", (string?)paging["tokenParameter"]);
        Assert.Equal("", (string?)paging["pageSizeParameter"]);
    }

    [Fact]
    public void A_model_page_names_its_items_its_token_and_its_end_flag()
    {
        var paging = Paging(Operation(
            """[ { "in": "query", "name": "pagingToken", "type": "string" }, { "in": "query", "name": "maxResults", "type": "integer" } ]""",
            """{ "$ref": "#/definitions/ThingPage" }""",
            """
            { "ThingPage": { "allOf": [ { "$ref": "#/definitions/Batch" } ], "properties": { "things": { "type": "array", "items": { "$ref": "#/definitions/Thing" } } } },
              "Batch": { "properties": { "continuationToken": { "type": "string" }, "hasMore": { "type": "boolean" }, "count": { "type": "integer" } } },
              "Thing": { "properties": { "id": { "type": "integer" } } } }
            """))!;

        Assert.Equal("pagingToken", (string?)paging["tokenParameter"]);
        Assert.Equal("maxResults", (string?)paging["pageSizeParameter"]);
        Assert.Equal("things", (string?)paging["itemsProperties"]);
        Assert.Equal("Thing", (string?)paging["itemType"]);
        Assert.Equal("continuationToken", (string?)paging["nextTokenProperty"]);
        Assert.True((bool)paging["nextTokenIsText"]!);
        Assert.Equal("hasMore", (string?)paging["morePagesProperty"]);
        Assert.Equal("", (string?)paging["lastPageProperty"]);
    }

    [Fact]
    public void Two_arrays_of_the_same_items_are_alternatives_and_a_numeric_next_token_is_named()
    {
        var paging = Paging(Operation(
            """[ { "in": "query", "name": "continuationToken", "type": "string" } ]""",
            """{ "$ref": "#/definitions/Changes" }""",
            """
            { "Changes": { "properties": { "items": { "type": "array", "items": { "$ref": "#/definitions/Thing" } }, "members": { "type": "array", "items": { "$ref": "#/definitions/Thing" } },
                           "nextThingContinuationToken": { "type": "integer", "format": "int64" }, "isLastBatch": { "type": "boolean" } } },
              "Thing": { "properties": { } } }
            """))!;

        Assert.Equal("items,members", (string?)paging["itemsProperties"]);
        Assert.Equal("nextThingContinuationToken", (string?)paging["nextTokenProperty"]);
        Assert.False((bool)paging["nextTokenIsText"]!);
        Assert.Equal("isLastBatch", (string?)paging["lastPageProperty"]);
    }

    [Fact]
    public void A_query_object_the_service_fills_in_carries_the_token_in_the_body()
    {
        var paging = Paging(Operation(
            """[ { "in": "body", "name": "query", "schema": { "$ref": "#/definitions/HistoryQuery" } } ]""",
            """{ "$ref": "#/definitions/HistoryQuery" }""",
            """{ "HistoryQuery": { "properties": { "continuationToken": { "type": "string" }, "results": { "type": "array", "items": { "$ref": "#/definitions/Thing" } } } }, "Thing": { } }""",
            method: "post"))!;

        Assert.True((bool)paging["tokenInBody"]!);
        Assert.Equal("", (string?)paging["tokenParameter"]);
        Assert.Equal("results", (string?)paging["itemsProperties"]);
    }

    [Theory]
    [InlineData("[]", """{ "$ref": "#/definitions/Page" }""")] // a token comes back, but none can be sent: one answer, not a walk
    [InlineData("""[ { "in": "query", "name": "continuationToken", "type": "string" } ]""", """{ "$ref": "#/definitions/Mixed" }""")] // items of two kinds
    [InlineData("""[ { "in": "query", "name": "continuationToken", "type": "string" } ]""", """{ "$ref": "#/definitions/Thing" }""")] // no items at all
    [InlineData("""[ { "in": "query", "name": "$top", "type": "integer" } ]""", """{ "type": "array", "items": { "$ref": "#/definitions/Thing" } }""")] // no token
    public void Other_operations_are_not_pageable(string parameters, string answer)
    {
        var document = Operation(parameters, answer, """
            { "Page": { "properties": { "continuationToken": { "type": "string" }, "items": { "type": "array", "items": { "$ref": "#/definitions/Thing" } } } },
              "Mixed": { "properties": { "a": { "type": "array", "items": { "$ref": "#/definitions/Thing" } }, "b": { "type": "array", "items": { "type": "string" } } } },
              "Thing": { "properties": { "continuationToken": { "type": "string" } } } }
            """);

        Assert.Null(Paging(document));
    }

    [Fact]
    public void A_page_size_only_the_recordings_show_is_sent_as_a_number_and_a_declared_text_one_is_no_page_size()
    {
        var recorded = Operation(
            """[ { "in": "query", "name": "continuationToken", "type": "string", "required": true }, { "in": "query", "name": "top", "type": "string", "x-ado-recorded": true } ]""",
            """{ "type": "array", "items": { "$ref": "#/definitions/Thing" } }""");
        var declaredAsText = Operation(
            """[ { "in": "query", "name": "continuationToken", "type": "string" }, { "in": "query", "name": "$top", "type": "string" } ]""",
            """{ "type": "array", "items": { "$ref": "#/definitions/Thing" } }""");

        Assert.Equal("top", (string?)Paging(recorded)!["pageSizeParameter"]);
        Assert.Equal("", (string?)Paging(declaredAsText)!["pageSizeParameter"]);

        var top = recorded.Single().Parameter("top");
        Assert.Equal("integer", (string?)top["type"]);
        Assert.Equal("int32", (string?)top["format"]);
        // The walk leaves both out of its first request.
        Assert.False((bool)top["required"]!);
        Assert.False((bool)recorded.Single().Parameter("continuationToken")["required"]!);
        Assert.Equal("string", (string?)declaredAsText.Single().Parameter("$top")["type"]);
    }
}
