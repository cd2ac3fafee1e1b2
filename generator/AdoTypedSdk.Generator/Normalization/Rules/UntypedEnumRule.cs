using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// Enums declared without a <c>type</c> (JSON-Patch <c>op</c> among them) are string enums: without the type NSwag makes them
/// integer enums and sends <c>0</c> instead of <c>"add"</c>.
/// </summary>
public sealed class UntypedEnumRule : ISpecRule
{
    public void Apply(SpecDocument document)
    {
        foreach (var schema in document.AllSchemas())
        {
            if (schema["enum"] is JArray values && schema["type"] is null)
                schema["type"] = values.All(v => v.Type == JTokenType.String) ? "string" : "integer";
        }
    }
}
