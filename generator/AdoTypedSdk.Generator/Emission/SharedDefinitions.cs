using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Emission;

/// <summary>
/// One type per concept: a definition that several of the chosen documents declare with the same name and the same shape is generated
/// once, in <see cref="Namespace"/>, and every area uses it. Same shape means the same repaired schema, documentation aside, and the same
/// shape for every definition it refers to (so a shared type never points at an area's own). Where documents disagree, the shape most of
/// them declare is shared and the others stay in their areas.
/// </summary>
public sealed class SharedDefinitions
{
    public const string Namespace = NamespaceNames.Root + ".Common";

    /// <summary>The file name (without extension) of the document that holds the shared definitions.</summary>
    public const string DocumentName = "common";

    /// <summary>
    /// Names that would clash with a type of the runtime library, or with a type of a namespace that .NET projects import implicitly
    /// (<c>System.TimeZone</c>): a shared type is imported by a using directive, as those are, and the name would be ambiguous.
    /// An area's own type is not affected, since its namespace comes before any import.
    /// </summary>
    private static readonly HashSet<string> Unshareable = new[] { typeof(object), typeof(Uri), typeof(Enumerable), typeof(HttpClient), typeof(Stack<>), typeof(File), typeof(System.Net.HttpStatusCode), typeof(System.Net.WebUtility) }
        .Select(t => t.Assembly).Distinct()
        .SelectMany(a => a.GetExportedTypes())
        .Where(t => t.Namespace is "System" or "System.Collections.Generic" or "System.IO" or "System.Linq" or "System.Net" or "System.Net.Http" or "System.Threading" or "System.Threading.Tasks")
        .Select(t => t.Name.Split('`')[0])
        .Concat(["FileResponse", "FileParameter"])
        .ToHashSet(StringComparer.Ordinal);

    private static readonly string[] Documentation = ["description", "title"];

    private SharedDefinitions(Dictionary<string, JObject> definitions, List<HashSet<string>> usedBy)
    {
        Definitions = definitions;
        _usedBy = usedBy;
    }

    private readonly List<HashSet<string>> _usedBy;

    /// <summary>The shared definitions by name, as the first document that declares each shape wrote them.</summary>
    public IReadOnlyDictionary<string, JObject> Definitions { get; }

    /// <summary>The definitions document <paramref name="index"/> takes from <see cref="Namespace"/> instead of generating them itself.</summary>
    public IReadOnlySet<string> UsedBy(int index) => _usedBy[index];

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
            .ToDictionary(p => p.Name, p => References(p.Value), StringComparer.Ordinal)).ToList();

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
                return new SharedDefinitions(definitions, sharedIn);
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

    private static HashSet<string> References(JToken definition) => definition is not JContainer container ? [] :
        container.DescendantsAndSelf().OfType<JProperty>()
            .Where(p => p.Name == "$ref" && p.Value.Type == JTokenType.String && ((string)p.Value!).StartsWith("#/definitions/", StringComparison.Ordinal))
            .Select(p => ((string)p.Value!)["#/definitions/".Length..])
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The document NSwag turns into the shared types: their definitions and nothing else.</summary>
    public JObject Document(string apiVersion) => new()
    {
        ["swagger"] = "2.0",
        ["info"] = new JObject { ["title"] = "Types shared by several ADO areas", ["version"] = apiVersion },
        ["paths"] = new JObject(),
        ["definitions"] = new JObject(Definitions.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => new JProperty(d.Key, d.Value))),
    };
}
