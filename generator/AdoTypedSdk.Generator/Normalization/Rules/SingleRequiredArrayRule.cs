using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// NSwag declares the loop flag of a required comma-separated query array at method scope and that of an optional one in a nested
/// scope, so an operation with a required array and any other array does not compile (CS0136). There, the required arrays become
/// optional parameters: still typed collections, sent the same way, only without the client-side null check.
/// </summary>
public sealed class SingleRequiredArrayRule : ISpecRule
{
    public void Apply(SpecDocument document)
    {
        foreach (var operation in document.Operations)
        {
            var arrays = operation.ParametersIn("query").Where(p => (string?)p["type"] == "array").ToList();
            if (arrays.Count < 2)
                continue;
            foreach (var parameter in arrays.Where(p => (bool?)p["required"] == true))
                parameter["required"] = false;
        }
    }
}
