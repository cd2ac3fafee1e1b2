using System.Text;
using System.Text.RegularExpressions;

namespace AdoTypedSdk.Routing;

/// <summary>
/// A route as the generator writes it (<c>/~/{project}/_apis/wit/workitems/{id}?api-version=7.1</c>), in one place for the three
/// programs that read routes: the generator marks them, the tests and the generator's rules match recorded URLs against them, and the
/// runtime resolves the URL a generated method built. The generator and the tests compile this file too (the generator shares no
/// assembly with the runtime). Conventions:
/// <list type="bullet">
/// <item>a leading <c>~</c> segment is the organization (the route is relative to the organization URL);</item>
/// <item>a segment that starts with <c>*</c> holds a path-valued parameter (a query's folder path), which takes every remaining segment;</item>
/// <item>an omitted optional path parameter leaves an empty segment and, from NSwag, a literal <c>{name}</c> marker;</item>
/// <item>fixed query pairs (<c>api-version</c>) sit in the template, so the generated query may start with a second <c>?</c>, and routes
/// that share a template carry empty <c>&amp;</c> pairs to stay distinct.</item>
/// </list>
/// </summary>
internal sealed partial class RouteTemplate
{
    /// <summary>The segment that stands for the organization.</summary>
    public const string OrganizationMarker = "~";

    /// <summary>The prefix of a segment that holds a path-valued parameter.</summary>
    public const string PathValueMarker = "*";

    private readonly List<Token> _tokens;

    public RouteTemplate(string routeKey, Func<string, bool> isOptional)
    {
        var path = routeKey.Split('?')[0];
        _tokens = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(segment =>
        {
            if (segment == OrganizationMarker)
                return new Token(TokenKind.Organization, segment, null, null, false);
            var match = Placeholder().Match(segment);
            if (!match.Success)
                return new Token(TokenKind.Literal, segment, null, null, false);
            var name = match.Groups[2].Value;
            if (match.Groups[1].Value == PathValueMarker)
                return new Token(TokenKind.PathValue, segment, name, null, isOptional(name));
            return new Token(TokenKind.Parameter, segment, name, new Regex("^" + Regex.Escape(match.Groups[1].Value) + "(.+)" + Regex.Escape(match.Groups[3].Value) + "$", RegexOptions.Singleline), isOptional(name));
        }).ToList();
    }

    /// <summary>
    /// How specific the route is, for preferring one of several routes a URL fits, as ASP.NET routing does: a literal segment counts
    /// most, a parameter with literal text around it (<c>${type}</c>) more than a bare one.
    /// </summary>
    public int Precedence => _tokens.Sum(t => t.Kind switch
    {
        TokenKind.Literal => 2,
        TokenKind.Parameter when !t.Text.StartsWith('{') || !t.Text.EndsWith('}') => 1,
        _ => 0,
    });

    /// <summary>Aligns the template with the URL's decoded segments; null when the URL does not follow the route.</summary>
    public IReadOnlyList<RouteSegment>? Match(IReadOnlyList<string> segments)
    {
        var result = new List<RouteSegment>();
        return Match(0, 0, segments, result) ? result : null;
    }

    private bool Match(int token, int segment, IReadOnlyList<string> segments, List<RouteSegment> result)
    {
        if (token == _tokens.Count)
            return segment == segments.Count;
        var current = _tokens[token];
        if (current.Kind is TokenKind.Parameter or TokenKind.PathValue && current.Optional && Match(token + 1, segment, segments, result))
            return true;
        if (segment == segments.Count)
            return false;
        if (current.Kind == TokenKind.PathValue)
        {
            // A path-valued parameter ends the route and takes every remaining segment, slashes included.
            var rest = segments.Skip(segment).ToList();
            result.Add(new RouteSegment(rest[0], RouteSegmentKind.Value, (current.Name!, string.Join('/', rest))));
            result.AddRange(rest.Skip(1).Select(s => new RouteSegment(s, RouteSegmentKind.Value, null)));
            return true;
        }
        var value = segments[segment];
        RouteSegment? matched = current.Kind switch
        {
            TokenKind.Organization => new RouteSegment(value, RouteSegmentKind.Organization, null),
            TokenKind.Literal when value.Equals(current.Text, StringComparison.OrdinalIgnoreCase) => new RouteSegment(value, RouteSegmentKind.Literal, null),
            TokenKind.Parameter when current.Pattern!.Match(value) is { Success: true } m => new RouteSegment(value, RouteSegmentKind.Value, (current.Name!, m.Groups[1].Value)),
            _ => null,
        };
        if (matched is null)
            return false;
        result.Add(matched);
        if (Match(token + 1, segment + 1, segments, result))
            return true;
        result.RemoveAt(result.Count - 1);
        return false;
    }

