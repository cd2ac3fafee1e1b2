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
        foreach (var operation in document.Operations)
        {
            if (operation.Operation["responses"] is not JObject responses)
                continue;
            var recorded = document.Examples.Of(operation)
                .SelectMany(example => example.Responses.Keys.Where(status => status is >= 200 and < 300))
                .Select(status => status.ToString(System.Globalization.CultureInfo.InvariantCulture))
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
}
