using AdoTypedSdk.Generator.Normalization;
using AdoTypedSdk.Generator.Pinning;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Emission;

/// <summary>
/// A name that several areas of a version declare, as a client (<c>AttachmentsClient</c> in build, wiki, workItemTracking, …) or as
/// a type of their own (<c>FieldType</c> in work and workItemTracking), carries its area's name in each of them
/// (<c>BuildAttachmentsClient</c>, <c>WorkItemTrackingAttachmentsClient</c>; <c>WorkFieldType</c>, <c>WorkItemTrackingFieldType</c>),
/// so that importing several areas never makes a name ambiguous.
/// <list type="bullet">
/// <item>A name that is its area's name, or starts with it, is left as it is (Build's <c>BuildDefinitionReference</c>, beside Release's
/// <c>ReleaseBuildDefinitionReference</c>), unless another area's new name is that name.</item>
/// <item>Where a new name is a shared type's or the area's own already, <c>Area</c> follows the area's name
/// (<c>TestAreaAttachmentReference</c>, <c>BuildAreaDeployment</c>).</item>
/// </list>
/// Which names do is decided over every document of the version (<see cref="Find"/>, run by the <c>pin</c> command, which keeps each
/// new name in the lock as <c>Area.Name</c> → new name), so a name never depends on the areas a build chose.
/// </summary>
public static class AreaQualifiedNames
{
    /// <summary>The new names (<c>Area.Name</c> → new name) of the names two or more areas declare.</summary>
    /// <param name="areas">Each document's area word (the last segment of its namespace) and the names it declares.</param>
    /// <param name="fixedNames">Names declared outside the areas (the shared types), which a qualified name must not take.</param>
    public static SortedDictionary<string, string> Find(IReadOnlyList<(string AreaWord, IReadOnlyCollection<string> Names)> areas, IReadOnlySet<string>? fixedNames = null)
    {
        var names = areas.Select(a => (a.AreaWord, Names: a.Names.Distinct(StringComparer.Ordinal).ToList())).ToList();
        var taken = new HashSet<string>(fixedNames ?? new HashSet<string>(), StringComparer.Ordinal);
        var qualified = new HashSet<string>(
            names.SelectMany(a => a.Names).GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key), StringComparer.Ordinal);
        // Names that start with their area's name but must take it all the same (Test's TestResultsSession, beside TestResults' Session).
        var prefixedAnyway = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var renames = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (areaWord, declared) in names)
                foreach (var name in declared.Where(qualified.Contains).Where(n => !StartsWithItsArea(n, areaWord) || prefixedAnyway.Contains(areaWord + "." + n)))
                    renames[areaWord + "." + name] = taken.Contains(areaWord + name) || declared.Contains(areaWord + name) ? areaWord + "Area" + name : areaWord + name;
            // A new name may be one another area declares as it is (policy's Configurations → PolicyConfigurations, which git
            // declares): that one is qualified too, until every name is declared once.
            var clashes = names.SelectMany(a => a.Names.Select(n => (Name: n, Final: renames.GetValueOrDefault(a.AreaWord + "." + n, n), a.AreaWord)))
                .GroupBy(f => f.Final, StringComparer.Ordinal).Where(g => g.Count() > 1 || taken.Contains(g.Key)).ToList();
            if (clashes.Count == 0)
                return renames;
            var changed = false;
            foreach (var (name, _, areaWord) in clashes.SelectMany(g => g).Where(f => f.Name == f.Final))
                changed |= qualified.Add(name) || prefixedAnyway.Add(areaWord + "." + name);
            if (!changed)
                throw new SpecException($"the name {clashes[0].Key} would be declared by {string.Join(" and ", clashes[0].Select(c => c.AreaWord))}.");
        }
    }

    /// <summary>A name that is its area's name (Wiki's <c>Wiki</c>), or starts with it (Build's <c>BuildDefinitionReference</c>), is qualified already.</summary>
    private static bool StartsWithItsArea(string name, string areaWord) =>
        name == areaWord || (name.Length > areaWord.Length && name.StartsWith(areaWord, StringComparison.Ordinal) && char.IsAsciiLetterUpper(name[areaWord.Length]));

    /// <summary>The name <paramref name="name"/> takes in an area.</summary>
    public static string Of(string name, string areaWord, IReadOnlyDictionary<string, string> renames) => renames.GetValueOrDefault(areaWord + "." + name, name);

    /// <summary>A copy of <paramref name="document"/> whose operations' tags (client names) are renamed as <paramref name="renames"/> says.</summary>
    public static JObject QualifyClients(JObject document, string areaWord, IReadOnlyDictionary<string, string> renames)
    {
        static IEnumerable<JArray> Tags(JObject document) =>
            (document["paths"] as JObject ?? []).Properties().Select(p => p.Value).OfType<JObject>()
                .SelectMany(path => path.Properties().Select(p => p.Value).OfType<JObject>())
                .Select(operation => operation["tags"]).OfType<JArray>().Where(tags => tags.Count > 0 && tags[0].Type == JTokenType.String);

        // Most documents declare no name another does: they are returned as they are, not copied.
        if (!Tags(document).Any(tags => renames.ContainsKey(areaWord + "." + (string)tags[0]!)))
            return document;
        var copy = (JObject)document.DeepClone();
        foreach (var tags in Tags(copy))
            tags[0] = Of((string)tags[0]!, areaWord, renames);
        return copy;
    }

    /// <summary>The type names of the area's own definitions (those not taken from the shared types), as NSwag names their classes.</summary>
    public static IEnumerable<string> OwnTypeNames(JObject document, IReadOnlySet<string> fromShared) =>
        (document["definitions"] as JObject ?? []).Properties().Select(p => p.Name).Where(n => !fromShared.Contains(n)).Select(Identifiers.Pascal);

    /// <summary>The area's own definitions to rename (old → new) as <paramref name="renames"/> says.</summary>
    public static Dictionary<string, string> TypeRenames(JObject document, string areaWord, IReadOnlyDictionary<string, string> renames, IReadOnlySet<string> fromShared) =>
        (document["definitions"] as JObject ?? []).Properties().Select(p => p.Name)
            .Where(n => !fromShared.Contains(n) && renames.ContainsKey(areaWord + "." + Identifiers.Pascal(n)))
            .ToDictionary(n => n, n => renames[areaWord + "." + Identifiers.Pascal(n)], StringComparer.Ordinal);
}
