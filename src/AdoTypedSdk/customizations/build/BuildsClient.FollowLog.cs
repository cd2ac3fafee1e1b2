using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using AdoTypedSdk.Common;

namespace AdoTypedSdk.Build;

partial class BuildsClient
{
    /// <summary>
    /// The lines of log <paramref name="logId"/> of a build as the build writes them: each read asks for the lines after those already
    /// returned (ADO's <c>startLine</c>, 1-based), so a line is never repeated or dropped however the log grows between reads, and the
    /// enumeration ends when the build has completed and its last lines are read. A log the build has not started yet is waited for.
    /// Every read goes through the connection's pipeline.
    /// </summary>
    /// <param name="project">Project ID or project name.</param>
    /// <param name="buildId">The build.</param>
    /// <param name="logId">The log (a step's; <c>GetBuildLogsAsync</c> lists them, the build's timeline names their steps).</param>
    /// <param name="pollingInterval">The wait between reads while the build runs; 3 s by default.</param>
    /// <param name="cancellationToken">Stops following; the build goes on.</param>
    /// <exception cref="AdoApiException">A read failed, or the build completed without the log.</exception>
    public virtual IAsyncEnumerable<string> FollowBuildLogAsync(string project, int buildId, int logId, TimeSpan? pollingInterval = null,
        CancellationToken cancellationToken = default) =>
        FollowLinesAsync(project, buildId, logId, pollingInterval ?? TimeSpan.FromSeconds(3), cancellationToken);

    private async IAsyncEnumerable<string> FollowLinesAsync(string project, int buildId, int logId, TimeSpan interval, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long next = 1;
        while (true)
        {
            // The status is read before the lines: once the build has completed, the lines read after it are the last.
            var build = await GetBuildWithResponseAsync(project: project, buildId: buildId, cancellationToken: cancellationToken).ConfigureAwait(false);
            var completed = build.Value.Status == BuildStatus.Completed;
            IReadOnlyList<string> lines;
            try
            {
                lines = (await GetBuildLogWithResponseAsync(project: project, buildId: buildId, logId: logId, startLine: next, cancellationToken: cancellationToken).ConfigureAwait(false)).Value ?? [];
            }
            catch (AdoApiException notYet) when (notYet.Status == 404 && !completed)
            {
                lines = [];
            }
            foreach (var line in lines)
                yield return line;
            next += lines.Count;
            if (completed)
                yield break;
            await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
        }
    }
}
