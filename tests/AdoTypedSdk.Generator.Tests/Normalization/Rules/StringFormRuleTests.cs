using AdoTypedSdk.Generator.Normalization.Rules;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public class StringFormRuleTests
{
    [Fact]
    public void Descriptors_demands_and_labelled_ids_get_their_string_form_from_their_properties()
    {
        var document = Specs.Document("{}", definitions: """
            { "SubjectDescriptor": { "type": "object", "properties": { "identityType": { "type": "string" }, "identifier": { "type": "string" } } },
              "Demand": { "type": "object", "properties": { "name": { "type": "string" }, "value": { "type": "string" } } },
              "Reference": { "type": "object", "properties": { "id": { "type": "string" }, "displayName": { "type": "string" } } },
              "DerivedReference": { "allOf": [ { "$ref": "#/definitions/Reference" } ], "type": "object", "properties": { "url": { "type": "string" } } } }
            """);

        new StringFormRule().Apply(document);

        Assert.Equal(";|identityType|identifier|identifier", Form(document, "SubjectDescriptor"));
        Assert.Equal(" -equals |name|value|name", Form(document, "Demand"));
        Assert.Equal("|id||id", Form(document, "Reference"));
        Assert.Equal("|id||id", Form(document, "DerivedReference"));
    }

    [Fact]
    public void Models_with_other_properties_or_typed_ids_keep_the_object_form_only()
    {
        var document = Specs.Document("{}", definitions: """
            { "WithLinks": { "type": "object", "properties": { "id": { "type": "string" }, "_links": { "type": "object" } } },
              "GuidId": { "type": "object", "properties": { "id": { "type": "string", "format": "uuid" }, "name": { "type": "string" } } },
              "RedeclaredId": { "allOf": [ { "$ref": "#/definitions/Named" } ], "type": "object", "properties": { "id": { "type": "integer" } } },
              "Named": { "type": "object", "properties": { "id": { "type": "string" }, "name": { "type": "string" } } },
              "IdentityPair": { "type": "object", "properties": { "identityType": { "type": "string" }, "identifier": { "type": "string" } } },
              "Requirement": { "type": "object", "properties": { "name": { "type": "string" }, "value": { "type": "string" } } } }
            """);

        new StringFormRule().Apply(document);

        foreach (var name in new[] { "WithLinks", "GuidId", "RedeclaredId", "IdentityPair", "Requirement" })
            Assert.Null(document.Definitions[name]![StringFormRule.Extension]);
        Assert.NotNull(document.Definitions["Named"]![StringFormRule.Extension]);
    }

    private static string Form(AdoTypedSdk.Generator.Normalization.SpecDocument document, string definition)
    {
        var form = (JObject)document.Definitions[definition]![StringFormRule.Extension]!;
        return string.Join("|", (string?)form["separator"], (string?)form["first"], (string?)form["second"], (string?)form["alone"]);
    }
}
