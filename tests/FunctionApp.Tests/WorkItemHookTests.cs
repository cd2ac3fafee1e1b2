using System.Text;
using AdoTypedSdk.Hooks;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace FunctionApp.Tests;

/// <summary>
/// <c>POST /api/hooks/workitems</c> called as the host calls it, with payloads in the shape Microsoft documents: the answer, the typed
/// resource, and the one call back to the embedded ADO with the app's managed identity.
/// </summary>
[Collection(FunctionHost.Collection)]
public sealed class WorkItemHookTests(FunctionHost host, ITestOutputHelper output)
{
    private static readonly string Basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(FunctionHost.HookUser + ":" + FunctionHost.HookPassword));

    /// <summary>A documented payload with an event id of this test's own, so the deliveries of one test are not another's duplicates.</summary>
    private static byte[] Payload(string eventType, string id)
    {
        var body = JObject.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Hooks", "Payloads", eventType + ".json")));
        body["id"] = id;
        return Encoding.UTF8.GetBytes(body.ToString());
    }

    private int CallsForWorkItem12 => host.Ado.Server.LogEntries.Count(e => e.RequestMessage.AbsolutePath.EndsWith("/workitems/12", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public async Task A_work_item_update_reads_the_item_back_once_however_often_ado_delivers_it()
    {
        var before = CallsForWorkItem12;
        var body = Payload("workitem.updated", "7f000001-0000-4000-8000-000000000001");

        var (status, json) = await PostAsync(body, Basic);
        var (againStatus, againJson) = await PostAsync(body, Basic);

        Assert.Equal(200, status);
        Assert.Contains("processed", json);
        Assert.Equal(200, againStatus);
        Assert.Contains("was processed before; this delivery is skipped", againJson);
        Assert.Equal(1, CallsForWorkItem12 - before);
        var call = host.Ado.Server.LogEntries.Last(e => e.RequestMessage.AbsolutePath.EndsWith("/workitems/12", StringComparison.OrdinalIgnoreCase)).RequestMessage;
        Assert.StartsWith("Bearer mi-token-system-", call.Headers!["Authorization"].Single(), StringComparison.Ordinal);
        var changed = Assert.Single(host.Logs.Entries, e => e.Message.StartsWith("Work item 12 ", StringComparison.Ordinal)).Message;
        Assert.Equal("Work item 12 'Epic 2' is at revision 3; revision 3 changed System.State, System.Rev, System.ChangedDate.", changed);
        Assert.Contains(host.Logs.Entries, e => e.Message == "Skipped a repeated delivery of workitem.updated event 7f000001-0000-4000-8000-000000000001: processed before.");

        output.WriteLine($"POST /api/hooks/workitems → {status} {json}; again → {againStatus} {againJson}");
        output.WriteLine($"typed resource: {ServiceHookEvent.Read(new MemoryStream(body)).Resource.GetType().FullName}");
        output.WriteLine($"calls back to ADO: {CallsForWorkItem12 - before} × {call.Method} {call.AbsolutePath}{call.RawQuery} ({call.Headers!["Authorization"].Single()[..22]}…)");
        output.WriteLine($"log: {changed}");
    }

    [Fact]
    public async Task Wrong_credentials_are_refused_with_401_and_nothing_is_called()
    {
        var before = CallsForWorkItem12;

        var (status, _) = await PostAsync(Payload("workitem.updated", "7f000001-0000-4000-8000-000000000002"), "Basic " + Convert.ToBase64String("ado-hooks:guess"u8.ToArray()));
        var (missing, _) = await PostAsync(Payload("workitem.updated", "7f000001-0000-4000-8000-000000000002"), authorization: null);

        Assert.Equal((401, 401), (status, missing));
        Assert.Equal(0, CallsForWorkItem12 - before);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413()
    {
        var (status, json) = await PostAsync(new byte[2 * 1024 * 1024], Basic);

        Assert.Equal(413, status);
        Assert.Contains("over the receiver's limit of 1048576 bytes", json);
    }

    [Fact]
    public async Task A_body_that_is_not_an_event_is_refused_with_400()
    {
        var (status, json) = await PostAsync("""{ "eventType": "workitem.updated", "resource": {} }"""u8.ToArray(), Basic);

        Assert.Equal(400, status);
        Assert.Contains("it has no id", json);
    }

    /// <summary>Each documented event type is acknowledged; the app acts on work item updates only.</summary>
    [Theory]
    [InlineData("workitem.created")]
    [InlineData("workitem.commented")]
    [InlineData("git.push")]
    [InlineData("build.complete")]
    public async Task Other_events_are_acknowledged_and_ignored(string eventType)
    {
        var before = CallsForWorkItem12;

        var (status, _) = await PostAsync(Payload(eventType, Guid.NewGuid().ToString()), Basic);

        Assert.Equal(200, status);
        Assert.Equal(0, CallsForWorkItem12 - before);
        Assert.Contains(host.Logs.Entries, e => e.Message.StartsWith($"Ignored {eventType} event ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_resource_whose_area_the_app_did_not_generate_is_json_with_a_note_naming_the_area()
    {
        var hookEvent = ServiceHookEvent.Read(new MemoryStream(Payload("git.push", "7f000001-0000-4000-8000-000000000003")));

        Assert.IsAssignableFrom<JToken>(hookEvent.Resource);
        Assert.Equal("The resource of 'git.push' events is a GitPush of area 'git', which this build did not generate; add git to AdoAreas to get it typed.", hookEvent.ResourceNote);
        Assert.IsType<AdoTypedSdk.WorkItemTracking.WorkItemUpdate>(ServiceHookEvent.Read(new MemoryStream(Payload("workitem.updated", "x"))).Resource);
    }

    private Task<(int Status, string Json)> PostAsync(byte[] body, string? authorization) => host.InvokeAsync<WorkItemHook>(
        request =>
        {
            (request.Method, request.Path, request.ContentType) = ("POST", "/api/hooks/workitems", "application/json");
            (request.Body, request.ContentLength) = (new MemoryStream(body), body.Length);
            if (authorization is not null)
                request.Headers.Authorization = authorization;
        },
        (function, request) => function.RunAsync(request, CancellationToken.None));
}
