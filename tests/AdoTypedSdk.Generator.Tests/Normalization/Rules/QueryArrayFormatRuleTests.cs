using AdoTypedSdk.Generator.Normalization.Rules;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public class QueryArrayFormatRuleTests
{
    [Theory]
    [InlineData("array (int32)", "integer", "int32")]
    [InlineData("array (string)", "string", null)]
    [InlineData("array (uuid)", "string", "uuid")]
    [InlineData("array (SomethingUnknown)", "string", null)]
    public void Array_format_becomes_a_comma_separated_typed_array(string format, string itemType, string? itemFormat)
    {
        var document = Specs.Get("/_apis/build/builds", $$"""[ { "in": "query", "name": "definitions", "type": "string", "format": "{{format}}" } ]""");

        new QueryArrayFormatRule().Apply(document);

        var parameter = document.Single().Parameter("definitions");
        Assert.Equal("array", (string?)parameter["type"]);
        Assert.Equal("csv", (string?)parameter["collectionFormat"]);
        Assert.Null(parameter["format"]);
        Assert.Equal(itemType, (string?)parameter["items"]!["type"]);
        Assert.Equal(itemFormat, (string?)parameter["items"]!["format"]);
    }

    [Fact]
    public void Array_of_a_defined_enum_references_it()
    {
        var document = Specs.Document("""
            { "/_apis/a": { "get": { "parameters": [ { "in": "query", "name": "outcomes", "type": "string", "format": "array (TestOutcome)" } ], "responses": {} } } }
            """, definitions: """{ "TestOutcome": { "type": "string", "enum": ["passed", "failed"] } }""");

        new QueryArrayFormatRule().Apply(document);

        Assert.Equal("#/definitions/TestOutcome", (string?)document.Single().Parameter("outcomes")["items"]!["$ref"]);
    }
}
