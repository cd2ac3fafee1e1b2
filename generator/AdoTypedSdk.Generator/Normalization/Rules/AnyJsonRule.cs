using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// Some documents describe Json.NET's own token classes as if they were ADO models (<c>JObject</c> with an <c>item</c> and a <c>type</c>,
/// <c>JToken</c> with <c>first</c> and <c>hasValues</c>): the service means "any JSON" there. Each reference to such a definition becomes
/// an untyped schema, which the clients read as a <c>JToken</c> (object, array or scalar, round-tripped as sent), and the definition goes.
/// </summary>
public sealed class AnyJsonRule : ISpecRule
{
    /// <summary>Json.NET's token classes, whose reflected members the documents list as properties.</summary>
    private static readonly HashSet<string> TokenClasses = ["JToken", "JObject", "JArray", "JValue", "JContainer", "JProperty"];

    public void Apply(SpecDocument document)
    {
        var anyJson = document.Definitions.Properties().Where(p => TokenClasses.Contains(p.Name)).Select(p => SpecDocument.DefinitionPrefix + p.Name).ToHashSet(StringComparer.Ordinal);
        if (anyJson.Count == 0)
            return;
        foreach (var reference in document.DefinitionReferences().Where(p => anyJson.Contains((string)p.Value!)))
            reference.Remove();
        foreach (var name in anyJson)
            document.Definitions.Remove(name[SpecDocument.DefinitionPrefix.Length..]);
    }
}
