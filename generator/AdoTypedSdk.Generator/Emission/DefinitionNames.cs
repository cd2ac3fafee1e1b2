using AdoTypedSdk.Generator.Pinning;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Emission;

/// <summary>
/// Renames definitions of a document, with every <c>$ref</c> to them and the paging extension's item type: a definition's name is its
/// generated type's name.
/// </summary>
public static class DefinitionNames
{
    private const string Prefix = "#/definitions/";

    /// <summary>A copy of <paramref name="document"/> with its definitions renamed as <paramref name="names"/> says (old → new).</summary>
    /// <param name="what">The document, for the error when a new name is taken.</param>
    public static JObject Rename(JObject document, IReadOnlyDictionary<string, string> names, string what)
    {
        if (names.Count == 0 || document["definitions"] is not JObject definitions)
            return document;
        foreach (var (name, newName) in names)
            if (definitions.ContainsKey(name) && definitions.ContainsKey(newName) && !names.ContainsKey(newName))
                throw new SpecException($"{what}: {name} is to be renamed {newName}, a name the document already declares.");

        var copy = (JObject)document.DeepClone();
        var copied = (JObject)copy["definitions"]!;
        copy["definitions"] = new JObject(copied.Properties().Select(p => new JProperty(names.GetValueOrDefault(p.Name, p.Name), p.Value)));
        foreach (var property in copy.Descendants().OfType<JProperty>().ToList())
        {
            if (property.Name == "$ref" && property.Value.Type == JTokenType.String && ((string)property.Value!) is var target
                && target.StartsWith(Prefix, StringComparison.Ordinal) && names.TryGetValue(target[Prefix.Length..], out var newName))
                property.Value = Prefix + newName;
            // The paging extension names its items' definition too (PageableOperationRule).
            else if (property.Name == Normalization.Rules.PageableOperationRule.Extension && property.Value is JObject paging
                && (string?)paging["itemType"] is { } itemType && names.TryGetValue(itemType, out var newItemType))
                paging["itemType"] = newItemType;
        }
        return copy;
    }

    /// <summary>The definitions <paramref name="definition"/> refers to, by name.</summary>
    public static HashSet<string> ReferencesOf(JToken definition) => definition is not JContainer container ? [] :
        container.DescendantsAndSelf().OfType<JProperty>()
            .Where(p => p.Name == "$ref" && p.Value.Type == JTokenType.String && ((string)p.Value!).StartsWith(Prefix, StringComparison.Ordinal))
            .Select(p => ((string)p.Value!)[Prefix.Length..])
            .ToHashSet(StringComparer.Ordinal);
}
