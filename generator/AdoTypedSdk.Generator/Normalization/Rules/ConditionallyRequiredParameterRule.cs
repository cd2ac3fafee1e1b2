using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// A query or header parameter marked required whose own description says it is needed only in some cases ("Mandatory for `Edit`
/// scenario", "It's not required, if you want root nodes") is optional, so a caller in the other case is not stopped by an
/// <c>ArgumentNullException</c> for a value the service does not need (a wiki page's version when creating the page).
/// </summary>
public sealed partial class ConditionallyRequiredParameterRule : ISpecRule
{
    public void Apply(SpecDocument document)
    {
        foreach (var parameter in document.Operations.SelectMany(o => o.Parameters.OfType<JObject>()))
        {
            if ((string?)parameter["in"] is "query" or "header" && (bool?)parameter["required"] == true
                && (string?)parameter["description"] is { } description && OnlySometimesNeeded().IsMatch(description))
                parameter["required"] = false;
        }
    }

    [GeneratedRegex(@"\bmandatory for\b[^.]*\bscenarios?\b|\bnot required\b", RegexOptions.IgnoreCase)]
    private static partial Regex OnlySometimesNeeded();
}
