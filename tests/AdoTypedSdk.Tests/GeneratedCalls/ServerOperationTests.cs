using System.Diagnostics;
using AdoTypedSdk.Common;
using AdoTypedSdk.Core;
using AdoTypedSdk.Testing;
using AdoTypedSdk.Tests.Infrastructure;
using Azure;

namespace AdoTypedSdk.Tests.GeneratedCalls;

/// <summary>
/// A call whose answer is an operation reference (creating a project) has a <c>WaitUntil</c> overload that follows the work as an
/// <see cref="Operation{T}"/>: polled through the pipeline until it ends, the starting call never sent twice.
/// </summary>
public sealed class ServerOperationTests
{
    private const string OperationId = "f9d5e4d1-7c0a-4a2b-9f1e-6b7a1c2d3e4f";
    private static readonly TeamProject Project = new() { Name = "Fabrikam-Fiber", Description = "Our project" };

    /// <summary>A server that answers the create with a queued reference and each read of the operation with the next status.</summary>
    private static FaultyAdo Server(string[] statuses, string? message = null, (string Name, string Value)[]? firstReadHeaders = null)
    {
        FaultyAdo? server = null;
        var reads = 0;
        server = new FaultyAdo((_, request) =>
        {
            var url = $"{server!.OrganizationUrl.AbsoluteUri.TrimEnd('/')}/_apis/operations/{OperationId}";
            if (request.Method == "POST")
                return Fault.Respond(202, $$"""{ "id": "{{OperationId}}", "status": "queued", "url": "{{url}}" }""");
            var status = statuses[Math.Min(Interlocked.Increment(ref reads) - 1, statuses.Length - 1)];
            var detail = message is null ? "" : $$""", "resultMessage": "{{message}}" """;
            return Fault.Respond(200, $$"""{ "id": "{{OperationId}}", "status": "{{status}}", "url": "{{url}}"{{detail}} }""",
                reads == 1 && firstReadHeaders is not null ? firstReadHeaders : []);
        });
        return server;
    }

    private static ProjectsClient Projects(FaultyAdo server) =>
        new AdoConnection(server.OrganizationUrl, new FakeCredential(), EmbeddedAdo.CreateOptions()).GetClient<ProjectsClient>();

    [Fact]
    public async Task A_project_create_is_followed_from_queued_through_in_progress_to_succeeded()
    {
        using var server = Server(["queued", "inProgress", "succeeded"]);

        var creation = await Projects(server).QueueCreateProjectAsync(WaitUntil.Started, Project);
        Assert.False(creation.HasCompleted);
        Assert.Equal(OperationId, creation.Id);
        var done = await creation.WaitForCompletionAsync(TimeSpan.FromMilliseconds(10), default);

        Assert.True(creation.HasCompleted);
        Assert.True(creation.HasValue);
        Assert.Equal(OperationStatus.Succeeded, done.Value.Status);
        Assert.Equal(["POST", "GET", "GET", "GET"], server.Requests.Select(r => r.Method));
        Assert.All(server.Requests.Skip(1), r => Assert.StartsWith($"/fabrikam/_apis/operations/{OperationId}", r.Target));
    }

    [Fact]
    public async Task A_failed_operation_throws_naming_it_its_status_and_ADOs_message()
    {
        using var server = Server(["inProgress", "failed"], message: "The project name is already in use.");

        var creation = await Projects(server).QueueCreateProjectAsync(WaitUntil.Started, Project);
        var failure = await Assert.ThrowsAsync<RequestFailedException>(async () => await creation.WaitForCompletionAsync(TimeSpan.FromMilliseconds(10), default));

        Assert.Equal($"Azure DevOps operation ({OperationId}) ended failed: The project name is already in use.", failure.Message.Split('\n')[0]);
        Assert.Equal("failed", failure.ErrorCode);
        Assert.True(creation.HasCompleted);
        Assert.False(creation.HasValue);
        Assert.Same(failure, Assert.Throws<RequestFailedException>(() => creation.Value));
    }

    [Fact]
    public async Task WaitUntil_Completed_returns_the_ended_operation()
    {
        using var server = Server(["succeeded"]);

        var creation = await Projects(server).QueueCreateProjectAsync(WaitUntil.Completed, Project);

        Assert.True(creation.HasCompleted);
        Assert.Equal(OperationStatus.Succeeded, creation.Value.Status);
    }

    [Fact]
    public async Task An_operation_resumes_from_its_id_on_a_new_connection()
    {
        using var server = Server(["succeeded"]);
        var started = await Projects(server).QueueCreateProjectAsync(WaitUntil.Started, Project);

        var connection = new AdoConnection(server.OrganizationUrl, new FakeCredential(), EmbeddedAdo.CreateOptions());
        var resumed = new AdoServerOperation<OperationReference>(connection, started.Id);
        await resumed.WaitForCompletionAsync(TimeSpan.FromMilliseconds(10), default);

        Assert.Equal(OperationStatus.Succeeded, resumed.Value.Status);
        Assert.Single(server.Requests, r => r.Method == "POST");
        Assert.Contains("api-version=", server.Requests[^1].Target);
        Assert.Equal("id", Assert.Throws<ArgumentException>(() => new AdoServerOperation<OperationReference>(connection, "../_apis/projects")).ParamName);
    }

    [Fact]
    public async Task A_polls_Retry_After_is_waited_even_when_the_interval_is_shorter()
    {
        using var server = Server(["inProgress", "succeeded"], firstReadHeaders: [("Retry-After", "1")]);
        var creation = await Projects(server).QueueCreateProjectAsync(WaitUntil.Started, Project);

        var clock = Stopwatch.StartNew();
        await creation.WaitForCompletionAsync(TimeSpan.FromMilliseconds(10), default);

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"waited {clock.Elapsed}");
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Cancelling_the_wait_stops_polling_and_leaves_the_operation_to_resume()
    {
        using var server = Server(["inProgress"]);
        var creation = await Projects(server).QueueCreateProjectAsync(WaitUntil.Started, Project);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await creation.WaitForCompletionAsync(TimeSpan.FromMilliseconds(20), cancel.Token));
        var reads = server.Requests.Count;
        await Task.Delay(100);

        Assert.False(creation.HasCompleted);
        Assert.Equal(reads, server.Requests.Count);
        Assert.DoesNotContain(server.Requests, r => r.Method == "DELETE");
    }

    [Fact]
    public async Task A_create_whose_answer_was_lost_is_not_sent_again()
    {
        using var server = new FaultyAdo((_, _) => Fault.DropAfterRequest);

        var lost = await Assert.ThrowsAsync<AdoApiException>(() => Projects(server).QueueCreateProjectAsync(WaitUntil.Completed, Project));

        Assert.Equal(0, lost.Status);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task The_wait_is_one_span_whose_children_are_the_polls()
    {
        using var server = Server(["inProgress", "succeeded"]);
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AdoDiagnostics.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (spans) spans.Add(activity); },
        };
        ActivitySource.AddActivityListener(listener);
        var creation = await Projects(server).QueueCreateProjectAsync(WaitUntil.Started, Project);

        await creation.WaitForCompletionAsync(TimeSpan.FromMilliseconds(10), default);

        var wait = Assert.Single(spans, s => s.DisplayName == "Wait for Azure DevOps operation");
        Assert.Equal(OperationId, wait.GetTagItem("ado.operation.id"));
        Assert.Equal(2, spans.Count(s => s.ParentSpanId == wait.SpanId));
    }
}
