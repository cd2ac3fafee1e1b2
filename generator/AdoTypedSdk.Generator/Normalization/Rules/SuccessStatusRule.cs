using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// The documents declare <c>200</c> for nearly every operation, but ADO answers creates with <c>201 Created</c>, queued work with
/// <c>202 Accepted</c> and many deletes with <c>204 No Content</c>. Every operation accepts 200, 201 and 202, each with the body of the
/// success it declares (an operation that declares only 201 is not broken by a 200). An operation whose only success is 200 also accepts,
/// when 200 has no body, 204; a delete that documents a body may still answer 204: its result is nullable and 204 returns null.
/// </summary>
public sealed class SuccessStatusRule : ISpecRule
{
    public void Apply(SpecDocument document)
    {
        foreach (var operation in document.Operations)
        {
            if (operation.Operation["responses"] is not JObject responses)
                continue;
            var declared = responses.Properties().Where(r => r.Name.StartsWith('2') && r.Value is JObject).ToList();
            if (declared.Count == 0)
                continue;
            var onlyOk = declared is [{ Name: "200" }];
            var model = (JObject)(declared.FirstOrDefault(r => r.Value["schema"] is not null) ?? declared[0]).Value;
            // A delete that documents a body may answer 204 without one: every success of it is then nullable alike, or NSwag would
            // take the successes that differ in nullability for errors.
            if (onlyOk && model["schema"] is not null && operation.Method == "delete")
            {
                model["x-nullable"] = true;
                responses["204"] = new JObject { ["description"] = "No content", ["x-nullable"] = true, ["schema"] = model["schema"]!.DeepClone() };
            }
            else if (onlyOk && model["schema"] is null)
                responses["204"] = new JObject { ["description"] = "No content" };
            foreach (var status in (string[])["200", "201", "202"])
                responses[status] ??= model.DeepClone();
        }
    }
}
