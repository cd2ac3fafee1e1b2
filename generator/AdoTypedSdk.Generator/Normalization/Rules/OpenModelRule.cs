using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// ADO adds fields to its responses faster than the documents follow: every object model with declared properties keeps what it does not
/// declare in an <c>AdditionalProperties</c> dictionary, so nothing the server sends is dropped and it is sent back unchanged. A model that
/// declares a property of that name itself keeps it instead.
/// </summary>
public sealed class OpenModelRule : ISpecRule
{
    public void Apply(SpecDocument document)
    {
        foreach (var definition in document.Definitions.Properties().Select(p => p.Value).OfType<JObject>())
        {
            if (definition["properties"] is JObject { HasValues: true } properties && definition["additionalProperties"] is null
                && !properties.Properties().Any(p => p.Name.Equals("additionalProperties", StringComparison.OrdinalIgnoreCase)))
                definition["additionalProperties"] = true;
        }
    }
}
