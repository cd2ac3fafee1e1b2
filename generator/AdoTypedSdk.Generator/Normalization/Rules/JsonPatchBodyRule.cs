using AdoTypedSdk.Generator.Pinning;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// Operations that consume <c>application/json-patch+json</c> send their body with exactly that content type, and the body is a
/// list of patch operations; an object-typed patch body becomes an array of the document's <c>JsonPatchOperation</c>.
/// </summary>
public sealed class JsonPatchBodyRule : ISpecRule
{
    public const string MediaType = "application/json-patch+json";

    public void Apply(SpecDocument document)
    {
        foreach (var operation in document.Operations.Where(o => o.Consumes.Contains(MediaType)))
        {
            operation.Operation["consumes"] = new JArray(MediaType);
            if (operation.BodyParameter?["schema"] is not JObject schema)
                continue;
            if ((string?)document.Resolve(schema)?["type"] == "array")
                continue;
            if (document.Definitions["JsonPatchOperation"] is null)
                throw new SpecException($"{document.SourcePath}: {operation.Describe()} consumes {MediaType} but the document defines no JsonPatchOperation.");
            operation.BodyParameter["schema"] = new JObject { ["type"] = "array", ["items"] = new JObject { ["$ref"] = "#/definitions/JsonPatchOperation" } };
        }
    }
}
