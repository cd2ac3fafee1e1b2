using AdoTypedSdk.Generator.Normalization.Rules;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public class UntypedEnumRuleTests
{
    [Fact]
    public void Enum_without_type_is_a_string_enum_when_its_values_are_strings()
    {
        var document = Specs.Document("{}", definitions: """
            { "Op": { "enum": ["add", "remove"] }, "Level": { "enum": [1, 2] }, "Typed": { "type": "integer", "enum": [0] } }
            """);

        new UntypedEnumRule().Apply(document);

        Assert.Equal("string", (string?)document.Definitions["Op"]!["type"]);
        Assert.Equal("integer", (string?)document.Definitions["Level"]!["type"]);
        Assert.Equal("integer", (string?)document.Definitions["Typed"]!["type"]);
    }
}