    /// <summary>Turns the relative URL a generated method built into the absolute request URL (see the conventions above).</summary>
    /// <remarks>Every request passes here, so it works on spans and allocates only the URL it returns.</remarks>
    public static string Resolve(string relativeUrl, Func<bool, Uri> baseAddress)
    {
        var queryStart = relativeUrl.IndexOf('?');
        var path = queryStart < 0 ? relativeUrl.AsSpan() : relativeUrl.AsSpan(0, queryStart);
        var query = queryStart < 0 ? [] : relativeUrl.AsSpan(queryStart + 1);
        var organizationScoped = path.StartsWith(OrganizationMarker, StringComparison.Ordinal);
        if (organizationScoped)
            path = path[OrganizationMarker.Length..];

        var url = new StringBuilder(baseAddress(organizationScoped).AbsoluteUri, relativeUrl.Length + 128);
        var first = true;
        var buffer = path.Length <= 512 ? stackalloc char[path.Length] : new char[path.Length];
        foreach (var range in path.Split('/'))
        {
            var segment = path[range];
            var isPathValue = segment.StartsWith(PathValueMarker, StringComparison.Ordinal);
            if (isPathValue)
                segment = segment[PathValueMarker.Length..];
            ReadOnlySpan<char> value = buffer[..WithoutTemplateMarkers(segment, buffer)];
            if (isPathValue)
                value = value.ToString().Replace("%2F", "/", StringComparison.OrdinalIgnoreCase).Trim('/');
            RejectDotSegments(value, path);
            if (value.Length == 0)
                continue;
            if (!first)
                url.Append('/');
            url.Append(value);
            first = false;
        }

        var separator = '?';
        foreach (var range in query.SplitAny('?', '&'))
        {
            var pair = query[range];
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
    private static void RejectDotSegments(ReadOnlySpan<char> value, ReadOnlySpan<char> route)
    {
        foreach (var range in value.Split('/'))
        {
            var step = value[range];
            if (step is "." or "..")
            {
                var place = new char[route.Length];
                throw new ArgumentException(
                    $"The path value '{value}' contains the dot segment '{step}', which would move the request out of its place in " +
                    $"'{place.AsSpan(0, WithoutTemplateMarkers(route.TrimStart("~/"), place))}'. Pass the name itself; '.' and '..' are not names ADO can address.");
            }
        }
    }

    /// <summary>Copies <paramref name="segment"/> without its <c>{…}</c> markers (values are percent-encoded, so a literal brace can only come from the template); returns the length.</summary>
    private static int WithoutTemplateMarkers(ReadOnlySpan<char> segment, Span<char> destination)
    {
        var length = 0;
        var depth = 0;
        foreach (var c in segment)
        {
            if (c == '{') depth++;
            else if (c == '}' && depth > 0) depth--;
            else if (depth == 0) destination[length++] = c;
        }
        return length;
    }

    [GeneratedRegex(@"^([^{]*)\{([^}]+)\}(.*)$")]
    private static partial Regex Placeholder();

    private enum TokenKind { Organization, Literal, Parameter, PathValue }

    private sealed record Token(TokenKind Kind, string Text, string? Name, Regex? Pattern, bool Optional);
}

internal enum RouteSegmentKind { Organization, Literal, Value }

/// <summary>A URL segment as a template reads it; <see cref="Parameter"/> holds the parameter and its value for value segments.</summary>
internal sealed record RouteSegment(string Text, RouteSegmentKind Kind, (string Name, string Value)? Parameter);
