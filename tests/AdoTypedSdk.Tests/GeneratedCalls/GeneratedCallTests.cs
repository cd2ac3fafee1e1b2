using System.Text;
using AdoTypedSdk.Build;
using AdoTypedSdk.Common;
using AdoTypedSdk.Tests.Infrastructure;
using AdoTypedSdk.WorkItemTracking;

using Newtonsoft.Json.Linq;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace AdoTypedSdk.Tests.GeneratedCalls;

/// <summary>Generated methods against a loopback server: what goes on the wire, and what comes back.</summary>
public sealed class GeneratedCallTests : IDisposable
{
    private readonly LoopbackAdo _ado = new();

    [Theory]
    [InlineData(200)]
    [InlineData(201)]
    [InlineData(202)]
    public async Task A_create_documented_as_201_accepts_any_of_200_201_202(int status)
    {
        _ado.Server.Given(Request.Create().UsingPost()).RespondWith(Response.Create().WithStatusCode(status).WithBody("""{ "name": "fabrikam-web" }"""));

        var repository = await _ado.Connection.GetClient<Git.GitRepositoriesClient>().CreateRepositoryAsync(new Git.GitRepositoryCreateOptions { Name = "fabrikam-web" }, "Fabrikam");

        Assert.Equal("fabrikam-web", repository.Name);
    }

    [Fact]
    public async Task Deleting_a_project_answered_202_returns_the_operation_reference()
    {
        var id = Guid.NewGuid();
        _ado.Server.Given(Request.Create().UsingDelete()).RespondWith(Response.Create().WithStatusCode(202).WithBody($$"""{ "id": "{{id}}", "status": "queued" }"""));

        var operation = await _ado.Connection.GetClient<Core.ProjectsClient>().QueueDeleteProjectAsync(Guid.NewGuid());

        Assert.Equal(id, operation!.Id);
    }

    [Fact]
    public async Task Creating_a_wiki_page_needs_no_version_and_sends_no_if_match()
    {
        _ado.Server.Given(Request.Create().UsingPut()).RespondWith(Response.Create().WithStatusCode(201).WithBody("""{ "id": 8, "path": "/New" }"""));

        var page = await _ado.Connection.GetClient<Wiki.WikiPagesClient>().CreateOrUpdatePageAsync(new Wiki.WikiPageCreateOrUpdateParameters { Content = "Hello" }, "Fabrikam", "wiki", "/New");

        Assert.Equal(8, page.Id);
        Assert.False(_ado.SingleRequest().RequestMessage.Headers!.ContainsKey("If-Match"));
    }

    [Fact]
    public async Task A_page_version_documented_as_the_if_match_header_is_sent_as_if_match()
    {
        _ado.Server.Given(Request.Create().UsingPut()).RespondWith(Response.Create().WithBody("""{ "id": 7, "path": "/Home" }"""));

        await _ado.Connection.GetClient<Wiki.WikiPagesClient>().CreateOrUpdatePageAsync(new Wiki.WikiPageCreateOrUpdateParameters { Content = "Hello" }, "Fabrikam", "wiki", "/Home", version: "\"abc\"");

        var headers = _ado.SingleRequest().RequestMessage.Headers!;
        Assert.Equal("\"abc\"", Assert.Single(headers["If-Match"]));
        Assert.False(headers.ContainsKey("Version"));
    }

