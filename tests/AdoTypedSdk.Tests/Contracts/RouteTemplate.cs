using System.Text.RegularExpressions;

namespace AdoTypedSdk.Tests.Contracts;

/// <summary>
/// A generated route template (<c>/~/{project}/_apis/wit/workitems/{id}?api-version=7.1</c>) matched against a recorded URL path:
/// which segment is the organization, which are literals, and which carry which parameter's value.
/// </summary>
internal sealed partial class RouteTemplate
{
    private readonly List<Token> _tokens;

    public RouteTemplate(string routeKey, Func<string, bool> isOptional)
    {
        var path = routeKey.Split('?')[0];
        _tokens = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(segment =>
        {
            if (segment == "~")
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

    private const string PathValueMarker = "*";

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
    public IReadOnlyList<Segment>? Match(IReadOnlyList<string> segments)
    {
        var result = new List<Segment>();
        return Match(0, 0, segments, result) ? result : null;
    }

    private bool Match(int token, int segment, IReadOnlyList<string> segments, List<Segment> result)
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
            result.Add(new Segment(rest[0], SegmentKind.Value, (current.Name!, string.Join('/', rest))));
            result.AddRange(rest.Skip(1).Select(s => new Segment(s, SegmentKind.Value, null)));
            return true;
        }
        var value = segments[segment];
        Segment? matched = current.Kind switch
        {
            TokenKind.Organization => new Segment(value, SegmentKind.Organization, null),
            TokenKind.Literal when value.Equals(current.Text, StringComparison.OrdinalIgnoreCase) => new Segment(value, SegmentKind.Literal, null),
            TokenKind.Parameter when current.Pattern!.Match(value) is { Success: true } m => new Segment(value, SegmentKind.Value, (current.Name!, m.Groups[1].Value)),
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

    [GeneratedRegex(@"^([^{]*)\{([^}]+)\}(.*)$")]
    private static partial Regex Placeholder();

    private enum TokenKind { Organization, Literal, Parameter, PathValue }

    private sealed record Token(TokenKind Kind, string Text, string? Name, Regex? Pattern, bool Optional);
}

internal enum SegmentKind { Organization, Literal, Value }

/// <summary>A URL segment as the template reads it; <see cref="Parameter"/> holds the parameter and its value for value segments.</summary>
internal sealed record Segment(string Text, SegmentKind Kind, (string Name, string Value)? Parameter);
