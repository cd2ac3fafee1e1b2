using AdoTypedSdk.Generator.Normalization;
using AdoTypedSdk.Generator.Normalization.Rules;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public sealed class PathValuedParameterRuleTests : IDisposable
{
    private readonly ExampleFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>TFS 2018's shape: the parameter has no description, and a recording sends the query's folder path.</summary>
    private SpecDocument UndescribedQueryRecording(string url, string description = "")
    {
        _folder.Write("httpExamples/GetQuery.json", $$"""{ "x-ms-vss-request-url": "{{url}}", "parameters": {}, "responses": {} }""");
        return _folder.Document($$"""
            { "swagger": "2.0", "paths": { "/{collection}/{project}/_apis/wit/queries/{query}": { "get": {
                "x-ms-examples": { "GetQuery": { "$ref": "./httpExamples/GetQuery.json" } },
                "parameters": [ { "in": "path", "name": "collection", "required": true, "type": "string" },
                                { "in": "path", "name": "project", "required": true, "type": "string" },
                                { "in": "path", "name": "query", "required": true, "type": "string", "description": "{{description}}" } ],
                "responses": { "200": { "description": "ok" } } } } }, "definitions": {} }
            """);
    }

    [Theory]
    [InlineData("https://fabrikam:8080/tfs/Fabrikam-Fiber-Git/_apis/wit/queries/Shared%20Queries/Website%20team/All%20Bugs")]
    // Recorded without the collection segment, as many on-premises recordings are.
    [InlineData("https://fabrikam:8080/Fabrikam-Fiber-Git/_apis/wit/queries/Shared%20Queries/Website%20team")]
    public void Undescribed_trailing_parameter_recorded_with_several_segments_gets_the_marker(string url)
    {
        var document = UndescribedQueryRecording(url);
        new OrganizationInBaseAddressRule().Apply(document);

        new PathValuedParameterRule().Apply(document);

        Assert.Equal("/~/{project}/_apis/wit/queries/*{query}", document.Single().Route);
    }

    [Theory]
    [InlineData("https://fabrikam:8080/tfs/Fabrikam-Fiber-Git/_apis/wit/queries/8a8c8212-15ca-41ed-97aa-1d6fbfbcd581")]
    // A recording of another resource (one more literal segment) says nothing about this parameter.
    [InlineData("https://fabrikam:8080/tfs/Fabrikam-Fiber-Git/_apis/wit/queriesbatch")]
    public void Undescribed_trailing_parameter_recorded_as_one_segment_keeps_its_route(string url)
    {
        var document = UndescribedQueryRecording(url);
        new OrganizationInBaseAddressRule().Apply(document);

        new PathValuedParameterRule().Apply(document);

        Assert.Equal("/~/{project}/_apis/wit/queries/{query}", document.Single().Route);
    }

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

    [Fact]
    public void A_described_parameter_is_read_by_its_description_not_its_recordings()
    {
        // A recording filed under the wrong operation must not turn an id into a path.
        var document = UndescribedQueryRecording("https://fabrikam:8080/tfs/P/_apis/wit/queries/Shared%20Queries/Website%20team", "The id of the query.");
        new OrganizationInBaseAddressRule().Apply(document);

        new PathValuedParameterRule().Apply(document);

        Assert.Equal("/~/{project}/_apis/wit/queries/{query}", document.Single().Route);
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