    [Fact]
    public async Task Creating_a_work_item_sends_a_json_patch_document()
    {
        _ado.Server.Given(Request.Create().UsingPost().WithPath("/fabrikam/Fabrikam-Fiber/_apis/wit/workitems/$Task"))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{ "id": 131, "rev": 1, "fields": { "System.Title": "Sample task" } }"""));

        var created = await _ado.Connection.GetClient<WorkItemsClient>().CreateWorkItemAsync(
            [new JsonPatchOperation { Op = JsonPatchOperationType.Add, Path = "/fields/System.Title", Value = "Sample task" }],
            project: "Fabrikam-Fiber", type: "Task");

        var request = _ado.SingleRequest().RequestMessage;
        Assert.Equal("application/json-patch+json", request.Headers!["Content-Type"].Single().Split(';')[0]);
        Assert.True(JToken.DeepEquals(
            JArray.Parse("""[ { "op": "add", "path": "/fields/System.Title", "value": "Sample task" } ]"""),
            JToken.Parse(request.Body!)), request.Body);
        Assert.StartsWith(AdoConnection.ApiVersion, _ado.SingleQuery()["api-version"]);
        Assert.Equal(131, created.Id);
        Assert.Equal("Sample task", created.Fields!["System.Title"]);
    }

    [Fact]
    public async Task Query_path_is_sent_with_its_slashes_and_other_characters_escaped()
    {
        _ado.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithBody("""{ "id": "8a8c8212-15ca-41ed-97aa-1d6fbfbcd581", "name": "All Bugs" }"""));

        var query = await _ado.Connection.GetClient<QueriesClient>().GetQueryAsync("Fabrikam-Fiber", "Shared Queries/Website team/All Bugs?");

        var path = new Uri(_ado.SingleRequest().RequestMessage.AbsoluteUrl).AbsolutePath;
        Assert.Equal("/fabrikam/Fabrikam-Fiber/_apis/wit/queries/Shared%20Queries/Website%20team/All%20Bugs%3F", path);
        Assert.Equal("All Bugs", query.Name);
    }

    [Fact]
    public async Task Write_answered_with_204_returns_null()
    {
        var processId = Guid.Parse("a6c1d9b6-ea27-407d-8c40-c9b7ab112bb6");
        var stateId = Guid.Parse("f36cfea7-889a-448e-b5d1-fbc9b134ec82");
        _ado.Server.Given(Request.Create().UsingPut()).RespondWith(Response.Create().WithStatusCode(204));

        var result = await _ado.Connection.GetClient<AdoTypedSdk.WorkItemTrackingProcess.StatesClient>()
            .HideStateDefinitionAsync(new AdoTypedSdk.WorkItemTrackingProcess.HideStateModel { Hidden = true }, processId, "Agile1.Bug", stateId);

        Assert.Null(result);
        Assert.Equal($"/fabrikam/_apis/work/processes/{processId}/workItemTypes/Agile1.Bug/states/{stateId}",
            new Uri(_ado.SingleRequest().RequestMessage.AbsoluteUrl).AbsolutePath, ignoreCase: true);
    }

    [Fact]
    public async Task Work_item_list_reads_the_count_value_envelope()
    {
        _ado.Server.Given(Request.Create().UsingGet().WithPath("/fabrikam/_apis/wit/workitems"))
            .RespondWith(Response.Create().WithBody("""{ "count": 2, "value": [ { "id": 297 }, { "id": 299 } ] }"""));

        var items = await _ado.Connection.GetClient<WorkItemsClient>().GetWorkItemsAsync(ids: [297, 299], fields: ["System.Id", "System.Title"]);

        Assert.Equal([297, 299], items.Select(i => i.Id));
        var query = _ado.SingleQuery();
        Assert.Equal("297,299", query["ids"]);
        Assert.Equal("System.Id,System.Title", query["fields"]);
    }

    [Fact]
    public async Task Attachment_downloads_as_a_stream()
    {
        var bytes = Enumerable.Range(0, 70_000).Select(i => (byte)(i % 251)).ToArray();
        var id = Guid.Parse("8f2f3b9a-0000-4000-8000-000000000001");
        _ado.Server.Given(Request.Create().UsingGet().WithPath($"/fabrikam/_apis/wit/attachments/{id}"))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/octet-stream").WithBody(bytes));

        using var attachment = await _ado.Connection.GetClient<WorkItemTrackingAttachmentsClient>().GetAttachmentAsync(id, download: true);
        using var copy = new MemoryStream();
        await attachment.ContentStream.CopyToAsync(copy);

        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal("true", _ado.SingleQuery()["download"], ignoreCase: true);
    }

    [Fact]
    public async Task Attachment_uploads_from_a_stream()
    {
        _ado.Server.Given(Request.Create().UsingPost().WithPath("/fabrikam/_apis/wit/attachments"))
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("""{ "id": "8f2f3b9a-0000-4000-8000-000000000002", "url": "https://x/y" }"""));
        var content = Encoding.UTF8.GetBytes("binary \u0000 content");

        var reference = await _ado.Connection.GetClient<WorkItemTrackingAttachmentsClient>().CreateAttachmentAsync(new MemoryStream(content), fileName: "a.bin");

        var request = _ado.SingleRequest().RequestMessage;
        Assert.Equal(content, request.BodyAsBytes);
        Assert.Equal("application/octet-stream", request.Headers!["Content-Type"].Single());
        Assert.Equal("https://x/y", reference.Url);
    }

    [Fact]
    public async Task Build_list_sends_definitions_comma_separated()
    {
        _ado.Server.Given(Request.Create().UsingGet().WithPath("/fabrikam/Fabrikam/_apis/build/builds"))
            .RespondWith(Response.Create().WithBody("""{ "count": 1, "value": [ { "id": 7, "definition": { "id": 12 } } ] }"""));

        var builds = await _ado.Connection.GetClient<BuildsClient>().GetBuildsAsync("Fabrikam", definitions: [12, 13, 21]).ToListAsync();

        Assert.Equal("12,13,21", _ado.SingleQuery()["definitions"]);
        Assert.Equal(12, Assert.Single(builds).Definition!.Id);
    }

    [Fact]
    public async Task Omitted_optional_project_uses_the_shorter_route_and_wire_names_are_read()
    {
        _ado.Server.Given(Request.Create().UsingGet().WithPath("/fabrikam/_apis/wit/workitems/12"))
            .RespondWith(Response.Create().WithBody("""{ "id": 12, "_links": { "self": { "href": "https://x/12" }, "html": { "href": "https://x/web/12", "title": "kept" } } }"""));

        var item = await _ado.Connection.GetClient<WorkItemsClient>().GetWorkItemAsync(12);

        Assert.Equal(12, item.Id);
        Assert.Equal("https://x/12", (string?)item.Links!["self"]["href"]);
        Assert.Equal("https://x/web/12", (string?)item.Links["html"]["href"]);
        Assert.Empty(item.AdditionalProperties);
        // Written back as ADO sends it, members the model does not name included.
        var settings = new Newtonsoft.Json.JsonSerializerSettings();
        AdoJson.Configure(settings);
        var written = JObject.FromObject(item, Newtonsoft.Json.JsonSerializer.Create(settings));
        Assert.Equal("kept", (string?)written["_links"]!["html"]!["title"]);
    }

    [Fact]
    public async Task Omitted_optional_segment_in_the_middle_of_a_route_is_dropped()
    {
        _ado.Server.Given(Request.Create().UsingPost().WithPath("/fabrikam/Fabrikam/_apis/wit/wiql"))
            .RespondWith(Response.Create().WithBody("""{ "workItems": [ { "id": 1 } ] }"""));

        var result = await _ado.Connection.GetClient<WiqlClient>().QueryByWiqlAsync(new Wiql { Query = "Select [System.Id] From WorkItems" }, project: "Fabrikam");

        Assert.Equal(1, Assert.Single(result.WorkItems!).Id);
        Assert.Equal("/fabrikam/Fabrikam/_apis/wit/wiql", _ado.SingleRequest().RequestMessage.Path);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("text/plain", "plain text")]
    [InlineData("application/zip", "PK\u0003\u0004")]
    public async Task A_success_without_the_declared_model_names_the_operation_the_status_the_content_type_and_what_was_expected(string? contentType, string body)
    {
        var reply = Response.Create().WithStatusCode(200).WithBody(body);
        _ado.Server.Given(Request.Create().UsingGet()).RespondWith(contentType is null ? reply : reply.WithHeader("Content-Type", contentType));

        var error = await Assert.ThrowsAnyAsync<AdoApiException>(() => _ado.Connection.GetClient<WorkItemsClient>().GetWorkItemAsync(12));

        Assert.Equal(200, error.Status);
        Assert.Contains("WorkItems.GetWorkItem", error.Message);
        Assert.Contains("HTTP 200", error.Message);
        Assert.Contains(contentType ?? "no content type", error.Message);
        Assert.Contains("WorkItem as JSON", error.Message);
        Assert.DoesNotContain("Response was null", error.Message);
    }

    public void Dispose() => _ado.Dispose();
}
