using System;
using System.Collections.Generic;
using AdoTypedSdk.Common;

namespace AdoTypedSdk.WorkItemTracking;

/// <summary>
/// The system and common fields of ADO's processes (Basic, Agile, Scrum, CMMI), with their reference names and value types, for
/// <c>workItem.GetField(WorkItemFields.Title)</c> and <see cref="WorkItemPatch.Set{T}(WorkItemField{T}, T)"/>.
/// </summary>
/// <remarks>
/// Sources: the reference names and types are ADO's own, as the pinned recorded answer of "Fields - List" lists them
/// (<c>specification/wit/7.1/httpExamples/fields/GET__wit_fields.json</c> of MicrosoftDocs/vsts-rest-api-specs, and
/// https://learn.microsoft.com/azure/devops/boards/work-items/guidance/work-item-field). There the identity fields are typed
/// <c>string</c>; the work items ADO answers carry them as identity objects (the recorded
/// <c>workItemRevisions</c> and <c>updates</c> answers), so they read as <see cref="IdentityRef"/> here.
/// </remarks>
public static class WorkItemFields
{
    /// <summary><c>System.Id</c>: The work item's id.</summary>
    public static readonly WorkItemField<int?> Id = new("System.Id");

    /// <summary><c>System.Rev</c>: The revision number; every saved change adds one.</summary>
    public static readonly WorkItemField<int?> Rev = new("System.Rev");

    /// <summary><c>System.Title</c>: The title.</summary>
    public static readonly WorkItemField<string> Title = new("System.Title");

    /// <summary><c>System.State</c>: The workflow state (New, Active, Closed…).</summary>
    public static readonly WorkItemField<string> State = new("System.State");

    /// <summary><c>System.Reason</c>: Why the item is in its state.</summary>
    public static readonly WorkItemField<string> Reason = new("System.Reason");

    /// <summary><c>System.WorkItemType</c>: The type (Bug, Task, User Story…).</summary>
    public static readonly WorkItemField<string> WorkItemType = new("System.WorkItemType");

    /// <summary><c>System.TeamProject</c>: The project's name.</summary>
    public static readonly WorkItemField<string> TeamProject = new("System.TeamProject");

    /// <summary><c>System.AreaPath</c>: The area path (Fabrikam\Website).</summary>
    public static readonly WorkItemField<string> AreaPath = new("System.AreaPath");

    /// <summary><c>System.AreaId</c>: The area's id.</summary>
    public static readonly WorkItemField<int?> AreaId = new("System.AreaId");

    /// <summary><c>System.IterationPath</c>: The iteration path (Fabrikam\Sprint 1).</summary>
    public static readonly WorkItemField<string> IterationPath = new("System.IterationPath");

    /// <summary><c>System.IterationId</c>: The iteration's id.</summary>
    public static readonly WorkItemField<int?> IterationId = new("System.IterationId");

    /// <summary><c>System.AssignedTo</c>: Who the item is assigned to. Write an identity with its unique name (<c>user@contoso.com</c>).</summary>
    public static readonly WorkItemField<IdentityRef> AssignedTo = new("System.AssignedTo");

    /// <summary><c>System.CreatedBy</c>: Who created the item.</summary>
    public static readonly WorkItemField<IdentityRef> CreatedBy = new("System.CreatedBy");

    /// <summary><c>System.CreatedDate</c>: When the item was created.</summary>
    public static readonly WorkItemField<DateTimeOffset?> CreatedDate = new("System.CreatedDate");

    /// <summary><c>System.ChangedBy</c>: Who saved the current revision.</summary>
    public static readonly WorkItemField<IdentityRef> ChangedBy = new("System.ChangedBy");

    /// <summary><c>System.ChangedDate</c>: When the current revision was saved.</summary>
    public static readonly WorkItemField<DateTimeOffset?> ChangedDate = new("System.ChangedDate");

    /// <summary><c>System.AuthorizedAs</c>: The identity the current revision was saved as.</summary>
    public static readonly WorkItemField<IdentityRef> AuthorizedAs = new("System.AuthorizedAs");

    /// <summary><c>System.AuthorizedDate</c>: When the current revision was authorized.</summary>
    public static readonly WorkItemField<DateTimeOffset?> AuthorizedDate = new("System.AuthorizedDate");

    /// <summary><c>System.RevisedDate</c>: When the revision was superseded (far in the future for the current one).</summary>
    public static readonly WorkItemField<DateTimeOffset?> RevisedDate = new("System.RevisedDate");

