using AdoTypedSdk.Generator.Normalization.Rules;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public class OpenModelRuleTests
{
    [Fact]
    public void Models_with_properties_accept_undeclared_fields_and_explicit_choices_stay()
    {
        var document = Specs.Document("{}", definitions: """
            { "WorkItem": { "type": "object", "properties": { "id": { "type": "integer" } } },
              "Closed": { "type": "object", "properties": { "id": { "type": "integer" } }, "additionalProperties": false },
              "Clashing": { "type": "object", "properties": { "additionalProperties": { "type": "object" } } },
              "Map": { "type": "object", "additionalProperties": { "type": "string" } } }
            """);

        new OpenModelRule().Apply(document);

        Assert.True((bool)document.Definitions["WorkItem"]!["additionalProperties"]!);
        Assert.False((bool)document.Definitions["Closed"]!["additionalProperties"]!);
        Assert.Null(document.Definitions["Clashing"]!["additionalProperties"]);
        Assert.Equal("string", (string?)document.Definitions["Map"]!["additionalProperties"]!["type"]);
    }

    [Fact]
    public void A_base_without_properties_keeps_what_its_derived_shapes_send()
    {
        var document = Specs.Document("{}", definitions: """
            { "VariableGroupProviderData": { "type": "object", "properties": {} },
              "AzureKeyVaultVariableGroupProviderData": { "type": "object", "allOf": [ { "$ref": "#/definitions/VariableGroupProviderData" } ],
                "properties": { "vault": { "type": "string" } } },
              "State": { "type": "string", "enum": [ "on", "off" ] },
              "Names": { "type": "array", "items": { "type": "string" } } }
            """);

        new OpenModelRule().Apply(document);

        Assert.True((bool)document.Definitions["VariableGroupProviderData"]!["additionalProperties"]!);
        Assert.True((bool)document.Definitions["AzureKeyVaultVariableGroupProviderData"]!["additionalProperties"]!);
        Assert.Null(document.Definitions["State"]!["additionalProperties"]);
        Assert.Null(document.Definitions["Names"]!["additionalProperties"]);
    }
}
