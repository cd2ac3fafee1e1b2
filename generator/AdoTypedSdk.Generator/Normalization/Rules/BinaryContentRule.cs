using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// Bodies that are not JSON (<c>application/octet-stream</c>, zip, text) are streams: an operation that consumes only such types takes a
/// <c>Stream</c>, and an operation that produces no JSON returns a <c>FileResponse</c> instead of parsing the bytes as a JSON string.
/// </summary>
public sealed class BinaryContentRule : ISpecRule
{
    public void Apply(SpecDocument document)
    {
        foreach (var operation in document.Operations)
        {
            if (operation.Consumes.Any() && !operation.Consumes.Any(IsJson) && operation.BodyParameter is { } body)
                body["schema"] = new JObject { ["type"] = "string", ["format"] = "binary" };

            if (!operation.Produces.Any() || operation.Produces.Any(IsJson) || operation.Operation["responses"] is not JObject responses)
                continue;
            foreach (var response in responses.Properties().Where(r => r.Name.StartsWith('2') && r.Name != "204").Select(r => r.Value).OfType<JObject>())
                response["schema"] = new JObject { ["type"] = "file" };
        }
    }

    public static bool IsJson(string mediaType) => mediaType.Contains("json", StringComparison.OrdinalIgnoreCase);
}
