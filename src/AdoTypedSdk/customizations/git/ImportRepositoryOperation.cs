using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using AdoTypedSdk.Common;
using AdoTypedSdk.GeneratedCode;
using Azure;

namespace AdoTypedSdk.Git;

/// <summary>
/// A repository import, followed until it ends: <c>WaitForCompletionAsync</c> reads the import request (through the connection's
/// pipeline) until its status is <c>Completed</c> (the value), or <c>Failed</c> or <c>Abandoned</c>, which make the wait throw a
/// <see cref="RequestFailedException"/> with ADO's error message.
/// </summary>
// Visible, though its base (for generated code) is hidden: EditorBrowsable is inherited.
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Always)]
public class ImportRepositoryOperation : PollingOperation<GitImportRequest>
{
    private readonly ImportRequestsClient _client = null!;
    private readonly string _project = null!;
    private readonly string _repositoryId = null!;
    private readonly int _importRequestId;

    /// <summary>For mocking.</summary>
    protected ImportRepositoryOperation()
    {
    }

    /// <summary>Resumes following import request <paramref name="importRequestId"/> (its <see cref="Operation.Id"/>) of a repository.</summary>
    public ImportRepositoryOperation(ImportRequestsClient client, string project, string repositoryId, int importRequestId)
        : this(client, project, repositoryId, importRequestId, null)
    {
    }

    internal ImportRepositoryOperation(ImportRequestsClient client, string project, string repositoryId, int importRequestId, Response<GitImportRequest>? created)
        : base(importRequestId.ToString(CultureInfo.InvariantCulture), created)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(project);
        ArgumentException.ThrowIfNullOrEmpty(repositoryId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(importRequestId);
        (_client, _project, _repositoryId, _importRequestId) = (client, project, repositoryId, importRequestId);
    }

    /// <inheritdoc/>
    protected override string Description => $"Import {_importRequestId} into repository {_repositoryId} of {_project}";

    /// <inheritdoc/>
    protected override Task<Response<GitImportRequest>> PollAsync(CancellationToken cancellationToken) =>
        _client.GetImportRequestWithResponseAsync(project: _project, repositoryId: _repositoryId, importRequestId: _importRequestId, cancellationToken: cancellationToken);

    /// <summary>Running while <c>Queued</c> or <c>InProgress</c>; <c>Completed</c> is the value; <c>Failed</c> and <c>Abandoned</c> end it.</summary>
    protected override PollingState StateOf(Response<GitImportRequest> read)
    {
        var request = read.Value;
        var status = request.Status ?? GitAsyncOperationStatus.Queued;
        return status switch
        {
            GitAsyncOperationStatus.Completed => PollingState.Done(status.ToString()),
            GitAsyncOperationStatus.Failed or GitAsyncOperationStatus.Abandoned => PollingState.Ended(status.ToString(), request.DetailedStatus?.ErrorMessage),
            _ => PollingState.Running(status.ToString()),
        };
    }
}
