using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// IntelliSense shows a method's <c>&lt;summary&gt;</c>: ADO writes only <c>description</c>, so its first sentence becomes the summary
/// (the whole description stays in the remarks when it says more). Responses without a useful description name the returned data.
/// </summary>
public sealed class OperationSummaryRule : ISpecRule
{
    public void Apply(SpecDocument document)
    {
        foreach (var operation in document.Operations)
        {
            var description = ((string?)operation.Operation["description"])?.Trim() ?? "";
            if (string.IsNullOrEmpty((string?)operation.Operation["summary"]))
            {
                var summary = FirstSentence(description);
                operation.Operation["summary"] = summary.Length > 0 ? summary : Humanize((string)operation.Operation["operationId"]!) + ".";
                if (summary == description)
                    operation.Operation.Remove("description");
            }
        }
    }

    internal static string FirstSentence(string text)
    {
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] == '.' && char.IsWhiteSpace(text[i + 1]))
                return text[..(i + 1)];
        }
        return text;
    }

    private static string Humanize(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
}
