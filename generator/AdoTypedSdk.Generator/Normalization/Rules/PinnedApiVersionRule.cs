using System.Text.RegularExpressions;
using AdoTypedSdk.Generator.Pinning;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// <c>api-version</c> leaves every signature: each operation sends the version its referenced parameter pins
/// (<c>#/parameters/api-Version-preview.4</c> → <c>7.1-preview.4</c>), as a fixed query value.
/// </summary>
public sealed partial class PinnedApiVersionRule : ISpecRule
{
    public void Apply(SpecDocument document)
    {
        foreach (var operation in document.Operations)
        {
            foreach (var reference in operation.Parameters.ToList())
            {
                var parameter = document.Resolve(reference);
                if (parameter is null || (string?)parameter["name"] != "api-version")
                    continue;
                operation.FixedQuery["api-version"] = PinnedVersion(document, parameter, (string?)reference["$ref"])
                    ?? throw new SpecException($"{document.SourcePath}: {operation.Describe()}: cannot tell which api-version its parameter pins.");
                reference.Remove();
            }
        }
    }

    private static string? PinnedVersion(SpecDocument document, Newtonsoft.Json.Linq.JObject parameter, string? reference)
    {
        // The description names the value ("This should be set to '7.1-preview.1'"); the reference name is the fallback.
        if (SetToPattern().Match((string?)parameter["description"] ?? "") is { Success: true } match)
            return match.Groups[1].Value;
        if (reference is not null && PreviewSuffixPattern().Match(reference) is { Success: true } preview)
            return document.ApiVersion + "-preview." + preview.Groups[1].Value;
        if (parameter["enum"] is Newtonsoft.Json.Linq.JArray { Count: 1 } single)
            return (string?)single[0];
        return reference is not null ? document.ApiVersion : null;
    }

    [GeneratedRegex(@"set to '([0-9][^']*)'")]
    private static partial Regex SetToPattern();

    [GeneratedRegex(@"preview\.([0-9]+)$")]
    private static partial Regex PreviewSuffixPattern();
}
