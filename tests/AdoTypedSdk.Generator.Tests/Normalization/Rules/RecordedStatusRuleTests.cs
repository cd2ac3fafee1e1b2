using AdoTypedSdk.Generator.Normalization;
using AdoTypedSdk.Generator.Normalization.Rules;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public sealed class RecordedStatusRuleTests : IDisposable
{
    private readonly ExampleFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private SpecDocument DocumentWithExample(string reference, string responses, string? recordedStatus)
    {
        if (recordedStatus is not null)
            _folder.Write("httpExamples/states/Hide_State.json", $$"""{ "parameters": {}, "responses": { "{{recordedStatus}}": {} } }""");
        return _folder.Document($$"""
            { "swagger": "2.0", "paths": { "/_apis/states/{id}": { "put": {
                "x-ms-examples": { "Hide": { "$ref": "{{reference}}" } }, "responses": {{responses}} } } }, "definitions": {} }
            """);
    }

    [Fact]
    public void Recorded_204_is_added_and_makes_a_documented_body_nullable()
    {
        // The reference differs from the file name in case, as a third of the upstream references do.
        var document = DocumentWithExample("./httpExamples/States/HIDE_state.json", """{ "200": { "description": "ok", "schema": { "$ref": "#/definitions/State" } } }""", "204");

        new RecordedStatusRule().Apply(document);

        var responses = (JObject)document.Single().Operation["responses"]!;
        Assert.Equal(["200", "204"], responses.Properties().Select(p => p.Name));
        Assert.True((bool)responses["200"]!["x-nullable"]!);
        Assert.True((bool)responses["204"]!["x-nullable"]!);
        Assert.Equal("#/definitions/State", (string?)responses["204"]!["schema"]!["$ref"]);
    }

    [Theory]
    [InlineData("200")]
    [InlineData(null)]
    public void Documented_or_unrecorded_statuses_change_nothing(string? recordedStatus)
    {
        var document = DocumentWithExample("./httpExamples/states/Hide_State.json", """{ "200": { "description": "ok", "schema": { "$ref": "#/definitions/State" } } }""", recordedStatus);

        new RecordedStatusRule().Apply(document);

        var responses = (JObject)document.Single().Operation["responses"]!;
        Assert.Equal(["200"], responses.Properties().Select(p => p.Name));
        Assert.Null(responses["200"]!["x-nullable"]);
    }

    [Fact]
    public void An_example_that_is_not_json_is_named_in_the_error()
    {
        var document = DocumentWithExample("./httpExamples/states/Hide_State.json", """{ "200": { "description": "ok" } }""", "204");
        _folder.Write("httpExamples/states/Hide_State.json", "{ not json");

        var error = Assert.Throws<AdoTypedSdk.Generator.Pinning.SpecException>(() => new RecordedStatusRule().Apply(document));

        Assert.Contains("Hide_State.json", error.Message);
    }
}
