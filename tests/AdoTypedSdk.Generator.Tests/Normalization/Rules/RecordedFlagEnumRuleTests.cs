using AdoTypedSdk.Generator.Normalization;
using AdoTypedSdk.Generator.Normalization.Rules;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public sealed class RecordedFlagEnumRuleTests : IDisposable
{
    private readonly ExampleFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private SpecDocument DocumentRecording(string example)
    {
        _folder.Write("httpExamples/GetSuites.json", example);
        return _folder.Document("""
            { "swagger": "2.0", "paths": { "/_apis/suites": { "get": {
                "x-ms-examples": { "Suites": { "$ref": "./httpExamples/GetSuites.json" } },
                "parameters": [ { "in": "query", "name": "expand", "type": "string", "x-schema": { "$ref": "#/definitions/SuiteExpand" } } ],
                "responses": { "200": { "description": "ok" } } } } },
              "definitions": { "SuiteExpand": { "type": "string", "enum": ["none", "children", "defaultTesters"] } } }
            """);
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
