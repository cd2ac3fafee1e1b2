using System.Collections.Generic;
using AdoTypedSdk.Common;

namespace AdoTypedSdk.WorkItemTracking;

/// <summary>What <c>WorkItemsClient.ReadWorkItemsAsync</c> found: the work items, and the ids ADO returned none for, with why.</summary>
public sealed class WorkItemReadResult
{
    internal WorkItemReadResult(IReadOnlyList<WorkItem> items, IReadOnlyList<MissingWorkItem> missing)
    {
        Items = items;
        Missing = missing;
    }

    /// <summary>The work items found, in the order asked; an id asked twice is here once.</summary>
    public IReadOnlyList<WorkItem> Items { get; }

    /// <summary>The ids ADO returned no work item for, in the order asked.</summary>
    public IReadOnlyList<MissingWorkItem> Missing { get; }
}

/// <summary>An id ADO returned no work item for, and why.</summary>
/// <param name="Id">The work item id asked for.</param>
/// <param name="Reason">Why ADO returned none, as far as it says.</param>
public sealed record MissingWorkItem(int Id, string Reason);
