using System.Text;
using AdoTypedSdk.Build;
using AdoTypedSdk.Git;
using AdoTypedSdk.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace AdoTypedSdk.Tests.GeneratedCalls;

/// <summary>
/// Each representation its method: the typed call asks for JSON and reads ADO's JSON form; a download asks for its media type and
/// hands back the body as a stream, with the type and length ADO sent.
/// </summary>
public sealed class RepresentationTests : IDisposable
{
    private const string LogPath = "/fabrikam/Fabrikam/_apis/build/builds/3107/logs/4";
    private readonly LoopbackAdo _ado = new();

    private string? AcceptSent() => _ado.Server.LogEntries.Single().RequestMessage.Headers!["Accept"].ToString();

    [Fact]
    public async Task A_build_log_asked_for_as_json_is_its_lines()
    {
        // ADO's JSON form of a log: its lines in the {count, value} envelope.
        _ado.Server.Given(Request.Create().UsingGet().WithPath(LogPath)).RespondWith(Response.Create().WithHeader("Content-Type", "application/json; charset=utf-8")
            .WithBody("""{ "count": 2, "value": [ "2026-12-07T10:00:00.0000000Z ##[section]Starting: Build", "2026-12-07T10:00:01.0000000Z Finishing: Build" ] }"""));

        var lines = await _ado.Connection.GetClient<BuildsClient>().GetBuildLogAsync("Fabrikam", 3107, 4);

        Assert.Equal(["2026-12-07T10:00:00.0000000Z ##[section]Starting: Build", "2026-12-07T10:00:01.0000000Z Finishing: Build"], lines);
        Assert.Equal("application/json", AcceptSent());
    }

    [Fact]
    public async Task A_build_log_as_text_streams_with_the_type_ado_sent()
    {
        var text = "2026-12-07T10:00:00.0000000Z ##[section]Starting: Build\r\n2026-12-07T10:00:01.0000000Z Finishing: Build\r\n";
        _ado.Server.Given(Request.Create().UsingGet().WithPath(LogPath).WithParam("startLine", "1"))
            .RespondWith(Response.Create().WithHeader("Content-Type", "text/plain; charset=utf-8").WithBody(text));

        using var log = await _ado.Connection.GetClient<BuildsClient>().GetBuildLogTextAsync("Fabrikam", 3107, 4, startLine: 1);

        Assert.Equal("text/plain; charset=utf-8", log.ContentType);
        // The embedded server streams (chunked), so there is no length to report.
        Assert.Null(log.ContentLength);
        Assert.Equal(text, await new StreamReader(log.ContentStream).ReadToEndAsync());
        Assert.Equal("text/plain", AcceptSent());
    }

    [Theory]
    [InlineData("application/octet-stream")]
    [InlineData("application/zip")]
    public async Task A_git_items_content_is_a_download_asking_for_its_type(string mediaType)
    {
        byte[] content = [0x50, 0x4B, 0x03, 0x04, 0xFF, 0x00];
        _ado.Server.Given(Request.Create().UsingGet().WithPath("/fabrikam/Fabrikam/_apis/git/repositories/fabrikam-web/items").WithParam("path", "/src/app.bin"))
            .RespondWith(Response.Create().WithHeader("Content-Type", mediaType).WithBody(content));
        var items = _ado.Connection.GetClient<GitItemsClient>();

        using var item = mediaType == "application/zip"
            ? await items.GetItemZipAsync("fabrikam-web", "/src/app.bin", "Fabrikam")
            : await items.GetItemContentAsync("fabrikam-web", "/src/app.bin", "Fabrikam");
        using var copy = new MemoryStream();
        await item.ContentStream.CopyToAsync(copy);

        Assert.Equal(content, copy.ToArray());
        Assert.Equal(mediaType, item.ContentType);
        Assert.Equal(mediaType, AcceptSent());
    }

    public void Dispose() => _ado.Dispose();
}
