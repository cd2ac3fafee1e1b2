using AdoTypedSdk.Testing;

namespace AdoTypedSdk.Generator.Normalization;

/// <summary>
/// Microsoft's recorded examples next to a document (<c>httpExamples/</c>), opened by the references of operations' <c>x-ms-examples</c>.
/// References are resolved case-insensitively: a third of them differ from the file names in letter case only. Each file is read once,
/// however many rules look at it, into <see cref="HttpExample"/>, the model the contract tests read them with too.
/// </summary>
public sealed class RecordedExamples(string documentFolder)
{
    private Dictionary<string, string>? _files;
    private readonly Dictionary<string, HttpExample> _opened = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The examples an operation cites that the spec source holds.</summary>
    public IEnumerable<HttpExample> Of(SpecOperation operation) =>
        (operation.Operation["x-ms-examples"] as Newtonsoft.Json.Linq.JObject)?.Properties()
            .Select(p => (string?)p.Value["$ref"]).OfType<string>()
            .Select(Open).OfType<HttpExample>() ?? [];

    /// <summary>The example a reference names, or null when the spec source does not hold it.</summary>
    public HttpExample? Open(string reference)
    {
        _files ??= Directory.Exists(documentFolder)
            ? Directory.EnumerateFiles(documentFolder, "*.json", SearchOption.AllDirectories)
                .GroupBy(Path.GetFullPath, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase)
            : [];
        if (!_files.TryGetValue(Path.GetFullPath(Path.Combine(documentFolder, reference)), out var file))
            return null;
        if (_opened.TryGetValue(file, out var example))
            return example;
        try
        {
            return _opened[file] = HttpExample.Read(file, Path.GetRelativePath(documentFolder, file));
        }
        catch (Newtonsoft.Json.JsonException e)
        {
            throw new Pinning.SpecException($"{file}: the example that {reference} names is not valid JSON: {e.Message}");
        }
    }
}
