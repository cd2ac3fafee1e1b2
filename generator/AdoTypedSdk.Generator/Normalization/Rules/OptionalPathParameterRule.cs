using System.Text.RegularExpressions;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// Path parameters ADO marks <c>x-ms-required: false</c> (<c>project</c>, <c>team</c>, some trailing ids) become optional, so a caller can
/// omit them and the call uses the shorter route; the runtime drops the empty segment. A <c>{team}</c> segment right after
/// <c>{project}</c> is optional wherever it appears: ADO routes it so (the project's default team), but a quarter of the documents'
/// team routes forget the mark.
/// </summary>
public sealed partial class OptionalPathParameterRule : ISpecRule
{
    public void Apply(SpecDocument document)
    {
        foreach (var operation in document.Operations)
        {
            var teamAfterProject = TeamAfterProject().IsMatch(operation.Route);
            foreach (var parameter in operation.ParametersIn("path"))
            {
                var markedOptional = parameter["x-ms-required"]?.Type == Newtonsoft.Json.Linq.JTokenType.Boolean && !(bool)parameter["x-ms-required"]!;
                if (markedOptional || teamAfterProject && (string?)parameter["name"] == "team")
                    parameter["required"] = false;
            }
        }
    }

    [GeneratedRegex(@"/\{project\}/\{team\}(/|$)")]
    private static partial Regex TeamAfterProject();
}
