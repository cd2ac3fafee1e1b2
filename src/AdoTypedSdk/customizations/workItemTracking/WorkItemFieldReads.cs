using System;
using AdoTypedSdk.Common;

namespace AdoTypedSdk.WorkItemTracking;

/// <summary>
/// Typed reads of a work item's fields. Extension methods rather than properties, because a work item's fields are what its process
/// defines (custom fields included), not a fixed set: one method reads any <see cref="WorkItemField{T}"/>.
/// </summary>
public static class WorkItemFieldReads
{
    /// <summary>
    /// The value of <paramref name="field"/> as its type: <c>workItem.GetField(WorkItemFields.Title)</c>. A field the item has no value
    /// for (or that the call did not ask for with <c>fields:</c>) is null, never an exception.
    /// </summary>
    /// <exception cref="InvalidOperationException">The value is not of the field's type (a custom field declared with the wrong type); the message names the field and the value.</exception>
    public static T? GetField<T>(this WorkItem workItem, WorkItemField<T> field)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        ArgumentNullException.ThrowIfNull(field);
        return workItem.Fields is { } fields && fields.TryGetValue(field.ReferenceName, out var token) ? field.Read(token) : default;
    }

    /// <summary>The value of the field named <paramref name="referenceName"/> as <typeparamref name="T"/>; null when the item has none.</summary>
    public static T? GetField<T>(this WorkItem workItem, string referenceName) => workItem.GetField(new WorkItemField<T>(referenceName));
}
