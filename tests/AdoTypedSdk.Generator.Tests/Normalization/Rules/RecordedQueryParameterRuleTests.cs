using AdoTypedSdk.Generator.Normalization;
using AdoTypedSdk.Generator.Normalization.Rules;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public sealed class RecordedQueryParameterRuleTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("recorded-query-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private SpecDocument DocumentRecording(string url)
    {
        Directory.CreateDirectory(Path.Combine(_folder, "httpExamples"));
        File.WriteAllText(Path.Combine(_folder, "httpExamples", "Search.json"), $$"""{ "x-ms-vss-request-url": "{{url}}", "parameters": {}, "responses": {} }""");
        var root = JObject.Parse("""
            { "swagger": "2.0", "paths": { "/~/_apis/identities": { "get": {
                "x-ms-examples": { "Search": { "$ref": "./httpExamples/Search.json" } },
                "parameters": [ { "in": "query", "name": "searchFilter", "type": "string" }, { "in": "query", "name": "criteria.status", "type": "string" },
                                { "in": "query", "name": "descriptors", "type": "string", "required": true } ],
                "responses": { "200": { "description": "ok" } } } } }, "definitions": {} }
            """);
        return new SpecDocument(root, Path.Combine(_folder, "sample.json"), "7.1");
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
}
