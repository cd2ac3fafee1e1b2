using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// An answer to <c>HEAD</c> never has a body (HTTP says so), yet some documents give one a schema (<c>QueryById</c>'s HEAD "returns" an
/// integer), and the generated method would fail reading a body that cannot come. HEAD operations answer with status and headers only.
/// </summary>
public sealed class HeadWithoutBodyRule : ISpecRule
{
    public void Apply(SpecDocument document)
    {
        foreach (var operation in document.Operations.Where(o => o.Method == "head"))
            foreach (var response in (operation.Operation["responses"] as JObject)?.Properties().Select(p => p.Value).OfType<JObject>() ?? [])
                response.Remove("schema");
    }
}
