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
}
