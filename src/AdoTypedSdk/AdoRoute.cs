using System.Text;

namespace AdoTypedSdk;

/// <summary>
/// Turns the relative URL a generated method built into the absolute request URL. The generator's route templates use three conventions
/// that this resolves: a leading <c>~</c> means "relative to the organization"; an omitted optional path parameter leaves an empty segment
/// and, from NSwag, a literal <c>{name}</c> marker; fixed query pairs (<c>api-version</c>) sit in the template, so the generated query may
/// start with a second <c>?</c>, and routes that share a template carry empty <c>&amp;</c> pairs to stay distinct. A segment that starts
/// with <c>*</c> holds a path-valued parameter (a query's folder path): its escaped slashes become separators again.
/// </summary>
internal static class AdoRoute
{
    public static string Resolve(string relativeUrl, Func<bool, Uri> baseAddress)
    {
        var queryStart = relativeUrl.IndexOf('?');
        var path = queryStart < 0 ? relativeUrl : relativeUrl[..queryStart];
        var query = queryStart < 0 ? "" : relativeUrl[(queryStart + 1)..];

        var organizationScoped = path.StartsWith(Marker, StringComparison.Ordinal);
        if (organizationScoped)
            path = path[Marker.Length..];

        var url = new StringBuilder(baseAddress(organizationScoped).AbsoluteUri);
        var first = true;
        foreach (var segment in path.Split('/'))
        {
            var value = segment.StartsWith(PathValueMarker, StringComparison.Ordinal)
                ? WithoutTemplateMarkers(segment[PathValueMarker.Length..]).Replace("%2F", "/", StringComparison.OrdinalIgnoreCase).Trim('/')
                : WithoutTemplateMarkers(segment);
            RejectDotSegments(value, path);
            if (value.Length == 0)
                continue;
            if (!first)
                url.Append('/');
            url.Append(value);
            first = false;
        }

        var separator = '?';
        foreach (var pair in query.Split('?', '&'))
        {
            if (pair.Length == 0)
                continue;
            url.Append(separator).Append(pair);
            separator = '&';
        }
        return url.ToString();
    }

    /// <summary>
    /// A value of <c>.</c> or <c>..</c> would be collapsed by the URI rules (out of the project, up to the organization), so it never reaches
    /// ADO as a value; a path value (a query folder) may hold slashes but no such step either.
    /// </summary>
    private static void RejectDotSegments(string value, string route)
    {
        foreach (var step in value.Split('/'))
        {
            if (step is "." or "..")
                throw new ArgumentException(
                    $"The path value '{value}' contains the dot segment '{step}', which would move the request out of its place in " +
                    $"'{WithoutTemplateMarkers(route.TrimStart('~', '/'))}'. Pass the name itself; '.' and '..' are not names ADO can address.");
        }
    }

    private const string Marker = "~";
    private const string PathValueMarker = "*";

    /// <summary>Values are percent-encoded, so a literal brace can only come from the template.</summary>
    private static string WithoutTemplateMarkers(string segment)
    {
        var open = segment.IndexOf('{');
        if (open < 0)
            return segment;
        var builder = new StringBuilder(segment.Length);
        var depth = 0;
        foreach (var c in segment)
        {
            if (c == '{') depth++;
            else if (c == '}' && depth > 0) depth--;
            else if (depth == 0) builder.Append(c);
        }
        return builder.ToString();
    }
}
