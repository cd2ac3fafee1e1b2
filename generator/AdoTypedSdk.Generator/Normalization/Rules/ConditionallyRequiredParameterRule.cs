using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// A query or header parameter marked required whose own description says it is needed only in some cases ("Mandatory for `Edit`
/// scenario", "It's not required, if you want root nodes") is optional, so a caller in the other case is not stopped by an
/// <c>ArgumentNullException</c> for a value the service does not need (a wiki page's version when creating the page). Likewise a
/// required body is optional when another parameter of the operation says it works without one ("Optional definition id to queue a
/// build without a body"): the body is then sent as JSON <c>null</c>.
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
        foreach (var operation in document.Operations)
        {
            if (operation.BodyParameter is { } body && (bool?)body["required"] == true
                && operation.Parameters.OfType<JObject>().Any(p => p != body && (string?)p["description"] is { } text && WorksWithoutBody().IsMatch(text)))
                body["required"] = false;
        }
    }

    [GeneratedRegex(@"\bwithout a (request )?body\b|\bignored if there'?s a valid body\b", RegexOptions.IgnoreCase)]
    private static partial Regex WorksWithoutBody();

    [GeneratedRegex(@"\bmandatory for\b[^.]*\bscenarios?\b|\bnot required\b", RegexOptions.IgnoreCase)]
    private static partial Regex OnlySometimesNeeded();
}
