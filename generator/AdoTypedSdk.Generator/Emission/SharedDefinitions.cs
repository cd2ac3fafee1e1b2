using Newtonsoft.Json;
using AdoTypedSdk.Generator.Pinning;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Emission;

/// <summary>
/// One type per concept: a definition that several documents of a version declare with the same name and the same shape is generated
/// once, in <see cref="Namespace"/>, and every area uses it. Same shape means the same repaired schema, documentation aside, and the same
/// shape for every definition it refers to (so a shared type never points at an area's own). Where documents disagree, the shape most of
/// them declare is shared and the others stay in their areas, renamed after their area (<c>TestPlanWorkItem</c>) so that importing
/// both namespaces never makes a name ambiguous.
/// <para>
/// Which types are shared is decided over every document of the version (<see cref="Find"/>, run by the <c>pin</c> command, which writes
/// the decision into the lock), never over the areas a build chose: a type's full name does not move when a build adds an area.
/// </para>
/// </summary>
public sealed class SharedDefinitions
{
    public const string Namespace = NamespaceNames.Root + ".Common";

    /// <summary>The file name (without extension) of the document that holds the shared definitions.</summary>
    public const string DocumentName = "common";

    /// <summary>
    /// Names of the <c>System</c> namespaces that .NET projects import implicitly (<c>System.TimeZone</c>) stay in their areas, where
    /// <see cref="UsualImportNames"/> renames them after their area; and the runtime's own download types.
    /// </summary>
    private static readonly HashSet<string> Unshareable = UsualImportNames.SystemTypeNames.Concat(["FileResponse", "FileParameter"]).ToHashSet(StringComparer.Ordinal);

    private static readonly string[] Documentation = ["description", "title"];

    private SharedDefinitions(IReadOnlyList<JObject> documents, Dictionary<string, JObject> definitions, List<HashSet<string>> usedBy, IReadOnlySet<string> sharedInVersion)
    {
        Definitions = definitions;
        _usedBy = usedBy;
        _sharedInVersion = sharedInVersion;
        _declaredElsewhere = documents.Select((d, i) => (d["definitions"] as JObject ?? []).Properties().Select(p => p.Name)
            .Where(n => sharedInVersion.Contains(n) && !usedBy[i].Contains(n)).ToHashSet(StringComparer.Ordinal)).ToList();
    }

    private readonly List<HashSet<string>> _usedBy;
    private readonly List<HashSet<string>> _declaredElsewhere;
    private readonly IReadOnlySet<string> _sharedInVersion;

    /// <summary>The shared definitions by name, as the first document that declares each shape wrote them.</summary>
    public IReadOnlyDictionary<string, JObject> Definitions { get; }

    /// <summary>The definitions document <paramref name="index"/> takes from <see cref="Namespace"/> instead of generating them itself.</summary>
    public IReadOnlySet<string> UsedBy(int index) => _usedBy[index];

