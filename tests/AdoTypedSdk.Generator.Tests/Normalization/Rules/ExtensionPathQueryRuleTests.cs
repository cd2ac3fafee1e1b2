using AdoTypedSdk.Generator.Normalization.Rules;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public class ExtensionPathQueryRuleTests
{
    [Fact]
    public void Placeholder_in_the_key_query_becomes_a_required_query_parameter_and_leaves_the_route()
    {
        var document = Specs.Document("{}", extensionPaths: """
            { "/{organization}/_apis/items?path={path}": { "get": { "parameters": [ { "in": "query", "name": "path", "type": "string", "required": false } ], "responses": {} } } }
            """);

        new ExtensionPathQueryRule().Apply(document);

        var operation = document.Single();
        Assert.Equal("/{organization}/_apis/items", operation.Route);
        Assert.True((bool)operation.Parameter("path")["required"]!);
    }

    [Fact]
    public void Literal_pairs_become_fixed_query_values_and_an_empty_query_is_dropped()
    {
        var document = Specs.Document("{}", extensionPaths: """
            {
              "/_apis/a?action=run": { "post": { "responses": {} } },
              "/_apis/b?": { "get": { "responses": {} } }
            }
            """);

        new ExtensionPathQueryRule().Apply(document);

        Assert.Equal("run", document.Operations[0].FixedQuery["action"]);
        Assert.Equal("/_apis/a", document.Operations[0].Route);
        Assert.Equal("/_apis/b", document.Operations[1].Route);
        Assert.Empty(document.Operations[1].FixedQuery);
    }

    [Fact]
    public void Undeclared_placeholder_gets_a_required_string_parameter()
    {
        var document = Specs.Document("{}", extensionPaths: """{ "/_apis/a?name={name}": { "get": { "responses": {} } } }""");

        new ExtensionPathQueryRule().Apply(document);

        var parameter = document.Single().Parameter("name");
        Assert.Equal("query", (string?)parameter["in"]);
        Assert.True((bool)parameter["required"]!);
    }
}
