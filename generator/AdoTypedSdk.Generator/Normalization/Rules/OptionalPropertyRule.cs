using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// Every model property is optional: the server omits fields freely, so a <c>required</c> list (or <c>x-nullable: false</c>) would
/// turn a partial response into a deserialization error.
/// </summary>
public sealed class OptionalPropertyRule : ISpecRule
{
    public void Apply(SpecDocument document)
    {
        foreach (var schema in document.Definitions.Properties().Select(p => p.Value).OfType<JObject>().SelectMany(SpecDocument.SchemaTree))
        {
            schema.Remove("required");
            schema.Remove("x-nullable");
        }
    }
}
