using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// Definitions that only describe ADO's <c>{count, value}</c> envelope (<c>VssJsonCollectionWrapper</c> and its base) are left in most
/// documents with nothing referring to them: the clients unwrap envelopes themselves. Unreferenced ones go, so they do not appear as
/// types; one that a request body still names stays, since the service reads that body enveloped.
/// </summary>
public sealed class UnusedEnvelopeRule : ISpecRule
{
    private static readonly HashSet<string> EnvelopeProperties = ["count", "value"];

    public void Apply(SpecDocument document)
    {
        bool removed;
        do
        {
            removed = false;
            var referenced = References(document);
            foreach (var definition in document.Definitions.Properties().ToList())
            {
                if (referenced.Contains(definition.Name) || definition.Value is not JObject schema || !IsEnvelope(document, schema))
                    continue;
                definition.Remove();
                removed = true;
            }
        } while (removed);
    }

    private static bool IsEnvelope(SpecDocument document, JObject schema)
    {
        var names = (schema["properties"] as JObject)?.Properties().Select(p => p.Name).ToList() ?? [];
        foreach (var part in (schema["allOf"] as JArray)?.OfType<JObject>() ?? [])
        {
            if (document.Resolve(part) is not { } baseSchema || !IsEnvelope(document, baseSchema))
                return false;
            names.Add("count");
        }
        return names.Count > 0 && names.All(EnvelopeProperties.Contains);
    }

    private static HashSet<string> References(SpecDocument document) =>
        document.DefinitionReferences().Select(p => ((string)p.Value!)[SpecDocument.DefinitionPrefix.Length..]).ToHashSet(StringComparer.Ordinal);
}
