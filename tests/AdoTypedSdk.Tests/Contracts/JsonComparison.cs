using System.Globalization;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Tests.Contracts;

/// <summary>
/// JSON comparison with the documented, general normalizations only: explicit nulls count as absent, numbers compare by value, and two
/// strings that both read as the same instant compare equal (<c>2014-12-29T20:49:35.357Z</c> = <c>2014-12-29T20:49:35.3570000+00:00</c>).
/// </summary>
internal static class JsonComparison
{
    /// <summary>Every non-null leaf of <paramref name="expected"/>, with its path, that <paramref name="actual"/> lacks or holds differently.</summary>
    public static IReadOnlyList<string> MissingLeaves(JToken expected, JToken actual)
    {
        // Paths are taken relative to the compared values, not to the documents they came from.
        expected = expected.DeepClone();
        // Property names compare in any case: ADO's own serializers read them so.
        var actualLeaves = All(actual.DeepClone()).OfType<JValue>().GroupBy(v => v.Path.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First());
        var missing = new List<string>();
        foreach (var leaf in All(expected).OfType<JValue>().Where(v => v.Type != JTokenType.Null))
        {
            var found = actualLeaves.GetValueOrDefault(leaf.Path.ToLowerInvariant());
            if (found is not JValue value || !LeafEquals(leaf, value))
                missing.Add($"{leaf.Path} = {leaf.ToString(Newtonsoft.Json.Formatting.None)} (got {found?.ToString(Newtonsoft.Json.Formatting.None) ?? "nothing"})");
        }
        return missing;
    }

    /// <summary>True when the two values are equal under the normalizations, in both directions.</summary>
    public static bool SemanticallyEqual(JToken expected, JToken actual) =>
        MissingLeaves(WithoutNulls(expected), WithoutNulls(actual)).Count == 0 && MissingLeaves(WithoutNulls(actual), WithoutNulls(expected)).Count == 0
        && Shape(WithoutNulls(expected)) == Shape(WithoutNulls(actual));

    public static bool LeafEquals(JValue expected, JValue actual)
    {
        if (JToken.DeepEquals(expected, actual))
            return true;
        if (IsNumber(expected) && IsNumber(actual))
            return System.Convert.ToDecimal(expected.Value, CultureInfo.InvariantCulture) == System.Convert.ToDecimal(actual.Value, CultureInfo.InvariantCulture);
        if (Instant(expected) is { } left && Instant(actual) is { } right)
            return left == right;
        var expectedText = Text(expected);
        var actualText = Text(actual);
        if (Guid.TryParse(expectedText, out var expectedGuid) && Guid.TryParse(actualText, out var actualGuid))
            return expectedGuid == actualGuid;
        // Enum names: ADO reads them in any case and its recordings mix "System" and "system".
        return expectedText == actualText || IsName(expectedText) && string.Equals(expectedText, actualText, StringComparison.OrdinalIgnoreCase);
    }

    public static bool SameInstant(string expected, string actual) => Instant(new JValue(expected)) is { } left && Instant(new JValue(actual)) is { } right && left == right;

    private static DateTimeOffset? Instant(JValue value) => value.Value switch
    {
        DateTimeOffset instant => instant,
        DateTime time => new DateTimeOffset(time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : time),
        // .NET's older JSON date form, "/Date(1565715592526)/", is the same instant in milliseconds since 1970.
        string text when text.StartsWith("/Date(", StringComparison.Ordinal) && long.TryParse(text[6..^2].Split('+', '-')[0], out var milliseconds)
            => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds),
        string text when text.Length >= 10 && char.IsAsciiDigit(text[0]) && text[4] == '-' && text[7] == '-'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
        _ => null,
    };

    private static string? Text(JValue value) =>
        value.Value is byte[] bytes ? System.Convert.ToBase64String(bytes) : System.Convert.ToString(value.Value, CultureInfo.InvariantCulture);

    private static bool IsName(string? text) => !string.IsNullOrEmpty(text) && char.IsAsciiLetter(text[0]) && text.All(char.IsAsciiLetterOrDigit);

    private static bool IsNumber(JValue value) => value.Type is JTokenType.Integer or JTokenType.Float;

    public static JToken WithoutNulls(JToken token)
    {
        var copy = token.DeepClone();
        foreach (var property in All(copy).OfType<JProperty>().Where(p => p.Value.Type == JTokenType.Null).ToList())
            property.Remove();
        return copy;
    }

    /// <summary>Array lengths and property sets, so equal leaves in a different structure do not pass.</summary>
    private static string Shape(JToken token) => string.Join("|", All(token).OfType<JArray>().Select(a => a.Path.ToLowerInvariant() + ":" + a.Count).Order(StringComparer.Ordinal));

    private static IEnumerable<JToken> All(JToken token) => token is JContainer container ? container.DescendantsAndSelf() : [token];

}
