using System.Threading;
using System.Threading.Tasks;
using AdoTypedSdk.Common;
using AdoTypedSdk.GeneratedCode;
using Azure;

namespace AdoTypedSdk.Build;

partial class BuildsClient
{
    /// <summary>
    /// Queues <paramref name="build"/> (its <c>Definition</c> set) and follows it as a <see cref="QueueBuildOperation"/>: with
    /// <see cref="WaitUntil.Completed"/> this returns when the build has completed, with <see cref="WaitUntil.Started"/> once it is queued.
    /// The queue request is sent once, also when its answer is lost, so the build is never queued twice; cancelling the wait leaves the build
    /// running.
    /// </summary>
    /// <param name="waitUntil">Whether to return when the build has completed, or as soon as it is queued.</param>
    /// <param name="build">The build to queue: at least its <c>Definition</c> (<c>new() { Definition = new() { Id = 12 } }</c>).</param>
    /// <param name="project">Project ID or project name.</param>
    /// <param name="cancellationToken">Cancels the request and the wait.</param>
    /// <returns>The build, to wait on, or to resume from its <c>Id</c> with <c>new QueueBuildOperation(client, project, buildId)</c>.</returns>
    /// <exception cref="AdoApiException">ADO refused to queue the build, or no complete answer arrived.</exception>
    public virtual async Task<QueueBuildOperation> QueueBuildAsync(WaitUntil waitUntil, Build build, string project, CancellationToken cancellationToken = default)
    {
        var queued = await QueueBuildWithResponseAsync(body: build, project: project, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await PollingOperation.WaitIfAskedAsync(new QueueBuildOperation(this, project, queued.Value.Id ?? 0, queued), waitUntil, cancellationToken).ConfigureAwait(false);
    }
}
