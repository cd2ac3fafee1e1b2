using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AdoTypedSdk.Common;
using Azure;

namespace AdoTypedSdk.WorkItemTracking;

partial class WorkItemsClient
{
    private const string MissingReason = "ADO returned no work item for this id: it does not exist (or was deleted), or the identity cannot read it; ADO answers both alike.";

    /// <summary>
    /// Reads any number of work items by id and says which ids ADO returned none for: the ids go in calls of
    /// <see cref="AdoLimits.WorkItemIdsPerCall"/> (ADO's maximum), <see cref="AdoClientOptions.SplitCallConcurrency"/> at a time, each id
    /// once, and the items come back in the order asked. An empty list makes no call.
    /// </summary>
    /// <param name="ids">The work item ids, any number; one asked twice is read once.</param>
    /// <param name="project">Project ID or project name.</param>
    /// <param name="fields">The fields to return (<c>WorkItemFields.Title</c> converts to its name); null: all.</param>
    /// <param name="asOf">Read the items as they were at this time.</param>
    /// <param name="expand">Relations, links or fields to include.</param>
    /// <param name="errorPolicy">
    /// <c>Omit</c> (the default): ids ADO returns nothing for are in <see cref="WorkItemReadResult.Missing"/>. <c>Fail</c>: the first call
    /// that has such ids throws an <see cref="AdoApiException"/> that names every one of them in that call.
    /// </param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <exception cref="AdoApiException">A call failed; with <c>Fail</c>, one had ids ADO returned nothing for, all named.</exception>
    public virtual async Task<WorkItemReadResult> ReadWorkItemsAsync(IEnumerable<int> ids, string? project = null, IEnumerable<string>? fields = null,
        DateTimeOffset? asOf = null, WorkItemExpand? expand = null, WorkItemErrorPolicy errorPolicy = WorkItemErrorPolicy.Omit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var asked = ids.Distinct().ToList();
        var fieldList = fields?.ToList();
        var answers = await GeneratedCode.ItemLimit.SplitAsync(this, asked, AdoLimits.WorkItemIdsPerCall,
            (part, cancellation) => errorPolicy == WorkItemErrorPolicy.Fail
                ? ReadNamingMissingAsync(part!.ToList(), project, fieldList, asOf, expand, cancellation)
                : GetWorkItemsWithResponseAsync(part, project, fieldList, asOf, expand, WorkItemErrorPolicy.Omit, cancellation),
            cancellationToken).ConfigureAwait(false);

        // Matched by id, not by place: ADO leaves a null where it omits an item, but an answer without them still matches.
        var found = new Dictionary<int, WorkItem>();
        foreach (var item in answers)
            if (item?.Id is { } id)
                found.TryAdd(id, item);
        return new WorkItemReadResult(
            asked.Where(found.ContainsKey).Select(id => found[id]).ToList(),
            asked.Where(id => !found.ContainsKey(id)).Select(id => new MissingWorkItem(id, MissingReason)).ToList());
    }

    /// <summary>
    /// One call with <c>errorPolicy=Fail</c>. ADO's error names only the first id it could not return, so on that error the same ids are
    /// read once more with <c>Omit</c> (a read, safe to repeat) to name them all.
    /// </summary>
    private async Task<Response<IReadOnlyList<WorkItem>>> ReadNamingMissingAsync(List<int> part, string? project, List<string>? fields,
        DateTimeOffset? asOf, WorkItemExpand? expand, CancellationToken cancellationToken)
    {
        try
        {
            return await GetWorkItemsWithResponseAsync(part, project, fields, asOf, expand, WorkItemErrorPolicy.Fail, cancellationToken).ConfigureAwait(false);
        }
        catch (AdoApiException failure) when (failure.Status == 404 && failure.GetRawResponse() is not null)
        {
            var again = await GetWorkItemsWithResponseAsync(part, project, fields, asOf, expand, WorkItemErrorPolicy.Omit, cancellationToken).ConfigureAwait(false);
            var returned = again.Value.Where(item => item?.Id is not null).Select(item => item.Id!.Value).ToHashSet();
            var missing = part.Where(id => !returned.Contains(id)).ToList();
            if (missing.Count == 0)
                throw;
            throw new AdoApiException(failure, $"{missing.Count} of the {part.Count} work items of this call do not exist or cannot be read by this identity: {string.Join(", ", missing)}. ({failure.ServerMessage})");
        }
    }
}
