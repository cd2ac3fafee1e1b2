using System.Threading;
using System.Threading.Tasks;
using AdoTypedSdk.Common;
using AdoTypedSdk.GeneratedCode;
using Azure;

namespace AdoTypedSdk.Git;

partial class ImportRequestsClient
{
    /// <summary>
    /// Imports a repository into <paramref name="repositoryId"/> (an empty repository) and follows the import as an
    /// <see cref="ImportRepositoryOperation"/>: with <see cref="WaitUntil.Completed"/> this returns when the import has completed. The
    /// request is sent once, also when its answer is lost; cancelling the wait leaves the import running.
    /// </summary>
    /// <param name="waitUntil">Whether to return when the import has completed, or as soon as it is queued.</param>
    /// <param name="body">What to import: <c>Parameters.GitSource.Url</c>, and a service endpoint for a private source.</param>
    /// <param name="project">Project ID or project name.</param>
    /// <param name="repositoryId">The name or id of the repository to import into.</param>
    /// <param name="cancellationToken">Cancels the request and the wait.</param>
    /// <exception cref="AdoApiException">ADO refused the import, or no complete answer arrived.</exception>
    public virtual async Task<ImportRepositoryOperation> CreateImportRequestAsync(WaitUntil waitUntil, GitImportRequest body, string project, string repositoryId, CancellationToken cancellationToken = default)
    {
        var created = await CreateImportRequestWithResponseAsync(body: body, project: project, repositoryId: repositoryId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await PollingOperation.WaitIfAskedAsync(new ImportRepositoryOperation(this, project, repositoryId, created.Value.ImportRequestId ?? 0, created), waitUntil, cancellationToken).ConfigureAwait(false);
    }
}
