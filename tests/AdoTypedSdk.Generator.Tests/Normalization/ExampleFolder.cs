using AdoTypedSdk.Generator.Normalization;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Tests.Normalization;

/// <summary>A temporary document folder with recorded examples beside the document, for the rules that read Microsoft's recordings.</summary>
internal sealed class ExampleFolder : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("recorded-examples-").FullName;

    /// <summary>Writes an example at <paramref name="relativePath"/> (<c>httpExamples/…</c>).</summary>
    public void Write(string relativePath, string json)
    {
        var file = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, json);
    }

    /// <summary>A document that lives in this folder, so its <c>x-ms-examples</c> references resolve here.</summary>
    public SpecDocument Document(string json) => new(JObject.Parse(json), Path.Combine(Root, "sample.json"), "7.1");

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
