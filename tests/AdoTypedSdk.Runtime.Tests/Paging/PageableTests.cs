using AdoTypedSdk.Build;
using AdoTypedSdk.Testing;
using AdoTypedSdk.Tests.Infrastructure;
using AdoTypedSdk.Tokens;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Response = WireMock.ResponseBuilders.Response;

namespace AdoTypedSdk.Runtime.Tests.Paging;

/// <summary>Pageable operations walk every page through the whole pipeline, with the token where each operation carries it.</summary>
public sealed class PageableTests : IDisposable
{
    private const string BuildsPath = "/fabrikam/Fabrikam/_apis/build/builds";
    private const string PatsPath = "/fabrikam/_apis/tokens/pats";

    private readonly EmbeddedAdo _ado = new();
    private readonly AdoConnection _connection;

    public PageableTests() => _connection = _ado.Connect(new FakeCredential());

    private static IResponseBuilder BuildPage(int first, string? nextToken)
    {
        var reply = Response.Create().WithHeader("Content-Type", "application/json")
            .WithBody($$"""{ "count": 2, "value": [ { "id": {{first}} }, { "id": {{first + 1}} } ] }""");
        return nextToken is null ? reply : reply.WithHeader("x-ms-continuationtoken", nextToken);
    }

    /// <summary>Three pages of builds: the first request has no token, each later one the token the page before it returned.</summary>
    private void ServeThreeBuildPages(Func<IResponseBuilder>? secondPageFirstAttempt = null)
    {
        _ado.Server.Given(Request.Create().UsingGet().WithPath(BuildsPath).WithParam("continuationToken", WireMock.Matchers.MatchBehaviour.RejectOnMatch))
            .RespondWith(BuildPage(1, "page 2"));
        if (secondPageFirstAttempt is null)
            _ado.Server.Given(Request.Create().UsingGet().WithPath(BuildsPath).WithParam("continuationToken", "page 2")).RespondWith(BuildPage(3, "page+3"));
        else
            _ado.RespondInSequenceWhere(Request.Create().UsingGet().WithPath(BuildsPath).WithParam("continuationToken", "page 2"), secondPageFirstAttempt, () => BuildPage(3, "page+3"));
        _ado.Server.Given(Request.Create().UsingGet().WithPath(BuildsPath).WithParam("continuationToken", "page+3")).RespondWith(BuildPage(5, null));
    }

    private List<string?> SentTokens() =>
        _ado.Server.LogEntries.OrderBy(e => e.RequestMessage.DateTime)
            .Select(e => System.Web.HttpUtility.ParseQueryString(new Uri(e.RequestMessage.AbsoluteUrl).Query)["continuationToken"]).ToList();

    [Fact]
    public async Task Every_build_of_three_pages_by_header_token_is_yielded_once()
    {
        ServeThreeBuildPages();

        var ids = new List<int?>();
        await foreach (var build in _connection.GetClient<BuildsClient>().GetBuildsAsync("Fabrikam"))
            ids.Add(build.Id);

        Assert.Equal([1, 2, 3, 4, 5, 6], ids);
        Assert.Equal([null, "page 2", "page+3"], SentTokens());
    }

    [Fact]
    public async Task Pages_carry_their_token_and_response_and_the_page_size_hint_is_top()
    {
        ServeThreeBuildPages();

        var pages = await _connection.GetClient<BuildsClient>().GetBuildsAsync("Fabrikam").AsPages(pageSizeHint: 2).ToListAsync();

        Assert.Equal(["page 2", "page+3", null], pages.Select(p => p.ContinuationToken));
        Assert.All(pages, p => Assert.Equal(200, p.GetRawResponse().Status));
        Assert.Equal("page 2", pages[0].GetRawResponse().ContinuationToken);
        Assert.All(_ado.Server.LogEntries, e => Assert.Equal("2", System.Web.HttpUtility.ParseQueryString(new Uri(e.RequestMessage.AbsoluteUrl).Query)["$top"]));
    }

