using AdoTypedSdk.Generator.Normalization.Rules;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public class PathValuedParameterRuleTests
{
    [Fact]
    public void Trailing_parameter_described_as_a_path_gets_the_marker()
    {
        var document = Specs.Get("/~/{project}/_apis/wit/queries/{query}", """
            [ { "in": "path", "name": "project", "required": true, "type": "string" },
              { "in": "path", "name": "query", "required": true, "type": "string", "description": "ID or path of the query." } ]
            """);

        new PathValuedParameterRule().Apply(document);

        Assert.Equal("/~/{project}/_apis/wit/queries/*{query}", document.Single().Route);
    }

    [Theory]
    // An id is one segment, however it is described.
    [InlineData("/~/_apis/wit/queries/{id}", "id", "The id of the query.")]
    // A path parameter that is not last cannot take the rest of the URL.
    [InlineData("/~/_apis/build/folders/{path}/items", "path", "The path to start with.")]
    public void Other_parameters_keep_their_route(string route, string name, string description)
    {
        var document = Specs.Get(route, $$"""[ { "in": "path", "name": "{{name}}", "required": true, "type": "string", "description": "{{description}}" } ]""");

        new PathValuedParameterRule().Apply(document);

        Assert.Equal(route, document.Single().Route);
    }
}
