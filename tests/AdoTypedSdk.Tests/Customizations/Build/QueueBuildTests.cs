using AdoTypedSdk.Build;
using AdoTypedSdk.Testing;
using Azure;

namespace AdoTypedSdk.Tests.Customizations.Build;

/// <summary>Queue a build and wait: the build is read until it completes, queued once, resumable from its id.</summary>
public sealed class QueueBuildTests
{
    private static readonly AdoTypedSdk.Build.Build Request = new() { Definition = new() { Id = 12 } };

    /// <summary>A server that queues build 1201 and answers each read of it with the next (status, result).</summary>
    private static FaultyAdo Server(params (string Status, string? Result)[] reads)
    {
        var count = 0;
        return new FaultyAdo((_, request) => request.Method == "POST"
            ? Fault.Respond(200, """{ "id": 1201, "buildNumber": "20261207.1", "status": "notStarted" }""")
            : reads[Math.Min(Interlocked.Increment(ref count) - 1, reads.Length - 1)] is var (status, result)
                ? Fault.Respond(200, $$"""{ "id": 1201, "buildNumber": "20261207.1", "status": "{{status}}"{{(result is null ? "" : $", \"result\": \"{result}\"")}}, "url": "https://dev.azure.com/fabrikam/_apis/build/Builds/1201" }""")
                : throw new InvalidOperationException());
    }

    private static BuildsClient Builds(FaultyAdo server) =>
        new AdoConnection(server.OrganizationUrl, new AzureKeyCredential("pat"), EmbeddedAdo.CreateOptions()).GetClient<BuildsClient>();

    [Fact]
    public async Task A_queued_build_is_read_until_it_completes_and_is_the_value()
    {
        using var server = Server(("inProgress", null), ("completed", "succeeded"));

        var operation = await Builds(server).QueueBuildAsync(WaitUntil.Started, Request, "Fabrikam");
        var build = await operation.WaitForCompletionAsync(TimeSpan.FromMilliseconds(10), default);

        Assert.Equal("1201", operation.Id);
        Assert.Equal((BuildStatus.Completed, BuildResult.Succeeded), (build.Value.Status, build.Value.Result));
        Assert.Equal(["POST", "GET", "GET"], server.Requests.Select(r => r.Method));
        Assert.All(server.Requests.Skip(1), r => Assert.StartsWith("/fabrikam/Fabrikam/_apis/build/builds/1201", r.Target));
    }

    [Fact]
    public async Task A_canceled_build_ends_the_wait_with_an_error_naming_it_and_its_result()
    {
        using var server = Server(("cancelling", null), ("completed", "canceled"));

        var operation = await Builds(server).QueueBuildAsync(WaitUntil.Started, Request, "Fabrikam");
        var failure = await Assert.ThrowsAsync<RequestFailedException>(async () => await operation.WaitForCompletionAsync(TimeSpan.FromMilliseconds(10), default));

        Assert.StartsWith("Build 1201 of Fabrikam (1201) ended Canceled: https://dev.azure.com/fabrikam/_apis/build/Builds/1201", failure.Message);
        Assert.Equal("Canceled", failure.ErrorCode);
        Assert.True(operation.HasCompleted);
    }

    [Fact]
    public async Task A_build_is_resumed_from_its_id_on_a_new_connection()
    {
        using var server = Server(("completed", "partiallySucceeded"));

        var resumed = new QueueBuildOperation(Builds(server), "Fabrikam", 1201);
        await resumed.WaitForCompletionAsync(TimeSpan.FromMilliseconds(10), default);

        Assert.Equal(BuildResult.PartiallySucceeded, resumed.Value.Result);
        Assert.DoesNotContain(server.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task A_queue_request_whose_answer_was_lost_is_not_sent_again()
    {
        using var server = new FaultyAdo((_, _) => Fault.DropAfterRequest);

        var lost = await Assert.ThrowsAsync<AdoApiException>(() => Builds(server).QueueBuildAsync(WaitUntil.Completed, Request, "Fabrikam"));

        Assert.Equal(0, lost.Status);
        Assert.Single(server.Requests);
    }
}
