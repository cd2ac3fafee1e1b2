using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// A list parameter whose description states the most items one call takes (work item ids: "(Maximum 200 ids allowed)") takes any
/// number of items, and so does a list in the request body that the operation's summary bounds ("Gets work items for a list of work item
/// ids (Maximum 200)": the body's list property named in that text). The operation is marked with the parameter (and the body's
/// property) and the maximum in the <c>x-ado-item-limit</c> extension, and the client's call splits a longer list into calls of at most
/// that many, sends a few at a time, and puts the answers back in the order the caller asked. Only an operation whose answer is a list,
/// never empty of meaning (no 204), can be joined so; its <c>…WithResponseAsync</c> method stays one call.
/// </summary>
public sealed partial class ItemLimitRule : ISpecRule
{
    public const string Extension = "x-ado-item-limit";

    public void Apply(SpecDocument document)
    {
        foreach (var operation in document.Operations.Where(AnswersList))
        {
            var limited = operation.ParametersIn("query")
                .Select(p => (Parameter: p, Match: (string?)p["type"] == "array" ? Maximum().Match((string?)p["description"] ?? "") : Match.Empty))
                .FirstOrDefault(p => p.Match.Success);
            if (limited.Parameter is not null)
            {
                Mark(operation, (string)limited.Parameter["name"]!, null, limited.Match);
                continue;
            }
            var text = (string?)operation.Operation["summary"] + " " + (string?)operation.Operation["description"];
            if (operation.BodyParameter is { } body && Maximum().Match(text) is { Success: true } bounded
                && document.Resolve(body["schema"]) is { } model
                && document.AllProperties(model).FirstOrDefault(p => (string?)p.Value["type"] == "array" && NamedIn(text, p.Name)) is { } list)
                Mark(operation, (string)body["name"]!, list.Name, bounded);
        }
    }

    private static void Mark(SpecOperation operation, string parameter, string? bodyProperty, Match maximum)
    {
        operation.Operation[Extension] = new JObject
        {
            ["parameter"] = parameter,
            // The list's name in the docs; for a body, its property's JSON name, which the call's copies of the body fill.
            ["listName"] = bodyProperty ?? parameter,
            ["maxItems"] = int.Parse(maximum.Groups[1].Value.Replace(",", ""), CultureInfo.InvariantCulture),
        };
        if (bodyProperty is not null)
            operation.Operation[Extension]!["bodyProperty"] = bodyProperty;
    }

    private static bool NamedIn(string text, string name) =>
        Regex.IsMatch(text, @"\b" + Regex.Escape(name) + @"\b", RegexOptions.IgnoreCase);

    private static bool AnswersList(SpecOperation operation) =>
        operation.Operation["responses"] is JObject responses && responses["204"] is null
        && responses.Properties().Where(r => r.Name.StartsWith('2')).Select(r => r.Value["schema"]).OfType<JObject>().FirstOrDefault() is { } schema
        && (string?)schema["type"] == "array";

    /// <summary>"Maximum 200 ids allowed", "maximum of 200", "max 200".</summary>
    [GeneratedRegex(@"\bmax(?:imum)?\.?\s+(?:of\s+)?(\d[\d,]*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Maximum();
}
