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

    [Fact]
    public void Team_right_after_project_is_optional_even_unmarked_and_elsewhere_it_is_not()
    {
        var document = Specs.Document("""
            {
              "/{organization}/{project}/{team}/_apis/work/backlogs": { "get": { "parameters": [
                { "in": "path", "name": "project", "required": true, "type": "string" },
                { "in": "path", "name": "team", "required": true, "type": "string" } ], "responses": { "200": { "description": "ok" } } } },
              "/{organization}/_apis/teams/{team}/members": { "get": { "parameters": [
                { "in": "path", "name": "team", "required": true, "type": "string" } ], "responses": { "200": { "description": "ok" } } } }
            }
            """);

        new OptionalPathParameterRule().Apply(document);

        Assert.False((bool)document.Operations[0].Parameter("team")["required"]!);
        Assert.True((bool)document.Operations[0].Parameter("project")["required"]!);
        Assert.True((bool)document.Operations[1].Parameter("team")["required"]!);
    }
}
