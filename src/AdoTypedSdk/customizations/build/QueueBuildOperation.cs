using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using AdoTypedSdk.Common;
using AdoTypedSdk.GeneratedCode;
using Azure;

namespace AdoTypedSdk.Build;

/// <summary>
/// A queued build, followed until it completes: <c>WaitForCompletionAsync</c> reads the build (through the connection's pipeline) until
/// its status is <c>Completed</c>. A build that succeeded or partially succeeded is the value; one that failed or was canceled makes the
/// wait throw a <see cref="RequestFailedException"/> naming the build, its id and its result (the build is in the exception's raw response).
/// </summary>
// Visible, though its base (for generated code) is hidden: EditorBrowsable is inherited.
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Always)]
public class QueueBuildOperation : PollingOperation<Build>
{
    private readonly BuildsClient _client = null!;
    private readonly string _project = null!;
    private readonly int _buildId;

    /// <summary>For mocking.</summary>
    protected QueueBuildOperation()
    {
    }

    /// <summary>Resumes following build <paramref name="buildId"/> of <paramref name="project"/> (its <see cref="Operation.Id"/>): for a new process, or another connection.</summary>
    public QueueBuildOperation(BuildsClient client, string project, int buildId)
        : this(client, project, buildId, null)
    {
    }

    internal QueueBuildOperation(BuildsClient client, string project, int buildId, Response<Build>? queued)
        : base(buildId.ToString(CultureInfo.InvariantCulture), queued)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(project);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(buildId);
        (_client, _project, _buildId) = (client, project, buildId);
    }

    /// <inheritdoc/>
    protected override string Description => $"Build {_buildId} of {_project}";

    /// <inheritdoc/>
    protected override Task<Response<Build>> PollAsync(CancellationToken cancellationToken) =>
        _client.GetBuildWithResponseAsync(project: _project, buildId: _buildId, cancellationToken: cancellationToken);

    /// <summary>Running until <c>Completed</c>; then its result: <c>Succeeded</c> and <c>PartiallySucceeded</c> are the value, the others end it.</summary>
    protected override PollingState StateOf(Response<Build> read)
    {
        var build = read.Value;
        if (build.Status != BuildStatus.Completed)
            return PollingState.Running((build.Status ?? BuildStatus.None).ToString());
        var result = build.Result ?? BuildResult.None;
        return result is BuildResult.Succeeded or BuildResult.PartiallySucceeded
            ? PollingState.Done(result.ToString())
            : PollingState.Ended(result.ToString(), build.Url);
    }
}
