using AdoTypedSdk.Testing;
using AdoTypedSdk.Tests.Infrastructure;
using AdoTypedSdk.WorkItemTracking;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace AdoTypedSdk.Runtime.Tests.Pipeline;

/// <summary>Values stay in their place: no dot segment leaves its path segment, no header value starts another header. Nothing is sent.</summary>
public sealed class HostileValueTests : IDisposable
{
    private readonly EmbeddedAdo _ado = new();
    private readonly AdoConnection _connection;

    public HostileValueTests()
    {
        _ado.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithBody("""{ "id": 1 }"""));
        _connection = _ado.Connect(new FakeCredential());
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    public async Task A_dot_segment_project_is_refused_before_sending(string project)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _connection.GetClient<WorkItemsClient>().GetWorkItemAsync(1, project: project));

        Assert.Contains($"dot segment '{project}'", error.Message);
        Assert.Empty(_ado.Server.LogEntries);
    }

    [Fact]
    public async Task A_path_value_climbing_out_of_its_folder_is_refused_before_sending()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            _connection.GetClient<QueriesClient>().GetQueryAsync("Fabrikam", "../../../../../_apis/projects"));

        Assert.Contains("dot segment '..'", error.Message);
        Assert.Empty(_ado.Server.LogEntries);
    }

    [Fact]
    public async Task Names_with_dots_that_are_not_dot_segments_are_sent_escaped_in_place()
    {
        await _connection.GetClient<QueriesClient>().GetQueryAsync("Fab.rikam", "Shared Queries/..hidden/a?b#c/ü");

        var sent = Assert.Single(_ado.Server.LogEntries).RequestMessage;
        Assert.Equal("/fabrikam/Fab.rikam/_apis/wit/queries/Shared%20Queries/..hidden/a%3Fb%23c/%C3%BC", new Uri(sent.AbsoluteUrl).AbsolutePath);
    }

    [Fact]
    public async Task Reserved_characters_of_a_path_value_stay_escaped_in_the_raw_request_line()
    {
        using var raw = new FaultyAdo((_, _) => Fault.Respond(200, """{ "id": 1 }"""));
        var connection = new AdoConnection(raw.OrganizationUrl, new FakeCredential(), EmbeddedAdo.CreateOptions());

        await connection.GetClient<WorkItemsClient>().GetWorkItemAsync(1, project: "a/b?c#d ü%2F");

        Assert.StartsWith("/fabrikam/a%2Fb%3Fc%23d%20%C3%BC%252F/_apis/wit/workitems/1?api-version=", Assert.Single(raw.Requests).Target);
    }

    [Fact]
    public async Task A_header_value_with_a_line_break_is_refused_before_sending()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _connection.GetClient<WorkItemTrackingAttachmentsClient>()
            .UploadAttachmentAsync(new MemoryStream([1, 2]), Guid.NewGuid(), "bytes 0-1/2\r\nX-Injected: 1"));

        Assert.Equal("Content-Range", error.ParamName);
        Assert.Empty(_ado.Server.LogEntries);
    }

    [Fact]
    public async Task A_content_range_parameter_is_sent_as_the_content_range_header()
    {
        await _connection.GetClient<WorkItemTrackingAttachmentsClient>().UploadAttachmentAsync(new MemoryStream([1, 2]), Guid.NewGuid(), "bytes 0-1/2");

        var headers = Assert.Single(_ado.Server.LogEntries).RequestMessage.Headers!;
        Assert.Equal("bytes 0-1/2", Assert.Single(headers["Content-Range"]));
        Assert.DoesNotContain(headers.Keys, k => k.Contains("contentRangeHeader", StringComparison.OrdinalIgnoreCase) || k.StartsWith("X-AdoTypedSdk", StringComparison.OrdinalIgnoreCase));
    }

    public void Dispose()
    {
        _ado.Dispose();
    }
}
