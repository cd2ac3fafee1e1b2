using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization;

/// <summary>
/// Microsoft's recorded examples next to a document (<c>httpExamples/</c>), opened by the references of operations' <c>x-ms-examples</c>.
/// References are resolved case-insensitively: a third of them differ from the file names in letter case only.
/// </summary>
public sealed class RecordedExamples(string documentFolder)
{
    private Dictionary<string, string>? _files;

    /// <summary>The examples an operation cites that the spec source holds.</summary>
    public IEnumerable<JObject> Of(SpecOperation operation) =>
        (operation.Operation["x-ms-examples"] as JObject)?.Properties()
            .Select(p => (string?)p.Value["$ref"]).OfType<string>()
            .Select(Open).OfType<JObject>() ?? [];

    /// <summary>The example a reference names, or null when the spec source does not hold it.</summary>
    public JObject? Open(string reference)
    {
        _files ??= Directory.Exists(documentFolder)
            ? Directory.EnumerateFiles(documentFolder, "*.json", SearchOption.AllDirectories)
                .GroupBy(Path.GetFullPath, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase)
            : [];
        if (!_files.TryGetValue(Path.GetFullPath(Path.Combine(documentFolder, reference)), out var file))
            return null;
        try
        {
            return JObject.Parse(File.ReadAllText(file));
        }
        catch (Newtonsoft.Json.JsonException e)
        {
            throw new Pinning.SpecException($"{file}: the example that {reference} names is not valid JSON: {e.Message}");
        }
    }
}
