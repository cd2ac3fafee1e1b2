namespace AdoTypedSdk.Runtime.Tests.Routing;

public class RouteTemplateTests
{
    /// <summary>Values by placeholder name, "-" for one left out.</summary>
    private static string Build(string route, params string[] values)
    {
        var template = new AdoTypedSdk.Routing.RouteTemplate(route);
        var given = values.Select(v => v.Split('=', 2)).ToDictionary(v => v[0], v => v[1] == "-" ? null : v[1]);
        return template.BuildPath(template.Parameters.Select(p => given.GetValueOrDefault(p)).ToArray());
    }

    [Theory]
    [InlineData("/~/{project}/_apis/wit/workitems/{id}?api-version=7.1", "_apis/wit/workitems/12", "project=-", "id=12")]
    [InlineData("/~/{project}/{team}/_apis/wit/wiql", "Fabrikam/_apis/wit/wiql", "project=Fabrikam", "team=-")]
    // Values are percent-escaped in their place; literal text around a placeholder stays.
    [InlineData("/~/{project}/_apis/wit/workitems/${type}", "a%2Fb%3Fc/_apis/wit/workitems/$Bug%7Bx%7D", "project=a/b?c", "type=Bug{x}")]
    // A path-valued parameter keeps its slashes, each step escaped; left out, it leaves nothing.
    [InlineData("/~/{project}/_apis/wit/queries/*{query}", "P/_apis/wit/queries/Shared%20Queries/Website%20team", "project=P", "query=/Shared Queries/Website team/")]
    [InlineData("/~/{project}/_apis/wit/classificationnodes/areas/*{path}", "P/_apis/wit/classificationnodes/areas", "project=P", "path=-")]
    [InlineData("/_apis/accounts", "_apis/accounts")]
    public void Builds_request_paths(string route, string expected, params string[] values) => Assert.Equal(expected, Build(route, values));

    [Fact]
    public void Knows_the_organization_marker_and_the_fixed_query_without_empty_pairs()
    {
        var template = new AdoTypedSdk.Routing.RouteTemplate("/~/_apis/distributedtask/pools?api-version=7.1&&");

        Assert.True(template.OrganizationScoped);
        Assert.False(new AdoTypedSdk.Routing.RouteTemplate("/_apis/accounts?api-version=7.1").OrganizationScoped);
        Assert.Equal([("api-version", "7.1")], template.FixedQuery);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("Shared Queries/../../_apis")]
    public void Dot_segments_are_refused(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => Build("/~/{project}/_apis/wit/queries/*{query}", "project=P", "query=" + value));

        Assert.Contains("dot segment '", error.Message);
    }

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

    [Theory]
    // An on-premises recording made at the server's root has no collection segment: a stand-in takes its place.
    [InlineData("/~/{project}/_apis/wit/queries", "Fabrikam-Fiber-Git/_apis/wit/queries", "Organization project=Fabrikam-Fiber-Git Literal Literal Literal")]
    [InlineData("/~/_apis/projects", "_apis/projects", "Organization Literal Literal")]
    // Where the path fits as recorded, it is taken as recorded.
    [InlineData("/~/{project}/_apis/wit/queries", "tfs/Fabrikam/_apis/wit/queries", "Organization project=Fabrikam Literal Literal Literal")]
    public void Recorded_paths_without_the_collection_are_aligned(string route, string path, string expected) =>
        Assert.Equal(expected, new AdoTypedSdk.Routing.RouteTemplate(route).MatchRecorded(path.Split('/')) is { } segments
            ? string.Join(" ", segments.Select(s => s.Parameter is { } p ? $"{p.Name}={p.Value}" : s.Kind.ToString()))
            : null);
}
