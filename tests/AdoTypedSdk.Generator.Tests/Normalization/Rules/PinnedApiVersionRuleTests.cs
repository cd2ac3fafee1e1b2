using AdoTypedSdk.Generator.Normalization.Rules;
using AdoTypedSdk.Generator.Pinning;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public class PinnedApiVersionRuleTests
{
    private const string VersionParameters = """
        {
          "api-Version": { "name": "api-version", "in": "query", "required": true, "type": "string", "description": "Version of the API to use.  This should be set to '7.1' to use this version of the api." },
          "api-Version-preview.4": { "name": "api-version", "in": "query", "required": true, "type": "string", "description": "Version of the API to use.  This should be set to '7.1-preview.4' to use this version of the api." },
          "api-Version-preview.2": { "name": "api-version", "in": "query", "required": true, "type": "string" }
        }
        """;

    [Theory]
    [InlineData("api-Version", "7.1")]
    [InlineData("api-Version-preview.4", "7.1-preview.4")]
    [InlineData("api-Version-preview.2", "7.1-preview.2")] // no description: the reference's suffix tells
    public void Referenced_version_becomes_a_fixed_query_value_and_leaves_the_signature(string reference, string expected)
    {
        var document = Specs.Document($$"""
            { "/_apis/a": { "get": { "parameters": [ { "$ref": "#/parameters/{{reference}}" }, { "in": "query", "name": "top", "type": "integer" } ], "responses": {} } } }
            """, parameters: VersionParameters);

        new PinnedApiVersionRule().Apply(document);

        var operation = document.Single();
        Assert.Equal(expected, operation.FixedQuery["api-version"]);
        Assert.Equal(["top"], operation.Parameters.Select(p => (string?)p["name"]));
    }

    [Fact]
    public void Inline_version_without_a_value_is_a_clear_error()
    {
        var document = Specs.Get("/_apis/a", """[ { "in": "query", "name": "api-version", "type": "string" } ]""");

        var error = Assert.Throws<SpecException>(() => new PinnedApiVersionRule().Apply(document));

        Assert.Contains("GET /_apis/a", error.Message);
        Assert.Contains("sample.json", error.Message);
    }
}
