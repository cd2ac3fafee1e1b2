using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// Route placeholders whose case differs from their parameter (<c>{DefinitionId}</c> vs <c>definitionId</c>) take the parameter's
/// spelling, so the value is substituted; a placeholder with no parameter at all gets a required string parameter.
/// </summary>
public sealed partial class PathPlaceholderCaseRule : ISpecRule
{
    public void Apply(SpecDocument document)
    {
        foreach (var operation in document.Operations)
        {
            var pathParameters = operation.ParametersIn("path").ToList();
            operation.Route = PlaceholderPattern().Replace(operation.Route, match =>
            {
                var name = match.Groups[1].Value;
                var parameter = pathParameters.FirstOrDefault(p => string.Equals((string?)p["name"], name, StringComparison.OrdinalIgnoreCase));
                if (parameter is null)
                {
                    operation.Parameters.Add(new JObject { ["in"] = "path", ["name"] = name, ["required"] = true, ["type"] = "string" });
                    return match.Value;
                }
                return "{" + (string)parameter["name"]! + "}";
            });
        }
    }

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex PlaceholderPattern();
}
