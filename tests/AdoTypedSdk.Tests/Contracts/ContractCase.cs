using AdoTypedSdk.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Tests.Contracts;

/// <summary>One <c>x-ms-examples</c> reference of one operation of the built API version, resolved to its example file.</summary>
public sealed record ContractCase(string ExamplePath, string ExampleFile, AdoArea Area, string Client, string OperationId, string RouteKey, string HttpMethod, JObject Operation, JObject Document)
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
        foreach (var area in AdoConnection.Areas)
        {
            var documentFolder = Path.GetDirectoryName(Path.Combine(RepositoryFiles.SpecRoot, area.DocumentPath))!;
            // About a third of the references differ from the file names in letter case only.
            var examples = Directory.Exists(Path.Combine(documentFolder, "httpExamples"))
                ? Directory.EnumerateFiles(Path.Combine(documentFolder, "httpExamples"), "*.json", SearchOption.AllDirectories)
                    .GroupBy(f => f, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase)
                : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var document = JObject.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.NormalizedRoot, Path.GetFileNameWithoutExtension(area.DocumentPath) + ".json")));
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
                        cases.TryAdd(examplePath, new ContractCase(examplePath, file, area, (string)operation["tags"]![0]!, (string)operation["operationId"]!, routeKey, method, operation, document));
                    }
                }
            }
        }
        return new Catalog(cases, notFound);
    }
}
