using System.Threading;
using System.Threading.Tasks;
using AdoTypedSdk.Common;
using AdoTypedSdk.GeneratedCode;
using Azure;

namespace AdoTypedSdk.Pipelines;

partial class RunsClient
{
    /// <summary>
    /// Runs pipeline <paramref name="pipelineId"/> and follows the run as a <see cref="RunPipelineOperation"/>: with
    /// <see cref="WaitUntil.Completed"/> this returns when the run has completed. The run request is sent once, also when its answer is
    /// lost, so the pipeline never runs twice for one call; cancelling the wait leaves the run going.
    /// </summary>
    /// <param name="waitUntil">Whether to return when the run has completed, or as soon as it has started.</param>
    /// <param name="body">The run's parameters (branch, variables, template parameters); <c>new()</c> for the defaults.</param>
    /// <param name="project">Project ID or project name.</param>
    /// <param name="pipelineId">The pipeline.</param>
    /// <param name="cancellationToken">Cancels the request and the wait.</param>
    /// <exception cref="AdoApiException">ADO refused to run the pipeline, or no complete answer arrived.</exception>
    public virtual async Task<RunPipelineOperation> RunPipelineAsync(WaitUntil waitUntil, RunPipelineParameters body, string project, int pipelineId, CancellationToken cancellationToken = default)
    {
        var started = await RunPipelineWithResponseAsync(body: body, project: project, pipelineId: pipelineId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await PollingOperation.WaitIfAskedAsync(new RunPipelineOperation(this, project, pipelineId, started.Value.Id ?? 0, started), waitUntil, cancellationToken).ConfigureAwait(false);
    }
}
