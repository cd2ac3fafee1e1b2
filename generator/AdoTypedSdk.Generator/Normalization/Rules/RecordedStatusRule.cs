using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// Microsoft's recordings of an operation (its <c>x-ms-examples</c>) show success statuses the document leaves out, above all
/// <c>204 No Content</c> from writes documented as <c>200</c> with a body (hiding a process state, deleting work items in bulk). Every
/// recorded 2xx status the operation lacks is added; a recorded 204 makes the result nullable, and 204 returns null.
/// </summary>
public sealed class RecordedStatusRule : ISpecRule
{
    public void Apply(SpecDocument document)
    {
        var examples = new RecordedExamples(Path.GetDirectoryName(Path.GetFullPath(document.SourcePath))!);
        foreach (var operation in document.Operations)
        {
            if (operation.Operation["responses"] is not JObject responses || operation.Operation["x-ms-examples"] is not JObject references)
                continue;
            var recorded = references.Properties()
                .Select(p => (string?)p.Value["$ref"]).OfType<string>()
                .SelectMany(examples.SuccessStatuses)
                .Where(status => responses[status] is null)
                .Distinct().Order(StringComparer.Ordinal).ToList();
            var documented = responses.Properties().Where(r => r.Name.StartsWith('2')).Select(r => (JObject)r.Value).FirstOrDefault();
            foreach (var status in recorded)
            {
                if (status == "204")
                {
                    var noContent = new JObject { ["description"] = "No content" };
                    if (documented?["schema"] is { } schema)
                    {
                        foreach (var success in responses.Properties().Where(r => r.Name.StartsWith('2')).Select(r => (JObject)r.Value))
                            success["x-nullable"] = true;
                        noContent["x-nullable"] = true;
                        noContent["schema"] = schema.DeepClone();
                    }
                    responses[status] = noContent;
                }
                else
                    responses[status] = documented?.DeepClone() ?? new JObject { ["description"] = "Success" };
            }
        }
    }

    /// <summary>The example files next to a document, found case-insensitively: a third of the references differ from the names in case.</summary>
    private sealed class RecordedExamples(string documentFolder)
    {
        private Dictionary<string, string>? _files;

        public IEnumerable<string> SuccessStatuses(string reference)
        {
            _files ??= Directory.Exists(documentFolder)
                ? Directory.EnumerateFiles(documentFolder, "*.json", SearchOption.AllDirectories)
                    .GroupBy(Path.GetFullPath, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase)
                : [];
            if (!_files.TryGetValue(Path.GetFullPath(Path.Combine(documentFolder, reference)), out var file))
                return [];
            try
            {
                return (JObject.Parse(File.ReadAllText(file))["responses"] as JObject)?.Properties().Select(p => p.Name).Where(s => s.Length == 3 && s.StartsWith('2')).ToList() ?? [];
            }
            catch (Newtonsoft.Json.JsonException e)
            {
                throw new Pinning.SpecException($"{file}: the example that {reference} names is not valid JSON: {e.Message}");
            }
        }
    }
}
