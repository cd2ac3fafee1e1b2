using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// The documents declare <c>200</c> for nearly every operation, but ADO answers creates with <c>201 Created</c>, queued work with
/// <c>202 Accepted</c> and many deletes with <c>204 No Content</c>. An operation whose only success is 200 accepts 201 and 202 with the
/// same body, and, when 200 has no body either, 204, instead of throwing on success. A delete that documents a body may still answer 204:
/// its result is nullable and 204 returns null.
/// </summary>
public sealed class SuccessStatusRule : ISpecRule
{
    public void Apply(SpecDocument document)
    {
        foreach (var operation in document.Operations)
        {
            if (operation.Operation["responses"] is not JObject responses || responses["200"] is not JObject ok)
                continue;
            if (responses.Properties().Any(r => r.Name.StartsWith('2') && r.Name != "200"))
                continue;
            responses["201"] = ok.DeepClone();
            responses["202"] = ok.DeepClone();
            if (ok["schema"] is null)
                responses["204"] = new JObject { ["description"] = "No content" };
            else if (operation.Method == "delete")
            {
                ok["x-nullable"] = true;
                responses["204"] = new JObject { ["description"] = "No content", ["x-nullable"] = true, ["schema"] = ok["schema"]!.DeepClone() };
            }
        }
    }
}
