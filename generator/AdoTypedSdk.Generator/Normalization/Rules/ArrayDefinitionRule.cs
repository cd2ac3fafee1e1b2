using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// A definition declared as an object whose only content is <c>allOf</c> one array (<c>JsonPatchDocument</c>) is that array,
/// so it serializes as <c>[...]</c> and not as an object.
/// </summary>
public sealed class ArrayDefinitionRule : ISpecRule
{
    public void Apply(SpecDocument document)
    {
        foreach (var definition in document.Definitions.Properties().Select(p => p.Value).OfType<JObject>())
        {
            if (definition["allOf"] is not JArray { Count: 1 } allOf || allOf[0] is not JObject array || (string?)array["type"] != "array")
                continue;
            if (definition["properties"] is JObject { HasValues: true })
                continue;
            definition.Remove("allOf");
            definition.Remove("properties");
            definition["type"] = "array";
            definition["items"] = array["items"]?.DeepClone() ?? new JObject();
        }
    }
}
