using AdoTypedSdk.Generator.Normalization.Rules;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public class OptionalPathParameterRuleTests
{
    [Fact]
    public void Path_parameter_marked_not_required_by_ado_becomes_optional_and_others_stay_required()
    {
        var document = Specs.Get("/{project}/_apis/wit/workitems/{id}", """
            [ { "in": "path", "name": "project", "required": true, "x-ms-required": false, "type": "string" },
              { "in": "path", "name": "id", "required": true, "type": "integer" } ]
            """);

        new OptionalPathParameterRule().Apply(document);

        Assert.False((bool)document.Single().Parameter("project")["required"]!);
        Assert.True((bool)document.Single().Parameter("id")["required"]!);
    }
}
