using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// The documents describe .NET <c>byte[]</c> members as arrays of byte-formatted items, but ADO serializes them the way .NET does: one
/// base64 string. Such arrays become <c>type: string, format: byte</c>, which reads and writes <c>byte[]</c> as base64 (the items are
/// numbers by then: <see cref="ByteNumberRule"/> runs first).
/// </summary>
public sealed class ByteArrayRule : ISpecRule
{
    public void Apply(SpecDocument document)
    {
        foreach (var schema in document.AllSchemas().Where(s => (string?)s["type"] == "array" && (string?)s["items"]?["format"] == "byte").ToList())
        {
            schema.Remove("items");
            schema["type"] = "string";
            schema["format"] = "byte";
        }
    }
}
