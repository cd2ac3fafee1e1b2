using AdoTypedSdk.Generator.Normalization;
using AdoTypedSdk.Generator.Normalization.Rules;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public sealed class RecordedFlagEnumRuleTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("recorded-flags-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private SpecDocument DocumentRecording(string example)
    {
        Directory.CreateDirectory(Path.Combine(_folder, "httpExamples"));
        File.WriteAllText(Path.Combine(_folder, "httpExamples", "GetSuites.json"), example);
        var root = JObject.Parse("""
            { "swagger": "2.0", "paths": { "/_apis/suites": { "get": {
                "x-ms-examples": { "Suites": { "$ref": "./httpExamples/GetSuites.json" } },
                "parameters": [ { "in": "query", "name": "expand", "type": "string", "x-schema": { "$ref": "#/definitions/SuiteExpand" } } ],
                "responses": { "200": { "description": "ok" } } } } },
              "definitions": { "SuiteExpand": { "type": "string", "enum": ["none", "children", "defaultTesters"] } } }
            """);
        return new SpecDocument(root, Path.Combine(_folder, "sample.json"), "7.1");
    }

    [Theory]
    [InlineData("""{ "parameters": { "expand": "Children, DefaultTesters" }, "responses": {} }""")]
    [InlineData("""{ "x-ms-vss-request-url": "https://dev.azure.com/f/p/_apis/suites?expand=children,defaultTesters", "parameters": {}, "responses": {} }""")]
    public void Enum_recorded_as_a_combination_of_members_becomes_flags(string example)
    {
        var document = DocumentRecording(example);

        new RecordedFlagEnumRule().Apply(document);

        Assert.True((bool)document.Definitions["SuiteExpand"]!["x-enumFlags"]!);
    }

    [Theory]
    [InlineData("""{ "parameters": { "expand": "children" }, "responses": {} }""")]
    [InlineData("""{ "parameters": { "expand": "children, grandchildren" }, "responses": {} }""")]
    public void Single_members_and_unknown_parts_leave_the_enum_as_it_is(string example)
    {
        var document = DocumentRecording(example);

        new RecordedFlagEnumRule().Apply(document);

        Assert.Null(document.Definitions["SuiteExpand"]!["x-enumFlags"]);
    }
}
