using AdoTypedSdk.Generator.Normalization;
using AdoTypedSdk.Generator.Pinning;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Emission;

/// <summary>
/// The names a user's usual imports declare: the public types of <see cref="Namespaces"/>. A file that imports one of them and a
/// generated namespace would find such a name ambiguous (CS0104: <c>using Azure;</c> and <c>Operation</c>), so no generated type takes
/// one. An area's type is renamed after its area (<c>Work.DayOfWeek</c> → <c>WorkDayOfWeek</c>). A shared type that one other shared
/// type refers to is renamed after that type, as a part of it (<c>Operation</c>, the <c>op</c> of a <c>JsonPatchOperation</c> →
/// <c>JsonPatchOperationType</c>); any other shared type takes <c>Ado</c> (<c>JsonPatchDocument</c> → <c>AdoJsonPatchDocument</c>).
/// A rename depends on the name and the document alone, never on the areas a build chose.
/// </summary>
public static class UsualImportNames
{
    /// <summary>What a .NET service imports: the SDK's implicit usings, and what the Azure SDK's docs import.</summary>
    public static readonly IReadOnlyList<string> Namespaces =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net", "System.Net.Http", "System.Threading",
        "System.Threading.Tasks", "Azure", "Azure.Core",
    ];

    /// <summary>
    /// The public top-level types of every assembly of the shared framework and Azure.Core, as (namespace, name): the namespaces' types
    /// are spread over many (<c>System.Net.Authorization</c> is in System.Net.Requests), and a service references them all. Read from
    /// the files' metadata, without loading them: the normalize step of a consumer's build runs this.
    /// </summary>
    private static readonly Lazy<IReadOnlyList<(string Namespace, string Name)>> Exported = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is var file && (file.StartsWith("System.", StringComparison.Ordinal) || file.StartsWith("Azure.Core", StringComparison.Ordinal)))
            .SelectMany(PublicTypes)
            .ToList());

    /// <summary>The public types of <see cref="Namespaces"/>, from every assembly of the framework and Azure.Core.</summary>
    public static IReadOnlySet<string> TypeNames { get; } = Declared(Namespaces);

    /// <summary>The public types of the <c>System</c> namespaces alone, which are never shared (<see cref="SharedDefinitions"/>).</summary>
    public static IReadOnlySet<string> SystemTypeNames { get; } = Declared(Namespaces.Where(n => n.StartsWith("System", StringComparison.Ordinal)));

    private static List<(string, string)> PublicTypes(string path)
    {
        try
        {
            using var file = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(path));
            if (!file.HasMetadata)
                return [];
            var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(file);
            return metadata.TypeDefinitions.Select(metadata.GetTypeDefinition)
                .Where(t => (t.Attributes & System.Reflection.TypeAttributes.VisibilityMask) == System.Reflection.TypeAttributes.Public)
                .Select(t => (metadata.GetString(t.Namespace), metadata.GetString(t.Name)))
                .ToList();
        }
        catch (Exception e) when (e is BadImageFormatException or IOException)
        {
            return [];
        }
    }

    private static HashSet<string> Declared(IEnumerable<string> namespaces)
    {
        var wanted = namespaces.ToHashSet(StringComparer.Ordinal);
        return Exported.Value.Where(t => wanted.Contains(t.Namespace)).Select(t => t.Name.Split('`')[0]).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The shared definitions to rename (old → new).</summary>
    public static Dictionary<string, string> ForShared(IReadOnlyDictionary<string, JObject> definitions)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in definitions.Keys.Where(n => TypeNames.Contains(Identifiers.Pascal(n))).Order(StringComparer.Ordinal))
        {
            var referrers = definitions.Where(d => d.Key != name && DefinitionNames.ReferencesOf(d.Value).Contains(name)).Select(d => d.Key).ToList();
            names[name] = referrers is [var owner] && !TypeNames.Contains(Identifiers.Pascal(owner))
                ? owner.EndsWith(Identifiers.Pascal(name), StringComparison.Ordinal) ? owner + "Type" : owner + Identifiers.Pascal(name)
                : "Ado" + Identifiers.Pascal(name);
        }
        return Checked(names, definitions.Keys, "the shared types");
    }

    /// <summary>An area's own definitions to rename (old → new): those not taken from the shared types.</summary>
    /// <param name="areaWord">The last segment of the area's namespace (<c>Work</c>).</param>
    public static Dictionary<string, string> ForArea(JObject document, string areaWord, IReadOnlySet<string> fromShared)
    {
        var declared = (document["definitions"] as JObject ?? []).Properties().Select(p => p.Name).ToList();
        // Compared as NSwag names the classes: the definition "attribute" is the class Attribute.
        var names = declared.Where(n => TypeNames.Contains(Identifiers.Pascal(n)) && !fromShared.Contains(n))
            .ToDictionary(n => n, n => areaWord + Identifiers.Pascal(n), StringComparer.Ordinal);
        return Checked(names, declared, $"the {areaWord} document");
    }

    private static Dictionary<string, string> Checked(Dictionary<string, string> names, IEnumerable<string> declared, string what)
    {
        var taken = declared.ToHashSet(StringComparer.Ordinal);
        foreach (var (name, newName) in names)
            if (taken.Contains(newName) || TypeNames.Contains(newName))
                throw new SpecException($"{what}: {name} is a name of {string.Join(", ", Namespaces)}, and the name it would take instead, {newName}, is taken.");
        return names;
    }
}