    /// <summary>
    /// The decision to commit: for each shared name, the areas that take it from <see cref="Namespace"/>, in document order.
    /// </summary>
    /// <param name="areaNames">The name each document's area goes by in <c>AdoAreas</c>, in document order.</param>
    public SortedDictionary<string, string> Choice(IReadOnlyList<string> areaNames)
    {
        var choice = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Definitions.Keys)
            choice[name] = string.Join(' ', areaNames.Where((_, i) => _usedBy[i].Contains(name)));
        return choice;
    }

    /// <summary>
    /// Applies a committed <see cref="Choice"/> to the documents a build chose: each takes from <see cref="Namespace"/> what the choice
    /// says its area takes, and the shared types are those the chosen documents take.
    /// </summary>
    /// <param name="documents">The chosen documents, repaired, in document order.</param>
    /// <param name="areaNames">The name each document's area goes by in <c>AdoAreas</c>.</param>
    /// <param name="choice">For each shared name of the version, its areas separated by spaces, as <see cref="Choice"/> wrote them.</param>
    /// <param name="origin">Where the choice comes from, for errors (the lock's path).</param>
    public static SharedDefinitions Apply(IReadOnlyList<JObject> documents, IReadOnlyList<string> areaNames, IReadOnlyDictionary<string, string> choice, string origin)
    {
        var usedBy = areaNames.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToList();
        var indexOf = areaNames.Select((area, i) => (area, i)).ToDictionary(a => a.area, a => a.i, StringComparer.OrdinalIgnoreCase);
        var definitions = new Dictionary<string, JObject>(StringComparer.Ordinal);
        foreach (var (name, areas) in choice)
        {
            string? shape = null, first = null;
            foreach (var area in areas.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!indexOf.TryGetValue(area, out var index))
                    continue;
                if (documents[index]["definitions"]?[name] is not JObject definition)
                    throw new SpecException($"{origin}: the shared type {name} is listed for area {area}, whose document does not declare it; pin the documents again.");
                var own = Shape(definition);
                if (shape is not null && own != shape)
                    throw new SpecException($"{origin}: the shared type {name} has different shapes in areas {first} and {area}; pin the documents again.");
                if (shape is null)
                {
                    (shape, first) = (own, area);
                    definitions[name] = (JObject)definition.DeepClone();
                }
                usedBy[index].Add(name);
            }
        }
        return new SharedDefinitions(documents, definitions, usedBy, choice.Keys.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// Document <paramref name="index"/> with its own definitions of names that are shared elsewhere renamed to
    /// <paramref name="areaPrefix"/> + name, references included, so that a type of that name is only ever the shared one.
    /// </summary>
    public JObject WithAreaNames(int index, JObject document, string areaPrefix)
    {
        var renamed = _declaredElsewhere[index];
        if (renamed.Count == 0)
            return document;
        var names = renamed.ToDictionary(n => n, n => areaPrefix + n, StringComparer.Ordinal);
        foreach (var (name, newName) in names)
            if (_sharedInVersion.Contains(newName))
                throw new SpecException($"the {areaPrefix} document's {name} is shared elsewhere with another shape, and the name it would take instead, {newName}, is taken.");
        return DefinitionNames.Rename(document, names, $"the {areaPrefix} document");
    }

    /// <summary>Finds the shared definitions among repaired documents, in the order the build lists them.</summary>
    /// <param name="areaNames">
    /// The last segments of the areas' namespaces (<c>TaskAgent</c>): a shared type of that name would lose to the namespace
    /// <c>AdoTypedSdk.TaskAgent</c> in code under <c>AdoTypedSdk</c>, where the namespace is found before any import. Such a type stays in its areas.
    /// </param>
    public static SharedDefinitions Find(IReadOnlyList<JObject> documents, IEnumerable<string>? areaNames = null)
    {
        var reserved = (areaNames ?? []).Append(Namespace[(Namespace.LastIndexOf('.') + 1)..]).ToHashSet(StringComparer.Ordinal);
        var shapes = documents.Select(d => (d["definitions"] as JObject ?? []).Properties()
            .ToDictionary(p => p.Name, p => Shape((JObject)p.Value), StringComparer.Ordinal)).ToList();
        var references = documents.Select(d => (d["definitions"] as JObject ?? []).Properties()
            .ToDictionary(p => p.Name, p => DefinitionNames.ReferencesOf(p.Value), StringComparer.Ordinal)).ToList();

        // Which documents would use the shared form of each definition; shrunk until every shared definition refers only to shared ones.
        var sharedIn = shapes.Select(s => s.Keys.Where(n => !Unshareable.Contains(n) && !reserved.Contains(n)).ToHashSet(StringComparer.Ordinal)).ToList();
        while (true)
        {
            var chosen = ChooseShapes(shapes, sharedIn);
            var changed = false;
            for (var i = 0; i < documents.Count; i++)
            {
                foreach (var name in sharedIn[i].ToList())
                {
                    var keep = chosen.TryGetValue(name, out var shape) && shape == shapes[i][name]
                        && references[i][name].All(r => chosen.TryGetValue(r, out var other) && sharedIn[i].Contains(r) && other == shapes[i].GetValueOrDefault(r));
                    if (!keep)
                    {
                        sharedIn[i].Remove(name);
                        changed = true;
                    }
                }
            }
            if (!changed)
            {
                var definitions = new Dictionary<string, JObject>(StringComparer.Ordinal);
                for (var i = 0; i < documents.Count; i++)
                    foreach (var name in sharedIn[i].Where(n => !definitions.ContainsKey(n)))
                        definitions[name] = (JObject)documents[i]["definitions"]![name]!.DeepClone();
                return new SharedDefinitions(documents, definitions, sharedIn, definitions.Keys.ToHashSet(StringComparer.Ordinal));
            }
        }
    }

    /// <summary>For each name, the shape most documents still using a shared form declare, if at least two do.</summary>
    private static Dictionary<string, string> ChooseShapes(List<Dictionary<string, string>> shapes, List<HashSet<string>> sharedIn)
    {
        var chosen = new Dictionary<string, string>(StringComparer.Ordinal);
        var candidates = shapes.SelectMany((s, i) => sharedIn[i].Select(n => (Name: n, Shape: s[n])))
            .GroupBy(c => c.Name, StringComparer.Ordinal);
        foreach (var byName in candidates)
        {
            var best = byName.GroupBy(c => c.Shape, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First();
            if (best.Count() >= 2)
                chosen[byName.Key] = best.Key;
        }
        return chosen;
    }

    /// <summary>The schema as text, documentation left out and properties in name order.</summary>
    private static string Shape(JObject definition)
    {
        var copy = (JObject)definition.DeepClone();
        foreach (var node in copy.DescendantsAndSelf().OfType<JObject>().ToList())
        {
            foreach (var key in Documentation)
                if (node[key] is JValue { Type: JTokenType.String }) // not a property of that name, whose value is a schema
                    node.Remove(key);
            if (node["x-enum-descriptions"] is JArray)
                node.Remove("x-enum-descriptions");
        }
        return Sorted(copy).ToString(Formatting.None);
    }

    private static JToken Sorted(JToken token) => token switch
    {
        JObject obj => new JObject(obj.Properties().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new JProperty(p.Name, Sorted(p.Value)))),
        JArray array => new JArray(array.Select(Sorted)),
        _ => token.DeepClone(),
    };

    /// <summary>The document NSwag turns into the shared types: their definitions and nothing else.</summary>
    public JObject Document(string apiVersion) => new()
    {
        ["swagger"] = "2.0",
        ["info"] = new JObject { ["title"] = "Types shared by several ADO areas", ["version"] = apiVersion },
        ["paths"] = new JObject(),
        ["definitions"] = new JObject(Definitions.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => new JProperty(d.Key, d.Value))),
    };
}
