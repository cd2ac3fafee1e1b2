using AdoTypedSdk.Generator.Normalization;
using AdoTypedSdk.Generator.Normalization.Rules;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public sealed class RecordedQueryParameterRuleTests : IDisposable
{
    private readonly ExampleFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private SpecDocument DocumentRecording(string url)
    {
        _folder.Write("httpExamples/Search.json", $$"""{ "x-ms-vss-request-url": "{{url}}", "parameters": {}, "responses": {} }""");
        return _folder.Document("""
            { "swagger": "2.0", "paths": { "/~/_apis/identities": { "get": {
                "x-ms-examples": { "Search": { "$ref": "./httpExamples/Search.json" } },
                "parameters": [ { "in": "query", "name": "searchFilter", "type": "string" }, { "in": "query", "name": "criteria.status", "type": "string" },
                                { "in": "query", "name": "descriptors", "type": "string", "required": true } ],
                "responses": { "200": { "description": "ok" } } } } }, "definitions": {} }
            """);
    }

    [Fact]
    public void Query_parameter_only_the_recording_sends_becomes_an_optional_string()
    {
        var document = DocumentRecording("https://vssps.dev.azure.com/f/_apis/Identities?searchFilter=General&options=None&status=active&api-version=7.1");

        new RecordedQueryParameterRule().Apply(document);

        var added = document.Single().ParametersIn("query").Select(p => (string?)p["name"]).ToList();
        Assert.Equal(["searchFilter", "criteria.status", "descriptors", "options"], added);
        var options = document.Single().Parameter("options");
        Assert.False((bool)options["required"]!);
        Assert.Equal("string", (string?)options["type"]);
        // The recording went without it, so ADO does not require it.
        Assert.False((bool)document.Single().Parameter("descriptors")["required"]!);
    }

    [Fact]
    public void Recording_of_another_route_adds_nothing()
    {
        var document = DocumentRecording("https://vssps.dev.azure.com/f/_apis/identities/7a394543/members?options=None");

        new RecordedQueryParameterRule().Apply(document);

        Assert.Equal(3, document.Single().ParametersIn("query").Count());
        Assert.True((bool)document.Single().Parameter("descriptors")["required"]!);
    }

    [Theory]
    [InlineData("Top=5", "$top")]
    [InlineData("%24TOP=5", "top")]
    [InlineData("SEARCHFILTER=General", "searchFilter")]
    public void A_name_the_operation_has_in_another_case_or_without_its_dollar_is_not_added_again(string query, string declared)
    {
        _folder.Write("httpExamples/List.json", $$"""{ "x-ms-vss-request-url": "https://dev.azure.com/f/_apis/things?{{query}}", "parameters": {}, "responses": {} }""");
        var document = _folder.Document($$"""
            { "swagger": "2.0", "paths": { "/~/_apis/things": { "get": {
                "x-ms-examples": { "List": { "$ref": "./httpExamples/List.json" } },
                "parameters": [ { "in": "query", "name": "{{declared}}", "type": "integer" } ],
                "responses": { "200": { "description": "ok" } } } } }, "definitions": {} }
            """);

        new RecordedQueryParameterRule().Apply(document);

        Assert.Equal([declared], document.Single().ParametersIn("query").Select(p => (string?)p["name"]));
    }

    [Fact]
    public void An_added_parameter_is_marked_as_recorded()
    {
        var document = DocumentRecording("https://vssps.dev.azure.com/f/_apis/Identities?options=None");

        new RecordedQueryParameterRule().Apply(document);

        Assert.True((bool)document.Single().Parameter("options")[RecordedQueryParameterRule.RecordedExtension]!);
        Assert.Null(document.Single().Parameter("searchFilter")[RecordedQueryParameterRule.RecordedExtension]);
    }
}
