using AdoTypedSdk.Generator.Normalization.Rules;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public class ReferenceLinksRuleTests
{
    [Fact]
    public void A_model_whose_only_property_is_a_links_map_becomes_the_map()
    {
        var document = Specs.Document("{}", """
            { "ReferenceLinks": { "type": "object", "properties": { "links": { "type": "object", "additionalProperties": { "type": "object" } } }, "additionalProperties": true } }
            """);

        new ReferenceLinksRule().Apply(document);

        var links = document.Definitions["ReferenceLinks"]!;
        Assert.Null(links["properties"]);
        Assert.True(JToken.DeepEquals(new JObject(), links["additionalProperties"]));
    }

    [Fact]
    public void A_model_with_other_properties_keeps_them()
    {
        var document = Specs.Document("{}", """
            { "Page": { "properties": { "links": { "type": "object", "additionalProperties": { "type": "object" } }, "count": { "type": "integer" } } } }
            """);

        new ReferenceLinksRule().Apply(document);

        Assert.NotNull(document.Definitions["Page"]!["properties"]!["links"]);
    }
}
