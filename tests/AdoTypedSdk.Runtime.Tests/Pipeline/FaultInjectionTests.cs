using AdoTypedSdk.Common;
using AdoTypedSdk.Testing;
using AdoTypedSdk.Tests.Infrastructure;
using AdoTypedSdk.WorkItemTracking;

namespace AdoTypedSdk.Runtime.Tests.Pipeline;

/// <summary>
/// Failures in the middle of a transfer, staged by a raw loopback server: what reaches the server (exact counts) and what reaches the
/// caller (one <see cref="AdoApiException"/>, or <see cref="OperationCanceledException"/> only for the caller's own cancellation).
/// </summary>
public sealed class FaultInjectionTests
{
    private const string WorkItem = """{ "id": 12, "fields": { "System.Title": "Epic 2" } }""";

    private static JsonPatchOperation[] Title => [new() { Op = JsonPatchOperationType.Add, Path = "/fields/System.Title", Value = "Sample task" }];

    private static AdoConnection Connect(FaultyAdo ado, TimeSpan? networkTimeout = null)
    {
        var options = EmbeddedAdo.CreateOptions();
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        if (networkTimeout is { } timeout)
            options.Retry.NetworkTimeout = timeout;
        return new AdoConnection(ado.OrganizationUrl, new FakeCredential(), options);
    }

    [Fact]
    public async Task A_create_whose_connection_drops_after_the_request_reaches_the_server_once()
    {
        using var ado = new FaultyAdo((_, _) => Fault.DropAfterRequest);
        var connection = Connect(ado);

        var error = await Assert.ThrowsAsync<AdoApiException>(() => connection.GetClient<WorkItemsClient>().CreateWorkItemAsync(Title, "Fabrikam", "Task"));

        Assert.Single(ado.Requests);
        Assert.StartsWith($"WorkItems.CreateWorkItem: POST {ado.OrganizationUrl}/Fabrikam/_apis/wit/workitems/$Task failed before a complete answer arrived", error.Message);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public async Task An_update_whose_connection_drops_after_the_request_reaches_the_server_once()
    {
        using var ado = new FaultyAdo((_, _) => Fault.DropAfterRequest);
        var connection = Connect(ado);

        await Assert.ThrowsAsync<AdoApiException>(() => connection.GetClient<WorkItemsClient>().UpdateWorkItemAsync(Title, 12));

        Assert.Equal("PATCH", Assert.Single(ado.Requests).Method);
    }

    [Fact]
    public async Task A_read_whose_connection_keeps_dropping_is_retried_then_fails_as_one_ado_exception()
    {
        using var ado = new FaultyAdo((_, _) => Fault.DropAfterRequest);
        var connection = Connect(ado);

        var error = await Assert.ThrowsAsync<AdoApiException>(() => connection.GetClient<WorkItemsClient>().GetWorkItemAsync(12));

        // Four attempts by Azure.Core; .NET's handler may itself resend a read on a fresh connection within an attempt.
        Assert.True(ado.Requests.Count >= 4, $"{ado.Requests.Count} requests");
        Assert.Equal(0, error.Status);
    }

    [Fact]
    public async Task A_read_cut_off_in_the_middle_of_its_body_is_retried_and_succeeds()
    {
        using var ado = new FaultyAdo((number, _) => number == 1 ? Fault.CutBody(200, WorkItem, 20) : Fault.Respond(200, WorkItem));
        var connection = Connect(ado);

        var item = await connection.GetClient<WorkItemsClient>().GetWorkItemAsync(12);

        Assert.Equal("Epic 2", item.Fields!["System.Title"]);
        Assert.Equal(2, ado.Requests.Count);
    }

    [Fact]
    public async Task A_body_that_is_not_the_json_expected_is_quoted_in_the_error()
    {
        using var ado = new FaultyAdo((_, _) => Fault.Respond(200, """{ "id": 12, "fields": """));
        var connection = Connect(ado);

        var error = await Assert.ThrowsAsync<AdoApiException>(() => connection.GetClient<WorkItemsClient>().GetWorkItemAsync(12));

        Assert.Contains("WorkItems.GetWorkItem", error.Message);
        Assert.Contains("""Body: { "id": 12, "fields": """, error.Message);
        Assert.Equal("""{ "id": 12, "fields": """, error.GetRawResponse()!.Content.ToString());
        Assert.IsAssignableFrom<Newtonsoft.Json.JsonException>(error.InnerException);
    }

    [Fact]
    public async Task A_network_timeout_is_an_ado_exception_not_the_callers_cancellation()
    {
        using var ado = new FaultyAdo((_, _) => Fault.NoAnswer);
        // Long enough for a TLS handshake on a loaded machine, so each attempt reaches the server before it times out.
        var connection = Connect(ado, networkTimeout: TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<AdoApiException>(() => connection.GetClient<WorkItemsClient>().GetWorkItemAsync(12));

        Assert.Contains("got no answer within the network timeout", error.Message);
        // Retried: the server saw more than one attempt (the last may still be in its TLS handshake when the client gives up).
        Assert.True(ado.Requests.Count >= 2, $"{ado.Requests.Count} requests");
    }

    [Fact]
    public async Task The_callers_own_cancellation_stays_a_cancellation()
    {
        using var ado = new FaultyAdo((_, _) => Fault.NoAnswer);
        var connection = Connect(ado);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connection.GetClient<WorkItemsClient>().GetWorkItemAsync(12, cancellationToken: cancellation.Token));
    }

    [Fact]
    public async Task A_100_MB_upload_from_a_stream_that_cannot_seek_arrives_whole_and_once()
    {
        const long size = 100L * 1024 * 1024;
        var id = Guid.NewGuid();
        using var ado = new FaultyAdo((_, _) => Fault.Respond(201, $$"""{ "id": "{{id}}", "url": "https://x/a" }"""));
        var connection = Connect(ado);

        var reference = await connection.GetClient<WorkItemTrackingAttachmentsClient>().CreateAttachmentAsync(new ForwardOnlyStream(size), fileName: "big.bin");

        Assert.Equal(id, reference.Id);
        Assert.Equal(size, Assert.Single(ado.Requests).BodyLength);
    }

    [Fact]
    public async Task An_upload_from_a_stream_that_cannot_seek_is_not_sent_twice()
    {
        using var ado = new FaultyAdo((_, _) => Fault.Respond(503, "{}", ("Retry-After", "0")));
        var connection = Connect(ado);

        await Assert.ThrowsAsync<AdoApiException>(() => connection.GetClient<WorkItemTrackingAttachmentsClient>().CreateAttachmentAsync(new ForwardOnlyStream(1000), fileName: "a.bin"));

        Assert.Single(ado.Requests);
    }

    [Fact]
    public async Task An_upload_from_a_seekable_stream_is_rewound_for_a_retry()
    {
        using var ado = new FaultyAdo((number, _) => number == 1
            ? Fault.Respond(503, "{}", ("Retry-After", "0"))
            : Fault.Respond(201, "{}"));
        var connection = Connect(ado);

        await connection.GetClient<WorkItemTrackingAttachmentsClient>().CreateAttachmentAsync(new MemoryStream(new byte[1000]), fileName: "a.bin");

        Assert.Equal([1000L, 1000L], ado.Requests.Select(r => r.BodyLength));
    }
}
