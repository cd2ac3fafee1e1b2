using AdoTypedSdk.Generator.Normalization.Rules;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public class ConditionallyRequiredParameterRuleTests
{
    [Theory]
    [InlineData("header", "Version of the page on which the change is to be made. Mandatory for `Edit` scenario.")]
    [InlineData("query", "Comma separated integer classification nodes ids. It's not required, if you want root nodes.")]
    public void A_parameter_needed_only_in_some_cases_is_optional(string location, string description)
    {
        var document = Specs.Get("/_apis/a", $$"""[ { "in": "{{location}}", "name": "p", "type": "string", "required": true, "description": "{{description}}" } ]""");

        new ConditionallyRequiredParameterRule().Apply(document);

        Assert.False((bool)document.Single().Parameter("p")["required"]!);
    }

    [Theory]
    [InlineData("query", "Name is the only required value.")]
    [InlineData("path", "Mandatory for `Edit` scenario.")]
    public void Other_required_parameters_stay_required(string location, string description)
    {
        var document = Specs.Get("/_apis/a/{p}", $$"""[ { "in": "{{location}}", "name": "p", "type": "string", "required": true, "description": "{{description}}" } ]""");

        new ConditionallyRequiredParameterRule().Apply(document);

        Assert.True((bool)document.Single().Parameter("p")["required"]!);
    }

    [Theory]
    [InlineData("Optional definition id to queue a build without a body. Ignored if there's a valid body", false)]
    [InlineData("The definition id.", true)]
    public void A_body_is_optional_when_another_parameter_says_the_operation_works_without_one(string description, bool required)
    {
        var document = Specs.Get("/_apis/builds", $$"""
            [ { "in": "body", "name": "build", "required": true, "schema": { "type": "object" } },
              { "in": "query", "name": "definitionId", "type": "integer", "description": "{{description}}" } ]
            """);

        new ConditionallyRequiredParameterRule().Apply(document);

        Assert.Equal(required, (bool)document.Single().Parameter("build")["required"]!);
    }
}
