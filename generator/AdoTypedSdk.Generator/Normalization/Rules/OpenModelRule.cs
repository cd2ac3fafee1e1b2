using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// ADO adds fields to its responses faster than the documents follow: every object model keeps what it does not declare in an
/// <c>AdditionalProperties</c> dictionary, so nothing the server sends is dropped and it is sent back unchanged. That includes a model that
/// declares no property at all, as a base does that ADO sends as one of its derived shapes (<c>VariableGroupProviderData</c>, whose
/// <c>allOf</c> heirs add the properties): since no document declares a <c>discriminator</c> to tell the shapes apart, the base keeps the
/// derived shape's properties. A model that declares a property named <c>additionalProperties</c> keeps that instead.
/// </summary>
public sealed class OpenModelRule : ISpecRule
{
    public void Apply(SpecDocument document)
    {
        foreach (var definition in document.Definitions.Properties().Select(p => p.Value).OfType<JObject>())
        {
            if (IsModel(definition) && definition["additionalProperties"] is null
                && !(definition["properties"] as JObject ?? []).Properties().Any(p => p.Name.Equals("additionalProperties", StringComparison.OrdinalIgnoreCase)))
                definition["additionalProperties"] = true;
        }
    }

    /// <summary>An object with properties (none, maybe), as opposed to an enum, a scalar, a list or a map.</summary>
    private static bool IsModel(JObject definition) =>
        definition["properties"] is JObject || definition["allOf"] is JArray || (string?)definition["type"] == "object" && definition["enum"] is null;
}
