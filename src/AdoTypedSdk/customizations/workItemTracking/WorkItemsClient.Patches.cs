using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AdoTypedSdk.Common;

namespace AdoTypedSdk.WorkItemTracking;

partial class WorkItemsClient
{
    /// <summary>
    /// Updates work item <paramref name="id"/> with <paramref name="patch"/>. A patch made <see cref="WorkItemPatch.For"/> the item as read
    /// carries its revision: when someone else saved the item since, ADO refuses the update and nothing is written.
    /// </summary>
    /// <param name="patch">The changes.</param>
    /// <param name="id">The work item's id.</param>
    /// <param name="project">Project ID or project name.</param>
    /// <param name="validateOnly">Only validate the changes; save nothing.</param>
    /// <param name="bypassRules">Do not enforce the work item type's rules.</param>
    /// <param name="suppressNotifications">Send no notifications for this change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The work item as saved.</returns>
    /// <exception cref="Azure.RequestFailedException"><c>Status == 412</c>: the item is no longer at the patch's revision.</exception>
    /// <exception cref="InvalidOperationException">The patch removes a tag or link without the item's current state (<see cref="WorkItemPatch.For"/>).</exception>
    public virtual Task<WorkItem> UpdateWorkItemAsync(WorkItemPatch patch, int id, string? project = null, bool? validateOnly = null, bool? bypassRules = null,
        bool? suppressNotifications = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patch);
        return UpdateWorkItemAsync(patch.ToOperations(Connection.OrganizationUrl), id, project, validateOnly, bypassRules, suppressNotifications, cancellationToken: cancellationToken);
    }

    /// <summary>Creates a work item of <paramref name="type"/> with the fields, links and tags of <paramref name="patch"/>.</summary>
    /// <param name="patch">The new item's fields, links and tags.</param>
    /// <param name="project">Project ID or project name.</param>
    /// <param name="type">The work item type (<c>Bug</c>, <c>Task</c>…).</param>
    /// <param name="validateOnly">Only validate; create nothing.</param>
    /// <param name="bypassRules">Do not enforce the work item type's rules.</param>
    /// <param name="suppressNotifications">Send no notifications.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The work item as created.</returns>
    public virtual Task<WorkItem> CreateWorkItemAsync(WorkItemPatch patch, string project, string type, bool? validateOnly = null, bool? bypassRules = null,
        bool? suppressNotifications = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patch);
        return CreateWorkItemAsync(patch.ToOperations(Connection.OrganizationUrl), project, type, validateOnly, bypassRules, suppressNotifications, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Updates many work items, each with its patch, <see cref="AdoClientOptions.SplitCallConcurrency"/> at a time, and reports each
    /// item's outcome: one failed item (a stale revision, a rule) does not stop or hide the others. The documents describe no call that
    /// updates several items, so each item is one update call; none is sent twice.
    /// </summary>
    /// <param name="updates">Each work item's id and its changes.</param>
    /// <param name="project">Project ID or project name.</param>
    /// <param name="bypassRules">Do not enforce the work item types' rules.</param>
    /// <param name="suppressNotifications">Send no notifications.</param>
    /// <param name="cancellationToken">Stops sending; items already sent may have been saved.</param>
    /// <returns>One outcome per update, in the order passed.</returns>
    public virtual Task<IReadOnlyList<WorkItemWriteResult>> UpdateWorkItemsAsync(IEnumerable<KeyValuePair<int, WorkItemPatch>> updates, string? project = null,
        bool? bypassRules = null, bool? suppressNotifications = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(updates);
        return WriteEachAsync(updates.ToList(), update => update.Key,
            (update, cancellation) => UpdateWorkItemAsync(update.Value, update.Key, project, null, bypassRules, suppressNotifications, cancellation), cancellationToken);
    }

    /// <summary>
    /// Creates many work items of <paramref name="type"/>, <see cref="AdoClientOptions.SplitCallConcurrency"/> at a time, and reports each
    /// item's outcome; one failed item does not stop or hide the others. Each item is one create call, never sent twice.
    /// </summary>
    /// <param name="patches">Each new item's fields, links and tags.</param>
    /// <param name="project">Project ID or project name.</param>
    /// <param name="type">The work item type (<c>Bug</c>, <c>Task</c>…).</param>
    /// <param name="bypassRules">Do not enforce the work item type's rules.</param>
    /// <param name="suppressNotifications">Send no notifications.</param>
    /// <param name="cancellationToken">Stops sending; items already sent may have been created.</param>
    /// <returns>One outcome per patch, in the order passed.</returns>
    public virtual Task<IReadOnlyList<WorkItemWriteResult>> CreateWorkItemsAsync(IEnumerable<WorkItemPatch> patches, string project, string type,
        bool? bypassRules = null, bool? suppressNotifications = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patches);
        return WriteEachAsync(patches.ToList(), _ => null,
            (patch, cancellation) => CreateWorkItemAsync(patch, project, type, null, bypassRules, suppressNotifications, cancellation), cancellationToken);
    }

    /// <summary>Sends each write once, a bounded number at a time, and keeps every outcome; only cancellation ends it early.</summary>
    private async Task<IReadOnlyList<WorkItemWriteResult>> WriteEachAsync<T>(List<T> writes, Func<T, int?> idOf,
        Func<T, CancellationToken, Task<WorkItem>> write, CancellationToken cancellationToken)
    {
        var results = new WorkItemWriteResult[writes.Count];
        using var gate = new SemaphoreSlim(Connection.Options.SplitCallConcurrency);
        await Task.WhenAll(writes.Select(async (each, index) =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var saved = await write(each, cancellationToken).ConfigureAwait(false);
                results[index] = new WorkItemWriteResult(index, saved.Id ?? idOf(each), saved, null);
            }
            catch (Exception error) when (error is Azure.RequestFailedException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
            {
                results[index] = new WorkItemWriteResult(index, idOf(each), null, error);
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
        return results;
    }
}
