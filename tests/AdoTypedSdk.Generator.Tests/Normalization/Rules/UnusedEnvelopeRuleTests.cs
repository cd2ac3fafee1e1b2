using AdoTypedSdk.Generator.Normalization.Rules;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public class UnusedEnvelopeRuleTests
{
    private const string Envelopes = """
        "VssJsonCollectionWrapper": { "allOf": [ { "$ref": "#/definitions/VssJsonCollectionWrapperBase" } ], "properties": { "value": { } } },
        "VssJsonCollectionWrapperBase": { "properties": { "count": { "type": "integer" } } },
        "Unused": { "properties": { "name": { "type": "string" } } }
        """;

    [Fact]
    public void Envelopes_nothing_refers_to_go_and_other_definitions_stay()
    {
        var document = Specs.Document("{}", "{" + Envelopes + "}");

        new UnusedEnvelopeRule().Apply(document);

        Assert.Null(document.Definitions["VssJsonCollectionWrapper"]);
        Assert.Null(document.Definitions["VssJsonCollectionWrapperBase"]);
        Assert.NotNull(document.Definitions["Unused"]);
    }

    [Fact]
    public void An_envelope_a_request_body_names_stays_with_its_base()
    {
        var document = Specs.Document("""
            { "/_apis/acl": { "post": { "tags": ["Acl"], "operationId": "Acl_Set", "parameters": [ { "in": "body", "name": "body", "schema": { "$ref": "#/definitions/VssJsonCollectionWrapper" } } ], "responses": { "200": { "description": "ok" } } } } }
            """, "{" + Envelopes + "}");

        new UnusedEnvelopeRule().Apply(document);

        Assert.NotNull(document.Definitions["VssJsonCollectionWrapper"]);
        Assert.NotNull(document.Definitions["VssJsonCollectionWrapperBase"]);
    }
}
