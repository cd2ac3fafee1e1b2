using AdoTypedSdk.Testing;
using AdoTypedSdk.Tests.Infrastructure;
using AdoTypedSdk.WorkItemTracking;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Response = WireMock.ResponseBuilders.Response;

namespace AdoTypedSdk.Runtime.Tests.Paging;

/// <summary>
/// A list that pages by <c>$top</c>/<c>$skip</c> walks by the items each page brought and ends only on an empty page, whatever page size
/// the service chose; the single call stays beside it.
/// </summary>
public sealed class OffsetPageableTests : IDisposable
{
    private const string UpdatesPath = "/fabrikam/Fabrikam/_apis/wit/workItems/12/updates";

    private readonly EmbeddedAdo _ado = new();
    private readonly AdoConnection _connection;

    public OffsetPageableTests() => _connection = _ado.Connect(new FakeCredential());

    /// <summary>Seven updates, served in pages the server caps at three, whatever <c>$top</c> asks (as ADO caps a page below the size asked).</summary>
    private void ServeSevenUpdatesInPagesOfThree()
    {
        for (var skip = 0; skip <= 9; skip++)
        {
            var ids = Enumerable.Range(skip + 1, Math.Max(0, Math.Min(3, 7 - skip))).ToList();
            _ado.Server.Given(Request.Create().UsingGet().WithPath(UpdatesPath).WithParam("$skip", skip.ToString())).RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
                .WithBody($$"""{ "count": {{ids.Count}}, "value": [{{string.Join(", ", ids.Select(id => $$"""{ "id": {{id}}, "rev": {{id}} }"""))}}] }"""));
        }
    }

    private List<(string? Skip, string? Top)> Sent() =>
        _ado.Server.LogEntries.OrderBy(e => e.RequestMessage.DateTime)
            .Select(e => System.Web.HttpUtility.ParseQueryString(new Uri(e.RequestMessage.AbsoluteUrl).Query))
            .Select(q => (q["$skip"], q["$top"])).ToList();

    [Fact]
    public async Task Every_item_is_yielded_once_advancing_by_the_items_received_until_an_empty_page()
    {
        ServeSevenUpdatesInPagesOfThree();

        var ids = new List<int?>();
        await foreach (var update in _connection.GetClient<UpdatesClient>().GetAllUpdatesAsync(12, "Fabrikam"))
            ids.Add(update.Id);

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], ids);
        // A short page (7 - 6 = 1 item) does not end the walk: only the empty one after it does.
        Assert.Equal([("0", null), ("3", null), ("6", null), ("7", null)], Sent());
    }

    [Fact]
    public async Task The_page_size_hint_is_top_and_a_shorter_page_than_asked_is_not_the_last()
    {
        ServeSevenUpdatesInPagesOfThree();

        var pages = await _connection.GetClient<UpdatesClient>().GetAllUpdatesAsync(12, "Fabrikam").AsPages(pageSizeHint: 5).ToListAsync();

        Assert.Equal([3, 3, 1, 0], pages.Select(p => p.Values.Count));
        Assert.Equal(["3", "6", "7", null], pages.Select(p => p.ContinuationToken));
        Assert.All(Sent(), s => Assert.Equal("5", s.Top));
        Assert.All(pages, p => Assert.Equal(200, p.GetRawResponse().Status));
    }

    [Fact]
    public async Task A_walk_resumes_from_a_pages_token()
    {
        ServeSevenUpdatesInPagesOfThree();

        var pages = await _connection.GetClient<UpdatesClient>().GetAllUpdatesAsync(12, "Fabrikam").AsPages(continuationToken: "6").ToListAsync();

        Assert.Equal([7], pages.SelectMany(p => p.Values).Select(u => u.Id));
        Assert.Equal(["6", "7"], Sent().Select(s => s.Skip));
    }

    [Fact]
    public void A_token_that_is_not_a_skip_is_refused_naming_it()
    {
        var walk = _connection.GetClient<UpdatesClient>().GetAllUpdatesAsync(12, "Fabrikam");

        var error = Assert.Throws<ArgumentException>(() => walk.AsPages(continuationToken: "page 2"));

        Assert.Equal("continuationToken", error.ParamName);
        Assert.Contains("'page 2'", error.Message);
        Assert.Empty(_ado.Server.LogEntries);
    }

    [Fact]
    public async Task A_service_that_ignores_skip_ends_the_walk_with_an_error_instead_of_looping()
    {
        _ado.Server.Given(Request.Create().UsingGet().WithPath(UpdatesPath)).RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
            .WithBody("""{ "count": 2, "value": [ { "id": 1 }, { "id": 2 } ] }"""));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in _connection.GetClient<UpdatesClient>().GetAllUpdatesAsync(12, "Fabrikam"))
            {
            }
        });

        Assert.Contains("the same 2 items for $skip=2 as for $skip=0", error.Message);
        Assert.Equal(2, _ado.Server.LogEntries.Count());
    }

    [Fact]
    public async Task The_single_call_stays_and_sends_the_callers_top_and_skip()
    {
        ServeSevenUpdatesInPagesOfThree();

        var page = await _connection.GetClient<UpdatesClient>().GetUpdatesAsync(12, "Fabrikam", top: 3, skip: 3);

        Assert.Equal([4, 5, 6], page.Select(u => u.Id));
        Assert.Equal([("3", "3")], Sent());
    }

    public void Dispose() => _ado.Dispose();
}
