using AdoTypedSdk.Testing;
using AdoTypedSdk.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Tests.Contracts;

/// <summary>
/// One <c>x-ms-examples</c> reference of the built API version, resolved to its example file and to the operation it is replayed
/// through: the operation that cites it, or, when the recorded method and URL do not fit that operation's route, the one operation of the
/// same document they do fit, else the one operation of another area's document (<see cref="CitedBy"/> then names the citing one).
/// Several examples are attached to a neighbouring operation (<c>…/classificationNodes/areas</c> under the root-nodes list), and TFS 2018's
/// process-definition examples record the processes area's URLs; replayed where they belong, they still test a generated call.
/// </summary>
public sealed record ContractCase(string ExamplePath, HttpExample Example, AdoArea Area, string Client, string OperationId, string RouteKey, string HttpMethod, JObject Operation, JObject Document, string? CitedBy = null)
{
    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "options", "head", "patch"];
    private static readonly Lazy<Catalog> Discovered = new(Discover);

    /// <summary>Cases by example path (relative to <c>specification/</c>).</summary>
    public static IReadOnlyDictionary<string, ContractCase> All => Discovered.Value.Cases;

    /// <summary>References whose example file the spec source does not hold, by area.</summary>
    public static IReadOnlyDictionary<string, int> NotFoundByArea => Discovered.Value.NotFound;

    private sealed record Catalog(Dictionary<string, ContractCase> Cases, Dictionary<string, int> NotFound);

    private static Catalog Discover()
    {
        var cases = new Dictionary<string, ContractCase>(StringComparer.Ordinal);
        var notFound = new Dictionary<string, int>(StringComparer.Ordinal);
        var specification = Path.Combine(RepositoryFiles.SpecRoot, "specification");
        var documents = AdoConnection.Areas.ToDictionary(area => area,
            area => JObject.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.NormalizedRoot, Path.GetFileNameWithoutExtension(area.DocumentPath) + ".json"))));
        foreach (var (area, document) in documents)
        {
            var documentFolder = Path.GetDirectoryName(Path.Combine(RepositoryFiles.SpecRoot, area.DocumentPath))!;
            // About a third of the references differ from the file names in letter case only.
            var examples = Directory.Exists(Path.Combine(documentFolder, "httpExamples"))
                ? Directory.EnumerateFiles(Path.Combine(documentFolder, "httpExamples"), "*.json", SearchOption.AllDirectories)
                    .GroupBy(f => f, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase)
                : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (routeKey, pathItem) in (JObject)document["paths"]!)
            {
                foreach (var method in HttpMethods.Where(m => pathItem![m] is JObject))
                {
                    var operation = (JObject)pathItem![method]!;
                    foreach (var reference in (operation["x-ms-examples"] as JObject)?.Properties().Select(p => (string?)p.Value["$ref"]).OfType<string>() ?? [])
                    {
                        var full = Path.GetFullPath(Path.Combine(documentFolder, reference));
                        if (!examples.TryGetValue(full, out var file))
                        {
                            notFound[area.Name] = notFound.GetValueOrDefault(area.Name) + 1;
                            continue;
                        }
                        var examplePath = Path.GetRelativePath(specification, file).Replace('\\', '/');
                        if (cases.ContainsKey(examplePath))
                            continue;
                        var cited = new ContractCase(examplePath, HttpExample.Read(file, examplePath), area, (string)operation["tags"]![0]!, (string)operation["operationId"]!, routeKey, method, operation, document);
                        cases.Add(examplePath, cited.AttachedWhereRecorded(documents));
                    }
                }
            }
        }
        return new Catalog(cases, notFound);
    }

    /// <summary>Whether the recorded method and URL path follow this case's operation (a recording without them fits).</summary>
    internal bool Fits() =>
        (Example.Method is null || Example.Method.Equals(HttpMethod, StringComparison.OrdinalIgnoreCase))
        && (Example.RequestUrl is null || MatchRecorded(Example.RequestUrl) is not null);

    internal AdoTypedSdk.Routing.RouteTemplate Route => new(RouteKey, name => Parameter(name)?["required"]?.Value<bool>() == false);

    private JObject? Parameter(string name) =>
        Operation["parameters"]?.OfType<JObject>().FirstOrDefault(p => string.Equals((string?)p["name"], name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The recorded URL's path aligned with the route (see <c>RouteTemplate.MatchRecorded</c>).</summary>
    internal IReadOnlyList<AdoTypedSdk.Routing.RouteSegment>? MatchRecorded(Uri url) =>
        Route.MatchRecorded(url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList());

    private ContractCase AttachedWhereRecorded(IReadOnlyDictionary<AdoArea, JObject> documents)
    {
        if (Fits())
            return this;
        return FitIn(Area, Document)
            ?? documents.Where(d => d.Key != Area).Select(d => FitIn(d.Key, d.Value)).OfType<ContractCase>().ToList() switch { [var only] => only, _ => null }
            ?? this;
    }

    private ContractCase? FitIn(AdoArea area, JObject document)
    {
        var fitting = document["paths"]!.Cast<JProperty>()
            // A recording that does not say its method was made with the citing operation's.
            .SelectMany(path => HttpMethods.Where(m => path.Value[m] is JObject && m.Equals(Example.Method ?? HttpMethod, StringComparison.OrdinalIgnoreCase)).Select(m => this with
            {
                Area = area, Document = document, RouteKey = path.Name, HttpMethod = m, Operation = (JObject)path.Value[m]!, Client = (string)path.Value[m]!["tags"]![0]!,
                OperationId = (string)path.Value[m]!["operationId"]!, CitedBy = OperationId,
            }))
            .Where(candidate => candidate.Fits())
            .ToList();
        // Only an unambiguous fit: the most specific route, when no other is as specific.
        var best = fitting.GroupBy(c => c.Route.Precedence).OrderByDescending(g => g.Key).FirstOrDefault()?.ToList();
        return best is [var only] ? only : null;
    }
}
