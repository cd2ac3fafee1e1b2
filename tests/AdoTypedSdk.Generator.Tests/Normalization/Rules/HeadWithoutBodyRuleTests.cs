using AdoTypedSdk.Generator.Normalization;
using AdoTypedSdk.Generator.Normalization.Rules;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public class HeadWithoutBodyRuleTests
{
    private static SpecDocument Operation(string method) => Specs.Document($$"""
        { "/_apis/queries/{id}": { "{{method}}": { "tags": ["Queries"], "operationId": "Queries_Get", "responses": { "200": { "description": "ok", "schema": { "type": "integer" } } } } } }
        """);

    [Fact]
    public void A_head_answer_has_no_body()
    {
        var document = Operation("head");

        new HeadWithoutBodyRule().Apply(document);

        Assert.Null(document.Single().Operation["responses"]!["200"]!["schema"]);
    }

    [Fact]
    public void Other_methods_keep_their_answer()
    {
        var document = Operation("get");

        new HeadWithoutBodyRule().Apply(document);

        Assert.NotNull(document.Single().Operation["responses"]!["200"]!["schema"]);
    }
}
