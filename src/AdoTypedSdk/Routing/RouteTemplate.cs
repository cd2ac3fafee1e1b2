using System.Text;
using System.Text.RegularExpressions;

namespace AdoTypedSdk.Routing;

/// <summary>
/// A route as the generator writes it (<c>/~/{project}/_apis/wit/workitems/{id}?api-version=7.1</c>), in one place for the three
/// programs that read routes: the generator marks them, the tests and the generator's rules match recorded URLs against them, and the
/// generated clients build their requests' paths from them. The generator and the tests compile this file too (the generator shares no
/// assembly with the runtime). Conventions:
/// <list type="bullet">
/// <item>a leading <c>~</c> segment is the organization (the route is relative to the organization URL);</item>
/// <item>a segment that starts with <c>*</c> holds a path-valued parameter (a query's folder path), which takes every remaining segment;</item>
/// <item>fixed query pairs (<c>api-version</c>) sit in the template, and routes that share a template carry empty <c>&amp;</c> pairs to
/// stay distinct.</item>
/// </list>
/// </summary>
internal sealed partial class RouteTemplate
{
    /// <summary>The segment that stands for the organization.</summary>
    public const string OrganizationMarker = "~";

    /// <summary>The prefix of a segment that holds a path-valued parameter.</summary>
    public const string PathValueMarker = "*";

    private readonly string _path;
    private readonly List<Token> _tokens;
    private readonly Dictionary<string, int> _parameterIndex = new(StringComparer.Ordinal);

    /// <param name="routeKey">The route with its fixed query.</param>
    /// <param name="isOptional">Which placeholders a URL may leave out, for <see cref="Match(IReadOnlyList{string})"/>.</param>
    public RouteTemplate(string routeKey, Func<string, bool>? isOptional = null)
    {
        var parts = routeKey.Split('?', 2);
        _path = parts[0];
        _tokens = _path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(segment =>
        {
            if (segment == OrganizationMarker)
                return new Token(TokenKind.Organization, segment, null, "", "", false);
            var match = Placeholder().Match(segment);
            if (!match.Success)
                return new Token(TokenKind.Literal, segment, null, "", "", false);
            var name = match.Groups[2].Value;
            var optional = isOptional?.Invoke(name) ?? false;
            return match.Groups[1].Value == PathValueMarker
                ? new Token(TokenKind.PathValue, segment, name, "", "", optional)
                : new Token(TokenKind.Parameter, segment, name, match.Groups[1].Value, match.Groups[3].Value, optional);
        }).ToList();
        foreach (var name in _tokens.Select(t => t.Name).OfType<string>())
            _parameterIndex.TryAdd(name, _parameterIndex.Count);
        Parameters = [.. _parameterIndex.Keys];
        OrganizationScoped = _tokens is [{ Kind: TokenKind.Organization }, ..];
        FixedQuery = parts.Length < 2 ? [] : parts[1].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2)).Select(pair => (pair[0], pair.Length > 1 ? pair[1] : "")).ToList();
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

    /// <summary>
    /// Aligns a recorded URL's decoded segments, which on-premises recordings may give without the collection (made at a server's root:
    /// <c>https://fabrikam:8080/_apis/…</c>): where the route starts at the organization and the path fits only with one more segment, a
    /// stand-in takes the collection's place.
    /// </summary>
    public IReadOnlyList<RouteSegment>? MatchRecorded(IReadOnlyList<string> segments) =>
        Match(segments) ?? (OrganizationScoped ? Match(["collection", .. segments]) : null);

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
            TokenKind.Parameter when current.Pattern.Match(value) is { Success: true } m => new RouteSegment(value, RouteSegmentKind.Value, (current.Name!, m.Groups[1].Value)),
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

    /// <summary>Whether the route starts at the organization (<c>~</c>) rather than at the host.</summary>
    public bool OrganizationScoped { get; }

    /// <summary>The route's placeholders in the order they appear, each once.</summary>
    public IReadOnlyList<string> Parameters { get; }

    /// <summary>The query pairs the route itself carries (<c>api-version=7.1</c>), empty pairs dropped.</summary>
    public IReadOnlyList<(string Name, string Value)> FixedQuery { get; }

    /// <summary>
    /// The request's path relative to the base address (no leading '/'): literals as they are, each value percent-escaped in its place
    /// (<paramref name="values"/> in <see cref="Parameters"/> order; a path-valued one keeps its slashes), a null value dropping its segment.
    /// </summary>
    public string BuildPath(ReadOnlySpan<string?> values)
    {
        var path = new StringBuilder(128);
        foreach (var token in _tokens)
        {
            var value = token.Name is null ? null : values[_parameterIndex[token.Name]];
            var segment = token.Kind switch
            {
                TokenKind.Organization => null,
                TokenKind.Literal => token.Text,
                TokenKind.Parameter when value is not null => token.Prefix + Escape(value, token.Text) + token.Suffix,
                TokenKind.PathValue when value?.Trim('/') is { Length: > 0 } steps => string.Join('/', steps.Split('/').Select(step => Escape(step, token.Text))),
                _ => null,
            };
            if (segment is null)
                continue;
            if (path.Length > 0)
                path.Append('/');
            path.Append(segment);
        }
        return path.ToString();
    }

    private string Escape(string value, string placeholder)
    {
        RejectDotSegments(value, placeholder);
        return Uri.EscapeDataString(value);
    }

    /// <summary>
    /// A value of <c>.</c> or <c>..</c> would be collapsed by the URI rules (out of the project, up to the organization), so it never reaches
    /// ADO as a value; a path value (a query folder) may hold slashes but no such step either.
    /// </summary>
    private void RejectDotSegments(string value, string placeholder)
    {
        if (value is "." or "..")
            throw new ArgumentException(
                $"The path value '{value}' of {placeholder} contains the dot segment '{value}', which would move the request out of its place in " +
                $"'{_path}'. Pass the name itself; '.' and '..' are not names ADO can address.");
    }

    [GeneratedRegex(@"^([^{]*)\{([^}]+)\}(.*)$")]
    private static partial Regex Placeholder();

    private enum TokenKind { Organization, Literal, Parameter, PathValue }

    private sealed record Token(TokenKind Kind, string Text, string? Name, string Prefix, string Suffix, bool Optional)
    {
        // Only matching recorded URLs needs it.
        public Regex Pattern => field ??= new Regex("^" + Regex.Escape(Prefix) + "(.+)" + Regex.Escape(Suffix) + "$", RegexOptions.Singleline);
    }
}

internal enum RouteSegmentKind { Organization, Literal, Value }

/// <summary>A URL segment as a template reads it; <see cref="Parameter"/> holds the parameter and its value for value segments.</summary>
internal sealed record RouteSegment(string Text, RouteSegmentKind Kind, (string Name, string Value)? Parameter);