    [Fact]
    public async Task A_walk_resumes_from_a_continuation_token()
    {
        ServeThreeBuildPages();

        var ids = new List<int?>();
        await foreach (var page in _connection.GetClient<BuildsClient>().GetBuildsAsync("Fabrikam").AsPages("page+3"))
            ids.AddRange(page.Values.Select(b => b.Id));

        Assert.Equal([5, 6], ids);
        Assert.Equal(["page+3"], SentTokens());
    }

    [Fact]
    public async Task Too_many_requests_on_page_two_is_retried_and_the_walk_goes_on()
    {
        ServeThreeBuildPages(() => Response.Create().WithStatusCode(429).WithHeader("Retry-After", "0"));

        var ids = await _connection.GetClient<BuildsClient>().GetBuildsAsync("Fabrikam").Select(b => b.Id).ToListAsync();

        Assert.Equal([1, 2, 3, 4, 5, 6], ids);
        Assert.Equal([null, "page 2", "page 2", "page+3"], SentTokens());
    }

    [Fact]
    public async Task Cancelling_after_page_one_sends_no_other_request()
    {
        ServeThreeBuildPages();
        using var cancellation = new CancellationTokenSource();

        var seen = new List<int?>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var build in _connection.GetClient<BuildsClient>().GetBuildsAsync("Fabrikam").WithCancellation(cancellation.Token))
            {
                seen.Add(build.Id);
                if (seen.Count == 2)
                    cancellation.Cancel();
            }
        });

        Assert.Equal([1, 2], seen);
        Assert.Single(_ado.Server.LogEntries);
    }

    [Fact]
    public async Task The_token_given_to_the_method_cancels_too()
    {
        ServeThreeBuildPages();
        using var cancellation = new CancellationTokenSource();

        var pageable = _connection.GetClient<BuildsClient>().GetBuildsAsync("Fabrikam", cancellationToken: cancellation.Token);
        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in pageable)
                if (++seen == 2)
                    cancellation.Cancel();
        });

        Assert.Single(_ado.Server.LogEntries);
    }

    [Fact]
    public async Task Every_token_of_three_pages_by_body_token_is_yielded_once()
    {
        static IResponseBuilder Page(string first, string? next) => Response.Create().WithHeader("Content-Type", "application/json").WithBody(
            $$"""{ "continuationToken": {{(next is null ? "null" : $"\"{next}\"")}}, "patTokens": [ { "displayName": "{{first}}" }, { "displayName": "{{first}}'" } ] }""");
        _ado.Server.Given(Request.Create().UsingGet().WithPath(PatsPath).WithParam("continuationToken", WireMock.Matchers.MatchBehaviour.RejectOnMatch)).RespondWith(Page("a", "b-token"));
        _ado.Server.Given(Request.Create().UsingGet().WithPath(PatsPath).WithParam("continuationToken", "b-token")).RespondWith(Page("b", "c-token"));
        _ado.Server.Given(Request.Create().UsingGet().WithPath(PatsPath).WithParam("continuationToken", "c-token")).RespondWith(Page("c", null));

        var names = await _connection.GetClient<PatsClient>().ListPatsAsync().Select(t => t.DisplayName).ToListAsync();

        Assert.Equal(["a", "a'", "b", "b'", "c", "c'"], names);
        Assert.Equal([null, "b-token", "c-token"], SentTokens());
    }

    [Fact]
    public async Task A_token_that_comes_back_unchanged_ends_the_walk()
    {
        _ado.Server.Given(Request.Create().UsingGet().WithPath(BuildsPath)).RespondWith(BuildPage(1, "same"));

        var pages = await _connection.GetClient<BuildsClient>().GetBuildsAsync("Fabrikam").AsPages("same").ToListAsync();

        Assert.Null(Assert.Single(pages).ContinuationToken);
    }

    public void Dispose()
    {
        _ado.Dispose();
    }
}
