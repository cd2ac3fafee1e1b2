using AdoTypedSdk.Generator.Normalization.Rules;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public class OptionalPropertyRuleTests
{
    [Fact]
    public void Required_lists_and_non_nullable_marks_are_removed_from_models()
    {
        var document = Specs.Document("{}", definitions: """
            { "Model": { "type": "object", "required": ["id"], "properties": { "id": { "type": "integer", "x-nullable": false }, "inner": { "type": "object", "required": ["x"] } } } }
            """);

        new OptionalPropertyRule().Apply(document);

        var model = document.Definitions["Model"]!;
        Assert.Null(model["required"]);
        Assert.Null(model["properties"]!["id"]!["x-nullable"]);
        Assert.Null(model["properties"]!["inner"]!["required"]);
    }
}
