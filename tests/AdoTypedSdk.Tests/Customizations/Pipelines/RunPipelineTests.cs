using AdoTypedSdk.Pipelines;
using AdoTypedSdk.Testing;
using Azure;

namespace AdoTypedSdk.Tests.Customizations.Pipelines;

/// <summary>Run a pipeline and wait: the run is read until it completes; a failed run ends the wait with an error.</summary>
public sealed class RunPipelineTests
{
    private static FaultyAdo Server(params (string State, string? Result)[] reads)
    {
        var count = 0;
        return new FaultyAdo((_, request) => request.Method == "POST"
            ? Fault.Respond(200, """{ "id": 77, "name": "20261207.1", "state": "inProgress" }""")
            : reads[Math.Min(Interlocked.Increment(ref count) - 1, reads.Length - 1)] is var (state, result)
                ? Fault.Respond(200, $$"""{ "id": 77, "state": "{{state}}"{{(result is null ? "" : $", \"result\": \"{result}\"")}} }""")
                : throw new InvalidOperationException());
    }

    private static PipelinesRunsClient Runs(FaultyAdo server) =>
        new AdoConnection(server.OrganizationUrl, new AzureKeyCredential("pat"), EmbeddedAdo.CreateOptions()).GetClient<PipelinesRunsClient>();

    [Fact]
    public async Task A_run_is_read_until_it_completes_and_is_the_value()
    {
        using var server = Server(("inProgress", null), ("completed", "succeeded"));

        var run = await Runs(server).RunPipelineAsync(WaitUntil.Started, new RunPipelineParameters(), "Fabrikam", 4);
        await run.WaitForCompletionAsync(TimeSpan.FromMilliseconds(10), default);

        Assert.Equal("77", run.Id);
        Assert.Equal(RunResult.Succeeded, run.Value.Result);
        Assert.Equal(["POST", "GET", "GET"], server.Requests.Select(r => r.Method));
        Assert.StartsWith("/fabrikam/Fabrikam/_apis/pipelines/4/runs/77", server.Requests[^1].Target);
    }

    [Fact]
    public async Task A_failed_run_ends_the_wait_with_an_error_naming_it()
    {
        using var server = Server(("completed", "failed"));

        var run = await Runs(server).RunPipelineAsync(WaitUntil.Started, new RunPipelineParameters(), "Fabrikam", 4);
        var failure = await Assert.ThrowsAsync<RequestFailedException>(async () => await run.WaitForCompletionAsync(TimeSpan.FromMilliseconds(10), default));

        Assert.StartsWith("Run 77 of pipeline 4 in Fabrikam (77) ended Failed", failure.Message);
    }
}
