using Microsoft.Extensions.Configuration;

namespace AdoTypedSdk;

/// <summary>
/// Checks the configuration a connection is registered from before Microsoft.Extensions.Azure matches a constructor to its keys: that
/// matcher's message names neither the section nor the fix.
/// </summary>
internal static class AdoConnectionConfiguration
{
    public const string OrganizationUrlKey = "organizationUrl";

    private const string Example = "https://dev.azure.com/<organization>";

    /// <exception cref="InvalidOperationException">The section is missing, has no <c>organizationUrl</c>, or its value is not an absolute URL.</exception>
    public static void Check(IConfiguration configuration)
    {
        var path = configuration is IConfigurationSection section ? section.Path : null;
        var key = path is null ? OrganizationUrlKey : $"{path}:{OrganizationUrlKey}";
        var variable = key.Replace(":", "__", StringComparison.Ordinal);
        var value = configuration[OrganizationUrlKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            var keys = configuration.GetChildren().Select(c => c.Key).ToList();
            if (keys.Count == 0)
                throw new InvalidOperationException(
                    $"AdoTypedSdk: {(path is null ? "the configuration" : $"the configuration section '{path}'")} is missing or empty, so the ADO connection has no {OrganizationUrlKey}. " +
                    $"Add it, e.g. in appsettings.json: {(path is null ? "" : $"\"{path}\": ")}{{ \"{OrganizationUrlKey}\": \"{Example}\" }}, or set the environment variable {variable}.");
            var nearest = keys.Where(k => Distance(k.ToLowerInvariant(), OrganizationUrlKey.ToLowerInvariant()) <= 3).ToList();
            throw new InvalidOperationException(
                $"AdoTypedSdk: {(path is null ? "the configuration" : $"the configuration section '{path}'")} has no {OrganizationUrlKey} (its keys: {string.Join(", ", keys)})." +
                (nearest.Count > 0 ? $" '{nearest[0]}' looks like a misspelling of it." : "") +
                $" Set {key} to your organization's URL, like {Example} (environment variable {variable}).");
        }
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
            throw new InvalidOperationException(
                $"AdoTypedSdk: {key} is '{value}', which is not an absolute https URL. Use your organization's URL, like {Example}, " +
                "or an on-premises collection's, like https://tfs.contoso.local/tfs/DefaultCollection.");
    }

    /// <summary>The edit distance of two short keys, to point at a misspelt one.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