    /// <summary><c>System.Watermark</c>: A number that grows with every change in the collection.</summary>
    public static readonly WorkItemField<int?> Watermark = new("System.Watermark");

    /// <summary><c>System.Tags</c>: The tags. Add and remove them with <see cref="WorkItemPatch.AddTag"/> and <see cref="WorkItemPatch.RemoveTag"/>.</summary>
    public static readonly WorkItemField<IReadOnlyList<string>> Tags = new("System.Tags");

    /// <summary><c>System.Description</c>: The description (HTML).</summary>
    public static readonly WorkItemField<string> Description = new("System.Description");

    /// <summary><c>System.History</c>: The discussion: a value written here is added as a comment (HTML).</summary>
    public static readonly WorkItemField<string> History = new("System.History");

    /// <summary><c>System.BoardColumn</c>: The board column.</summary>
    public static readonly WorkItemField<string> BoardColumn = new("System.BoardColumn");

    /// <summary><c>System.BoardColumnDone</c>: Whether the item is in the column's Done half.</summary>
    public static readonly WorkItemField<bool?> BoardColumnDone = new("System.BoardColumnDone");

    /// <summary><c>System.BoardLane</c>: The board swimlane.</summary>
    public static readonly WorkItemField<string> BoardLane = new("System.BoardLane");

    /// <summary><c>System.RelatedLinkCount</c>: How many work item links the item has.</summary>
    public static readonly WorkItemField<int?> RelatedLinkCount = new("System.RelatedLinkCount");

    /// <summary><c>System.HyperLinkCount</c>: How many hyperlinks the item has.</summary>
    public static readonly WorkItemField<int?> HyperLinkCount = new("System.HyperLinkCount");

    /// <summary><c>System.ExternalLinkCount</c>: How many artifact links the item has.</summary>
    public static readonly WorkItemField<int?> ExternalLinkCount = new("System.ExternalLinkCount");

    /// <summary><c>System.AttachedFileCount</c>: How many attachments the item has.</summary>
    public static readonly WorkItemField<int?> AttachedFileCount = new("System.AttachedFileCount");

    /// <summary><c>Microsoft.VSTS.Common.Priority</c>: The priority, 1 (highest) to 4.</summary>
    public static readonly WorkItemField<int?> Priority = new("Microsoft.VSTS.Common.Priority");

    /// <summary><c>Microsoft.VSTS.Common.Severity</c>: The severity of a bug ("2 - High").</summary>
    public static readonly WorkItemField<string> Severity = new("Microsoft.VSTS.Common.Severity");

    /// <summary><c>Microsoft.VSTS.Common.ValueArea</c>: Business or Architectural.</summary>
    public static readonly WorkItemField<string> ValueArea = new("Microsoft.VSTS.Common.ValueArea");

    /// <summary><c>Microsoft.VSTS.Common.Activity</c>: The kind of work a task is (Development, Testing…).</summary>
    public static readonly WorkItemField<string> Activity = new("Microsoft.VSTS.Common.Activity");

    /// <summary><c>Microsoft.VSTS.Common.StackRank</c>: The backlog order (Agile, CMMI).</summary>
    public static readonly WorkItemField<double?> StackRank = new("Microsoft.VSTS.Common.StackRank");

    /// <summary><c>Microsoft.VSTS.Common.BacklogPriority</c>: The backlog order (Scrum).</summary>
    public static readonly WorkItemField<double?> BacklogPriority = new("Microsoft.VSTS.Common.BacklogPriority");

    /// <summary><c>Microsoft.VSTS.Common.BusinessValue</c>: The business value.</summary>
    public static readonly WorkItemField<int?> BusinessValue = new("Microsoft.VSTS.Common.BusinessValue");

    /// <summary><c>Microsoft.VSTS.Common.Risk</c>: The risk ("2 - Medium").</summary>
    public static readonly WorkItemField<string> Risk = new("Microsoft.VSTS.Common.Risk");

    /// <summary><c>Microsoft.VSTS.Common.AcceptanceCriteria</c>: The acceptance criteria (HTML).</summary>
    public static readonly WorkItemField<string> AcceptanceCriteria = new("Microsoft.VSTS.Common.AcceptanceCriteria");

    /// <summary><c>Microsoft.VSTS.Common.StateChangeDate</c>: When the state last changed.</summary>
    public static readonly WorkItemField<DateTimeOffset?> StateChangeDate = new("Microsoft.VSTS.Common.StateChangeDate");

    /// <summary><c>Microsoft.VSTS.Common.ActivatedBy</c>: Who activated the item.</summary>
    public static readonly WorkItemField<IdentityRef> ActivatedBy = new("Microsoft.VSTS.Common.ActivatedBy");

