namespace AdoTypedSdk.Tests.Routing;

public class RouteTemplateTests
{
    private static readonly Uri Organization = new("https://dev.azure.com/fabrikam/");
    private static readonly Uri Host = new("https://dev.azure.com/");

    private static string Resolve(string relative) => AdoTypedSdk.Routing.RouteTemplate.Resolve(relative, organizationScoped => organizationScoped ? Organization : Host);

    [Theory]
    // Organization marker, pinned version, a generated query that starts with a second '?'.
    [InlineData("~/Fabrikam/_apis/wit/workitems/12?api-version=7.1?fields=a,b", "https://dev.azure.com/fabrikam/Fabrikam/_apis/wit/workitems/12?api-version=7.1&fields=a,b")]
    // Omitted optional project: NSwag removed the separator and left a literal marker.
    [InlineData("~{project}/_apis/wit/workitems/12?api-version=7.1", "https://dev.azure.com/fabrikam/_apis/wit/workitems/12?api-version=7.1")]
    // Omitted optional team in the middle; the given project keeps its place.
    [InlineData("~/Fabrikam{project}/{team}/_apis/wit/wiql?api-version=7.1", "https://dev.azure.com/fabrikam/Fabrikam/_apis/wit/wiql?api-version=7.1")]
    // Distinct keys of routes that share a template carry empty pairs.
    [InlineData("~/_apis/distributedtask/pools?api-version=7.1&&?poolIds=1,2", "https://dev.azure.com/fabrikam/_apis/distributedtask/pools?api-version=7.1&poolIds=1,2")]
    // Routes without the marker are relative to the host.
    [InlineData("_apis/accounts?api-version=7.1", "https://dev.azure.com/_apis/accounts?api-version=7.1")]
    // Values are percent-encoded, so braces from values survive; '$' before a placeholder stays.
    [InlineData("~/P/_apis/wit/workitems/$Bug%7Bx%7D", "https://dev.azure.com/fabrikam/P/_apis/wit/workitems/$Bug%7Bx%7D")]
    // A path-valued parameter keeps its slashes (other escapes stay); omitted, it leaves nothing.
    [InlineData("~/P/_apis/wit/queries/*Shared%20Queries%2FWebsite%20team%2F?api-version=7.1", "https://dev.azure.com/fabrikam/P/_apis/wit/queries/Shared%20Queries/Website%20team?api-version=7.1")]
    [InlineData("~/P/_apis/wit/classificationnodes/areas/*{path}?api-version=7.1", "https://dev.azure.com/fabrikam/P/_apis/wit/classificationnodes/areas?api-version=7.1")]
    public void Resolves_generated_relative_urls(string relative, string expected) => Assert.Equal(expected, Resolve(relative));

    private static string? Match(string route, string path, params string[] optional) =>
        new AdoTypedSdk.Routing.RouteTemplate(route, optional.Contains).Match(path.Split('/', StringSplitOptions.RemoveEmptyEntries)) is { } segments
            ? string.Join(" ", segments.Select(s => s.Parameter is { } p ? $"{p.Name}={p.Value}" : s.Kind.ToString()))
            : null;

    [Theory]
    [InlineData("/~/{project}/_apis/wit/workitems/{id}?api-version=7.1", "fabrikam/P/_apis/WIT/workitems/12", "Organization project=P Literal Literal Literal id=12")]
    // A parameter with literal text around it, and an optional one left out.
    [InlineData("/~/{project}/{team}/_apis/work/${type}", "fabrikam/P/_apis/work/$Task", "Organization project=P Literal Literal type=Task", "team")]
    // A path-valued parameter takes every remaining segment.
    [InlineData("/~/{project}/_apis/wit/queries/*{query}", "fabrikam/P/_apis/wit/queries/Shared Queries/Team", "Organization project=P Literal Literal Literal query=Shared Queries/Team Value")]
    public void Matches_recorded_paths_segment_by_segment(string route, string path, string expected, params string[] optional) =>
        Assert.Equal(expected, Match(route, path, optional));

    [Theory]
    [InlineData("/~/{project}/_apis/wit/workitems/{id}", "fabrikam/P/_apis/wit/workitems")] // a required value missing
    [InlineData("/~/{project}/_apis/wit/workitems/{id}", "fabrikam/P/_apis/git/workitems/12")] // another literal
    [InlineData("/~/{project}/{team}/_apis/work", "fabrikam/P/_apis/work")] // team is required here
    public void Does_not_match_paths_of_another_shape(string route, string path) => Assert.Null(Match(route, path));
}
