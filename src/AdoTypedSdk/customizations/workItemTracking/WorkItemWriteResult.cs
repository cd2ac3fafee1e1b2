using System;
using AdoTypedSdk.Common;

namespace AdoTypedSdk.WorkItemTracking;

/// <summary>
/// The outcome of one item of <c>UpdateWorkItemsAsync</c> or <c>CreateWorkItemsAsync</c>: the item as ADO saved it, or why it was not
/// saved. One failed item does not stop or hide the others.
/// </summary>
public sealed class WorkItemWriteResult
{
    internal WorkItemWriteResult(int index, int? id, WorkItem? workItem, Exception? error)
    {
        Index = index;
        Id = id;
        WorkItem = workItem;
        Error = error;
    }

    /// <summary>The item's place in the list passed.</summary>
    public int Index { get; }

    /// <summary>The work item's id: the one updated, or the one ADO gave a created item (null when creating it failed).</summary>
    public int? Id { get; }

    /// <summary>The work item as ADO saved it; null when it was not saved.</summary>
    public WorkItem? WorkItem { get; }

    /// <summary>
    /// Why the item was not saved: ADO's answer (<see cref="Azure.RequestFailedException"/>, <c>Status == 412</c> when the item changed
    /// since the patch's revision), or a patch that could not be written (<see cref="InvalidOperationException"/>); null when saved.
    /// </summary>
    public Exception? Error { get; }

    /// <summary>Whether ADO saved the item.</summary>
    public bool Succeeded => Error is null;
}
