using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// Header parameters are sent under the HTTP header the service reads, not under the document's parameter name; the C# parameter keeps
/// the document's name. Two forms of evidence in the document: a camelCase name with a <c>Header</c> suffix (<c>contentRangeHeader</c>
/// is <c>Content-Range</c>), and a description that names the header (<c>To be populated in the If-Match header</c>). A content header
/// (<c>Content-Range</c>) is one too: Azure.Core's transport puts it on the body.
/// </summary>
public sealed partial class HeaderParameterNameRule : ISpecRule
{
    public void Apply(SpecDocument document)
    {
        foreach (var parameter in document.Operations.SelectMany(o => o.ParametersIn("header")))
        {
            if ((string?)parameter["name"] is not { } name || HttpName(name, (string?)parameter["description"]) is not { } header)
                continue;
            parameter["x-originalName"] ??= name;
            parameter["name"] = header;
        }
    }

    private static string? HttpName(string name, string? description)
    {
        if (description is not null && NamedInDescription().Match(description) is { Success: true } named)
            return named.Groups[1].Value;
        if (SuffixedName().Match(name) is { Success: true } suffixed)
            return string.Join('-', Words().Matches(suffixed.Groups[1].Value).Select(w => char.ToUpperInvariant(w.Value[0]) + w.Value[1..]));
        return null;
    }

    /// <summary><c>populated in the If-Match header</c>, <c>sent as the X-Foo-Bar header</c>: a dashed header name.</summary>
    [GeneratedRegex(@"\b(?:in|as) the ([A-Za-z]+(?:-[A-Za-z]+)+) header\b")]
    private static partial Regex NamedInDescription();

    [GeneratedRegex(@"^([a-z][A-Za-z]*)Header$")]
    private static partial Regex SuffixedName();

    [GeneratedRegex(@"[A-Za-z][a-z]*")]
    private static partial Regex Words();
}
