using System.Text;

namespace AdoTypedSdk.Generator.Normalization;

/// <summary>Turns ADO names (<c>Work Items</c>, <c>_links</c>, <c>collection_User</c>, <c>3_2</c>) into C# identifiers.</summary>
public static class Identifiers
{
    /// <summary>PascalCase from any text: word breaks at non-alphanumerics; letters inside a word keep their case.</summary>
    public static string Pascal(string text)
    {
        var builder = new StringBuilder(text.Length);
        var upperNext = true;
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                upperNext = true;
                continue;
            }
            builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }
        if (builder.Length == 0)
            return "Value";
        if (char.IsAsciiDigit(builder[0]))
            builder.Insert(0, 'N');
        return builder.ToString();
    }

    /// <summary>camelCase variant of <see cref="Pascal"/>, used for JSON property names that are not valid identifiers.</summary>
    public static string Camel(string text)
    {
        var pascal = Pascal(text);
        return char.ToLowerInvariant(pascal[0]) + pascal[1..];
    }

    /// <summary>
    /// Whether two parameter names are one to ADO, which binds query names in any case and reads <c>$top</c> and <c>top</c> alike: a
    /// rule never adds a parameter that is the same as one the operation has.
    /// </summary>
    public static bool SameParameterName(string left, string right) =>
        left.AsSpan().TrimStart('$').Equals(right.AsSpan().TrimStart('$'), StringComparison.OrdinalIgnoreCase);

    public static bool IsSimple(string name) =>
        name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit);

    /// <summary>Returns <paramref name="candidate"/>, or it with the smallest numeric suffix from 2 that <paramref name="taken"/> does not hold.</summary>
    public static string Unique(string candidate, Func<string, bool> taken)
    {
        if (!taken(candidate))
            return candidate;
        for (var i = 2; ; i++)
            if (!taken(candidate + i))
                return candidate + i;
    }
}
