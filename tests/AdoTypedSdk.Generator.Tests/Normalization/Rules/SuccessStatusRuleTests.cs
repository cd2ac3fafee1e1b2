using AdoTypedSdk.Generator.Normalization.Rules;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public class SuccessStatusRuleTests
{
    [Fact]
    public void Only_200_also_accepts_201_and_202_with_the_same_body()
    {
        var document = Specs.Document("""{ "/_apis/a": { "post": { "responses": { "200": { "description": "ok", "schema": { "$ref": "#/definitions/A" } } } } } }""");

        new SuccessStatusRule().Apply(document);

        var responses = (JObject)document.Single().Operation["responses"]!;
        Assert.Equal(["200", "201", "202"], responses.Properties().Select(p => p.Name));
        Assert.Equal("#/definitions/A", (string?)responses["201"]!["schema"]!["$ref"]);
    }

    [Fact]
    public void Only_200_without_a_body_also_accepts_204()
    {
        var document = Specs.Document("""{ "/_apis/a": { "delete": { "responses": { "200": { "description": "ok" } } } } }""");

        new SuccessStatusRule().Apply(document);

        Assert.Equal(["200", "201", "202", "204"], ((JObject)document.Single().Operation["responses"]!).Properties().Select(p => p.Name).Order());
    }

    [Fact]
    public void Delete_with_a_body_also_accepts_204_and_its_result_becomes_nullable()
    {
        var document = Specs.Document("""{ "/_apis/a": { "delete": { "responses": { "200": { "description": "ok", "schema": { "$ref": "#/definitions/A" } } } } } }""");

        new SuccessStatusRule().Apply(document);

        var responses = (JObject)document.Single().Operation["responses"]!;
        Assert.True((bool)responses["200"]!["x-nullable"]!);
        Assert.True((bool)responses["204"]!["x-nullable"]!);
        Assert.Equal("#/definitions/A", (string?)responses["204"]!["schema"]!["$ref"]);
        // 201 and 202 are as nullable as 200, or NSwag would take them for errors (QueueDeleteProject answered 202 threw).
        Assert.True((bool)responses["202"]!["x-nullable"]!);
    }

    [Fact]
    public void A_declared_201_is_completed_with_200_and_202_of_the_same_body()
    {
        var document = Specs.Document("""{ "/_apis/a": { "post": { "responses": { "201": { "description": "created", "schema": { "$ref": "#/definitions/A" } } } } } }""");

        new SuccessStatusRule().Apply(document);

        var responses = (JObject)document.Single().Operation["responses"]!;
        Assert.Equal(["201", "200", "202"], responses.Properties().Select(p => p.Name));
        Assert.Equal("#/definitions/A", (string?)responses["200"]!["schema"]!["$ref"]);
        Assert.Equal("#/definitions/A", (string?)responses["202"]!["schema"]!["$ref"]);
    }

    [Fact]
    public void A_declared_204_is_completed_with_bodiless_200_201_and_202()
    {
        var document = Specs.Document("""{ "/_apis/a": { "delete": { "responses": { "200": { "description": "ok" }, "204": { "description": "gone" } } } } }""");

        new SuccessStatusRule().Apply(document);

        var responses = (JObject)document.Single().Operation["responses"]!;
        Assert.Equal(["200", "204", "201", "202"], responses.Properties().Select(p => p.Name));
        Assert.Null(responses["202"]!["schema"]);
    }
}
