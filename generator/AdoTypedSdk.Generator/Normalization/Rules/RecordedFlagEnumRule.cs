using System.Web;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// Some enums are bit flags that the documents do not mark (<c>SuiteExpand</c>, <c>ResultDetails</c>): Microsoft's recordings send
/// combinations of their members (<c>expand=Children, DefaultTesters</c>). An enum query parameter recorded with two or more of its
/// members separated by commas becomes a flags enum, so callers can combine members and the combination is sent by name.
/// </summary>
public sealed class RecordedFlagEnumRule : ISpecRule
{
    public void Apply(SpecDocument document)
    {
        foreach (var operation in document.Operations)
        {
            var enumParameters = operation.ParametersIn("query")
                .Select(p => (Name: (string?)p["name"], Enum: document.Resolve(p["x-schema"])))
                .Where(p => p.Name is not null && p.Enum?["enum"] is JArray && p.Enum["x-enumFlags"] is null)
                .ToList();
            if (enumParameters.Count == 0)
                continue;
            foreach (var example in document.Examples.Of(operation))
            {
                var urlQuery = example.RequestUrl is { } url ? HttpUtility.ParseQueryString(url.Query) : null;
                foreach (var (name, schema) in enumParameters)
                {
                    var recorded = new[] { (string?)example.Parameters.Properties().FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value, urlQuery?[name] };
                    if (recorded.Any(value => CombinesMembers(value, (JArray)schema!["enum"]!)))
                        schema!["x-enumFlags"] = true;
                }
            }
        }
    }

    private static bool CombinesMembers(string? value, JArray members)
    {
        var parts = value?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
        return parts.Length > 1 && parts.All(part => members.Any(member => string.Equals((string?)member, part, StringComparison.OrdinalIgnoreCase)));
    }
}
