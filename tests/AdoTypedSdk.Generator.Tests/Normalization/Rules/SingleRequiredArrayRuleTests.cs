using AdoTypedSdk.Generator.Normalization.Rules;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public class SingleRequiredArrayRuleTests
{
    [Fact]
    public void Required_array_beside_another_array_becomes_optional()
    {
        var document = Specs.Get("/_apis/wit/workitems", """
            [ { "in": "query", "name": "ids", "type": "array", "items": { "type": "integer" }, "required": true },
              { "in": "query", "name": "fields", "type": "array", "items": { "type": "string" }, "required": false } ]
            """);

        new SingleRequiredArrayRule().Apply(document);

        Assert.False((bool)document.Single().Parameter("ids")["required"]!);
    }

    [Fact]
    public void Lone_required_array_stays_required()
    {
        var document = Specs.Get("/_apis/wit/workitems", """[ { "in": "query", "name": "ids", "type": "array", "items": { "type": "integer" }, "required": true } ]""");

        new SingleRequiredArrayRule().Apply(document);

        Assert.True((bool)document.Single().Parameter("ids")["required"]!);
    }
}
