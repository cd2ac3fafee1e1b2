using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using AdoTypedSdk.Common;
using AdoTypedSdk.GeneratedCode;
using Azure;

namespace AdoTypedSdk.Pipelines;

/// <summary>
/// A pipeline run, followed until it completes: <c>WaitForCompletionAsync</c> reads the run (through the connection's pipeline) until its
/// state is <c>Completed</c>. A run that succeeded is the value; one that failed or was canceled makes the wait throw a
/// <see cref="RequestFailedException"/> naming the run, its id and its result.
/// </summary>
// Visible, though its base (for generated code) is hidden: EditorBrowsable is inherited.
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Always)]
public class RunPipelineOperation : PollingOperation<Run>
{
    private readonly RunsClient _client = null!;
    private readonly string _project = null!;
    private readonly int _pipelineId;
    private readonly int _runId;

    /// <summary>For mocking.</summary>
    protected RunPipelineOperation()
    {
    }

    /// <summary>Resumes following run <paramref name="runId"/> of pipeline <paramref name="pipelineId"/> (its <see cref="Operation.Id"/>).</summary>
    public RunPipelineOperation(RunsClient client, string project, int pipelineId, int runId)
        : this(client, project, pipelineId, runId, null)
    {
    }

    internal RunPipelineOperation(RunsClient client, string project, int pipelineId, int runId, Response<Run>? started)
        : base(runId.ToString(CultureInfo.InvariantCulture), started)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(project);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(runId);
        (_client, _project, _pipelineId, _runId) = (client, project, pipelineId, runId);
    }

    /// <inheritdoc/>
    protected override string Description => $"Run {_runId} of pipeline {_pipelineId} in {_project}";

    /// <inheritdoc/>
    protected override Task<Response<Run>> PollAsync(CancellationToken cancellationToken) =>
        _client.GetRunWithResponseAsync(project: _project, pipelineId: _pipelineId, runId: _runId, cancellationToken: cancellationToken);

    /// <summary>Running until <c>Completed</c>; then <c>Succeeded</c> is the value, and <c>Failed</c>, <c>Canceled</c> end it.</summary>
    protected override PollingState StateOf(Response<Run> read)
    {
        var run = read.Value;
        if (run.State != RunState.Completed)
            return PollingState.Running((run.State ?? RunState.Unknown).ToString());
        var result = run.Result ?? RunResult.Unknown;
        return result == RunResult.Succeeded ? PollingState.Done(result.ToString()) : PollingState.Ended(result.ToString(), run.Url);
    }
}
