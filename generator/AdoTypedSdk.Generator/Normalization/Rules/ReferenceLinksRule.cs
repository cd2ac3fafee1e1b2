using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// The documents describe <c>ReferenceLinks</c> as a model whose one property, <c>links</c>, is a map; ADO sends the map itself
/// (<c>"_links": { "self": { "href": … }, "html": { … } }</c>), so the documented property stayed empty and the relations landed in
/// <c>AdditionalProperties</c>. A model whose only property is a map named <c>links</c> becomes that map. Its values stay any JSON:
/// a relation is usually one link, but ADO also sends arrays of links (a team's <c>classificationNode</c>s, a tree's entries).
/// <c>(string?)workItem.Links["html"]?["href"]</c> reads a link, and the map is written back as it came.
/// </summary>
public sealed class ReferenceLinksRule : ISpecRule
{
    public void Apply(SpecDocument document)
    {
        foreach (var definition in document.Definitions.Properties().Select(p => p.Value).OfType<JObject>())
        {
            if (definition["properties"] is not JObject { Count: 1 } properties || properties["links"] is not JObject links
                || (string?)links["type"] != "object" || links["additionalProperties"] is not JObject)
                continue;
            definition.Remove("properties");
            definition["type"] = "object";
            definition["additionalProperties"] = new JObject();
        }
    }
}
