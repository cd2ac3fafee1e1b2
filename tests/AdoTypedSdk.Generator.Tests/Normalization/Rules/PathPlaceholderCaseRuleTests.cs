using AdoTypedSdk.Generator.Normalization.Rules;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public class PathPlaceholderCaseRuleTests
{
    [Fact]
    public void Placeholder_takes_the_parameter_spelling()
    {
        var document = Specs.Get("/_apis/build/definitions/{DefinitionId}", """[ { "in": "path", "name": "definitionId", "required": true, "type": "integer" } ]""");

        new PathPlaceholderCaseRule().Apply(document);

        Assert.Equal("/_apis/build/definitions/{definitionId}", document.Single().Route);
    }

    [Fact]
    public void Literal_dollar_before_a_placeholder_is_kept()
    {
        var document = Specs.Get("/_apis/wit/workitems/${type}", """[ { "in": "path", "name": "type", "required": true, "type": "string" } ]""");

        new PathPlaceholderCaseRule().Apply(document);

        Assert.Equal("/_apis/wit/workitems/${type}", document.Single().Route);
    }

    [Fact]
    public void Placeholder_without_parameter_gets_a_required_string_parameter()
    {
        var document = Specs.Get("/_apis/things/{thingId}", "[]");

        new PathPlaceholderCaseRule().Apply(document);

        Assert.Equal("path", (string?)document.Single().Parameter("thingId")["in"]);
    }
}