    /// <summary><c>Microsoft.VSTS.Common.ActivatedDate</c>: When the item was activated.</summary>
    public static readonly WorkItemField<DateTimeOffset?> ActivatedDate = new("Microsoft.VSTS.Common.ActivatedDate");

    /// <summary><c>Microsoft.VSTS.Common.ResolvedBy</c>: Who resolved the item.</summary>
    public static readonly WorkItemField<IdentityRef> ResolvedBy = new("Microsoft.VSTS.Common.ResolvedBy");

    /// <summary><c>Microsoft.VSTS.Common.ResolvedDate</c>: When the item was resolved.</summary>
    public static readonly WorkItemField<DateTimeOffset?> ResolvedDate = new("Microsoft.VSTS.Common.ResolvedDate");

    /// <summary><c>Microsoft.VSTS.Common.ResolvedReason</c>: Why the item was resolved.</summary>
    public static readonly WorkItemField<string> ResolvedReason = new("Microsoft.VSTS.Common.ResolvedReason");

    /// <summary><c>Microsoft.VSTS.Common.ClosedBy</c>: Who closed the item.</summary>
    public static readonly WorkItemField<IdentityRef> ClosedBy = new("Microsoft.VSTS.Common.ClosedBy");

    /// <summary><c>Microsoft.VSTS.Common.ClosedDate</c>: When the item was closed.</summary>
    public static readonly WorkItemField<DateTimeOffset?> ClosedDate = new("Microsoft.VSTS.Common.ClosedDate");

    /// <summary><c>Microsoft.VSTS.Scheduling.OriginalEstimate</c>: The original estimate, in hours.</summary>
    public static readonly WorkItemField<double?> OriginalEstimate = new("Microsoft.VSTS.Scheduling.OriginalEstimate");

    /// <summary><c>Microsoft.VSTS.Scheduling.RemainingWork</c>: The remaining work, in hours.</summary>
    public static readonly WorkItemField<double?> RemainingWork = new("Microsoft.VSTS.Scheduling.RemainingWork");

    /// <summary><c>Microsoft.VSTS.Scheduling.CompletedWork</c>: The completed work, in hours.</summary>
    public static readonly WorkItemField<double?> CompletedWork = new("Microsoft.VSTS.Scheduling.CompletedWork");

    /// <summary><c>Microsoft.VSTS.Scheduling.StoryPoints</c>: The story points (Agile).</summary>
    public static readonly WorkItemField<double?> StoryPoints = new("Microsoft.VSTS.Scheduling.StoryPoints");

    /// <summary><c>Microsoft.VSTS.Scheduling.Effort</c>: The effort (Scrum).</summary>
    public static readonly WorkItemField<double?> Effort = new("Microsoft.VSTS.Scheduling.Effort");

    /// <summary><c>Microsoft.VSTS.Scheduling.StartDate</c>: The planned start.</summary>
    public static readonly WorkItemField<DateTimeOffset?> StartDate = new("Microsoft.VSTS.Scheduling.StartDate");

    /// <summary><c>Microsoft.VSTS.Scheduling.FinishDate</c>: The planned finish.</summary>
    public static readonly WorkItemField<DateTimeOffset?> FinishDate = new("Microsoft.VSTS.Scheduling.FinishDate");

    /// <summary><c>Microsoft.VSTS.Scheduling.TargetDate</c>: The target date.</summary>
    public static readonly WorkItemField<DateTimeOffset?> TargetDate = new("Microsoft.VSTS.Scheduling.TargetDate");

    /// <summary><c>Microsoft.VSTS.TCM.ReproSteps</c>: How to reproduce a bug (HTML).</summary>
    public static readonly WorkItemField<string> ReproSteps = new("Microsoft.VSTS.TCM.ReproSteps");

    /// <summary><c>Microsoft.VSTS.TCM.SystemInfo</c>: The system a bug was found on (HTML).</summary>
    public static readonly WorkItemField<string> SystemInfo = new("Microsoft.VSTS.TCM.SystemInfo");

    /// <summary><c>Microsoft.VSTS.Build.FoundIn</c>: The build a bug was found in.</summary>
    public static readonly WorkItemField<string> FoundIn = new("Microsoft.VSTS.Build.FoundIn");

    /// <summary><c>Microsoft.VSTS.Build.IntegrationBuild</c>: The build a fix was integrated in.</summary>
    public static readonly WorkItemField<string> IntegrationBuild = new("Microsoft.VSTS.Build.IntegrationBuild");
}
