using AdoTypedSdk.Generator.Normalization.Rules;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public class FlagEnumRuleTests
{
    [Fact]
    public void Flags_and_permissions_enums_are_bit_flags_and_others_are_not()
    {
        var document = Specs.Document("{}", definitions: """
            { "SubscriberFlags": { "type": "string", "enum": ["none", "isUser", "isGroup"] },
              "ApprovalPermissions": { "type": "string", "enum": ["none", "view"] },
              "ApprovalStatus": { "type": "string", "enum": ["pending", "approved"] } }
            """);

        new FlagEnumRule().Apply(document);

        Assert.True((bool?)document.Definitions["SubscriberFlags"]!["x-enumFlags"]);
        Assert.True((bool?)document.Definitions["ApprovalPermissions"]!["x-enumFlags"]);
        Assert.Null(document.Definitions["ApprovalStatus"]!["x-enumFlags"]);
    }
}
