using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AdoTypedSdk.Common;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.WorkItemTracking;

/// <summary>
/// The changes to one work item, written in fields, links and tags rather than JSON-Patch paths; <c>UpdateWorkItemAsync(patch, id)</c>
/// and <c>CreateWorkItemAsync(patch, project, type)</c> send it. Start from <see cref="For"/> the item as you read it: the update then
/// carries ADO's <c>test /rev</c>, so it is refused (<c>RequestFailedException.Status == 412</c>) when someone else saved the item in
/// between, instead of overwriting their change; and tags and links can be removed, which needs the item's current ones.
/// </summary>
/// <example>
/// <code>
/// var item = await workItems.GetWorkItemAsync(157, expand: WorkItemExpand.Relations);
/// var patch = WorkItemPatch.For(item)
///     .Set(WorkItemFields.State, "Active")
///     .AddTag("triaged")
///     .AddParent(100);
/// await workItems.UpdateWorkItemAsync(patch, 157);
/// </code>
/// </example>
public sealed class WorkItemPatch
{
    /// <summary>ADO's relation types (<c>rel</c>) for the links this builder writes by name.</summary>
    private const string ParentLink = "System.LinkTypes.Hierarchy-Reverse", ChildLink = "System.LinkTypes.Hierarchy-Forward",
        RelatedLink = "System.LinkTypes.Related", HyperlinkLink = "Hyperlink", ArtifactLinkLink = "ArtifactLink", AttachmentLink = "AttachedFile";

    private readonly WorkItem? _current;
    private readonly List<(string ReferenceName, JToken? Value)> _fields = [];
    private readonly List<Relation> _addedRelations = [];
    private readonly List<Relation> _removedRelations = [];
    private readonly List<string> _addedTags = [];
    private readonly List<string> _removedTags = [];

    /// <summary>Changes with no known current state: for a new item, or an update that sets fields, adds links or adds tags.</summary>
    public WorkItemPatch()
    {
    }

    private WorkItemPatch(WorkItem current)
    {
        _current = current;
        ExpectedRevision = current.Rev;
    }

    /// <summary>
    /// Changes to <paramref name="current"/>, the item as read: the update is sent only if the item is still at its revision
    /// (<see cref="ExpectRevision"/>), and tags and links can be removed. Read it with <c>expand: WorkItemExpand.Relations</c> (or
    /// <c>All</c>) to remove links.
    /// </summary>
    public static WorkItemPatch For(WorkItem current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return new WorkItemPatch(current);
    }

    /// <summary>The revision the item must still be at for the update to apply (ADO's <c>test /rev</c>); null: any.</summary>
    public int? ExpectedRevision { get; private set; }

    /// <summary>Whether the patch changes nothing (a <c>test /rev</c> alone changes nothing).</summary>
    public bool IsEmpty => _fields.Count == 0 && _addedRelations.Count == 0 && _removedRelations.Count == 0 && _addedTags.Count == 0 && _removedTags.Count == 0;

    /// <summary>
    /// Apply the changes only if the item is still at <paramref name="revision"/>: ADO refuses them otherwise, with HTTP 412, and
    /// nothing is written. <see cref="For"/> sets it from the item it starts from.
    /// </summary>
    public WorkItemPatch ExpectRevision(int revision)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(revision);
        ExpectedRevision = revision;
        return this;
    }

    /// <summary>Sets <paramref name="field"/> to <paramref name="value"/> (ADO's <c>add</c>, which sets a field with or without a value).</summary>
    public WorkItemPatch Set<T>(WorkItemField<T> field, T value)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (string.Equals(field.ReferenceName, WorkItemFields.Tags.ReferenceName, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException("Change tags with AddTag and RemoveTag: setting System.Tags would drop tags that someone else added.", nameof(field));
        _fields.Add((field.ReferenceName, field.Write(value)));
        return this;
    }

    /// <summary>Sets the field named <paramref name="referenceName"/> (a custom field: <c>Custom.Team</c>) to <paramref name="value"/>.</summary>
    public WorkItemPatch Set(string referenceName, object? value) => Set(new WorkItemField<object?>(referenceName), value);

    /// <summary>Clears <paramref name="field"/> (ADO's <c>remove</c>).</summary>
    public WorkItemPatch Remove<T>(WorkItemField<T> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        _fields.Add((field.ReferenceName, null));
        return this;
    }

    /// <summary>Clears the field named <paramref name="referenceName"/>.</summary>
    public WorkItemPatch Remove(string referenceName) => Remove(new WorkItemField<object?>(referenceName));

    /// <summary>Links the item to its parent, work item <paramref name="parentId"/>.</summary>
    public WorkItemPatch AddParent(int parentId, string? comment = null) => AddLink(new(ParentLink, WorkItemId(parentId), null, comment));

    /// <summary>Links work item <paramref name="childId"/> as a child of the item.</summary>
    public WorkItemPatch AddChild(int childId, string? comment = null) => AddLink(new(ChildLink, WorkItemId(childId), null, comment));

    /// <summary>Links work item <paramref name="relatedId"/> as related.</summary>
    public WorkItemPatch AddRelated(int relatedId, string? comment = null) => AddLink(new(RelatedLink, WorkItemId(relatedId), null, comment));

    /// <summary>Adds a hyperlink to <paramref name="url"/> (an absolute http or https address).</summary>
    public WorkItemPatch AddHyperlink(Uri url, string? comment = null) => AddLink(new(HyperlinkLink, null, WebAddress(url), comment));

    /// <summary>
    /// Adds an artifact link: <paramref name="artifactUri"/> is the artifact's <c>vstfs:///</c> URI (a commit:
    /// <c>vstfs:///Git/Commit/{projectId}%2F{repositoryId}%2F{commitId}</c>) and <paramref name="linkName"/> its link type's name
    /// (<c>Fixed in Commit</c>, <c>Branch</c>, <c>Build</c>…).
    /// </summary>
    public WorkItemPatch AddArtifactLink(string artifactUri, string linkName, string? comment = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(linkName);
        return AddLink(new(ArtifactLinkLink, null, ArtifactUri(artifactUri), comment, linkName));
    }

    /// <summary>Attaches an uploaded file: <paramref name="attachmentUrl"/> is the <c>Url</c> of the attachment <c>CreateAttachmentAsync</c> returned.</summary>
    public WorkItemPatch AddAttachment(Uri attachmentUrl, string? comment = null) => AddLink(new(AttachmentLink, null, WebAddress(attachmentUrl), comment));

    /// <summary>Removes the link to the parent, work item <paramref name="parentId"/> (needs <see cref="For"/>).</summary>
    public WorkItemPatch RemoveParent(int parentId) => RemoveLink(new(ParentLink, WorkItemId(parentId), null, null));

    /// <summary>Removes the link to child <paramref name="childId"/> (needs <see cref="For"/>).</summary>
    public WorkItemPatch RemoveChild(int childId) => RemoveLink(new(ChildLink, WorkItemId(childId), null, null));

    /// <summary>Removes the related link to <paramref name="relatedId"/> (needs <see cref="For"/>).</summary>
    public WorkItemPatch RemoveRelated(int relatedId) => RemoveLink(new(RelatedLink, WorkItemId(relatedId), null, null));

    /// <summary>Removes the hyperlink to <paramref name="url"/> (needs <see cref="For"/>).</summary>
    public WorkItemPatch RemoveHyperlink(Uri url) => RemoveLink(new(HyperlinkLink, null, WebAddress(url), null));

    /// <summary>Removes the artifact link to <paramref name="artifactUri"/> (needs <see cref="For"/>).</summary>
    public WorkItemPatch RemoveArtifactLink(string artifactUri) => RemoveLink(new(ArtifactLinkLink, null, ArtifactUri(artifactUri), null));

    /// <summary>Adds <paramref name="tag"/>; the item's other tags stay.</summary>
    public WorkItemPatch AddTag(string tag)
    {
        _addedTags.Add(Tag(tag));
        return this;
    }

    /// <summary>Removes <paramref name="tag"/> (needs <see cref="For"/>: ADO removes a tag only by writing the whole list).</summary>
    public WorkItemPatch RemoveTag(string tag)
    {
        _removedTags.Add(Tag(tag));
        return this;
    }

    /// <summary>
    /// The JSON-Patch document ADO takes: <c>test /rev</c> first, then the fields, the removed links (from the last, so that each index
    /// still points at its link), the added links and the tags.
    /// </summary>
    /// <param name="organizationUrl">The organization (or collection) the linked work items are in: <c>connection.OrganizationUrl</c>.</param>
    /// <exception cref="InvalidOperationException">A removal needs the item's current state (<see cref="For"/>), or the item has no such
    /// link, or the result passes ADO's limit of tags or links on one item (<see cref="AdoLimits"/>).</exception>
    public IReadOnlyList<JsonPatchOperation> ToOperations(Uri organizationUrl)
    {
        ArgumentNullException.ThrowIfNull(organizationUrl);
        var operations = new List<JsonPatchOperation>();
        if (ExpectedRevision is { } revision)
            operations.Add(Operation(JsonPatchOperationType.Test, "/rev", new JValue(revision)));
        foreach (var (name, value) in _fields)
            operations.Add(value is null ? Operation(JsonPatchOperationType.Remove, "/fields/" + name, null) : Operation(JsonPatchOperationType.Add, "/fields/" + name, value));

        var currentRelations = _current?.Relations ?? [];
        if (_removedRelations.Count > 0)
        {
            var current = _current ?? throw new InvalidOperationException($"Removing a link needs the item's current links: build the patch with WorkItemPatch.For(workItem), the item read with expand: Relations.");
            var indexes = _removedRelations.Select(r => IndexOf(current, r, organizationUrl)).Distinct().OrderDescending();
            operations.AddRange(indexes.Select(i => Operation(JsonPatchOperationType.Remove, "/relations/" + i.ToString(CultureInfo.InvariantCulture), null)));
        }
        if (currentRelations.Count - _removedRelations.Count + _addedRelations.Count > AdoLimits.LinksPerWorkItem)
            throw new InvalidOperationException($"The item would have {currentRelations.Count - _removedRelations.Count + _addedRelations.Count} links; ADO allows {AdoLimits.LinksPerWorkItem} on one work item.");
        operations.AddRange(_addedRelations.Select(r => Operation(JsonPatchOperationType.Add, "/relations/-", r.ToJson(organizationUrl))));

        if (_removedTags.Count > 0)
        {
            var current = _current ?? throw new InvalidOperationException("Removing a tag needs the item's current tags (ADO removes one only by writing the whole list): build the patch with WorkItemPatch.For(workItem).");
            var tags = (current.GetField(WorkItemFields.Tags) ?? []).Concat(_addedTags)
                .Where(t => !_removedTags.Contains(t, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            operations.Add(Operation(JsonPatchOperationType.Replace, "/fields/" + WorkItemFields.Tags.ReferenceName, new JValue(WorkItemField<string>.JoinTags(CheckTagCount(tags)))));
        }
        else if (_addedTags.Count > 0)
        {
            // ADO's 'add' on System.Tags adds the named tags to the item's own.
            var tags = (_current?.GetField(WorkItemFields.Tags) ?? []).Concat(_addedTags).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            CheckTagCount(tags);
            operations.Add(Operation(JsonPatchOperationType.Add, "/fields/" + WorkItemFields.Tags.ReferenceName, new JValue(WorkItemField<string>.JoinTags(_addedTags.Distinct(StringComparer.OrdinalIgnoreCase)))));
        }
        return operations;
    }

    private WorkItemPatch AddLink(Relation relation)
    {
        _addedRelations.Add(relation);
        return this;
    }

    private WorkItemPatch RemoveLink(Relation relation)
    {
        _removedRelations.Add(relation);
        return this;
    }

    private static int IndexOf(WorkItem current, Relation removed, Uri organizationUrl)
    {
        var relations = current.Relations ?? [];
        for (var index = 0; index < relations.Count; index++)
            if (string.Equals(relations[index].Rel, removed.Type, StringComparison.OrdinalIgnoreCase) && removed.Matches(relations[index].Url, organizationUrl))
                return index;
        throw new InvalidOperationException($"Work item {current.Id} has no {removed.Type} link to {removed.Describe()}" +
            (current.Relations is null ? " (it was read without its links: read it with expand: Relations)." : "."));
    }

    private static IReadOnlyList<string> CheckTagCount(IReadOnlyList<string> tags) =>
        tags.Count <= AdoLimits.TagsPerWorkItem ? tags
            : throw new InvalidOperationException($"The item would have {tags.Count} tags; ADO allows {AdoLimits.TagsPerWorkItem} on one work item.");

    private static JsonPatchOperation Operation(JsonPatchOperationType op, string path, JToken? value) => new() { Op = op, Path = path, Value = value };

    private static int WorkItemId(int id, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(id))] string? parameter = null) =>
        id > 0 ? id : throw new ArgumentOutOfRangeException(parameter, id, "A work item id is a positive number.");

    private static string WebAddress(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? url.AbsoluteUri
            : throw new ArgumentException($"'{url}' is not an absolute http or https address.", nameof(url));
    }

    private static string ArtifactUri(string artifactUri)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(artifactUri);
        return artifactUri.StartsWith("vstfs:///", StringComparison.OrdinalIgnoreCase) && !artifactUri.Any(char.IsWhiteSpace)
            ? artifactUri
            : throw new ArgumentException($"'{artifactUri}' is not an artifact URI: one starts with vstfs:/// and has no spaces or line breaks.", nameof(artifactUri));
    }

    /// <summary>A tag as ADO stores it: trimmed, without the ';' and ',' that separate tags.</summary>
    private static string Tag(string tag)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        var trimmed = tag.Trim();
        return trimmed.IndexOfAny([';', ',', '\r', '\n']) < 0
            ? trimmed
            : throw new ArgumentException($"'{tag}' is not one tag: a tag has no ';', ',' or line break.", nameof(tag));
    }

    /// <summary>A link: to a work item by id, or to an address (hyperlink, artifact).</summary>
    private sealed record Relation(string Type, int? WorkItem, string? Address, string? Comment, string? Name = null)
    {
        private string Url(Uri organizationUrl) =>
            Address ?? organizationUrl.AbsoluteUri.TrimEnd('/') + "/_apis/wit/workItems/" + WorkItem!.Value.ToString(CultureInfo.InvariantCulture);

        public bool Matches(string? url, Uri organizationUrl) =>
            url is not null && (WorkItem is { } id
                ? url.EndsWith("/_apis/wit/workItems/" + id.ToString(CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase)
                : string.Equals(url, Url(organizationUrl), StringComparison.OrdinalIgnoreCase));

        public string Describe() => WorkItem is { } id ? "work item " + id.ToString(CultureInfo.InvariantCulture) : Address!;

        public JObject ToJson(Uri organizationUrl)
        {
            var link = new JObject { ["rel"] = Type, ["url"] = Url(organizationUrl) };
            var attributes = new JObject();
            if (Comment is not null)
                attributes["comment"] = Comment;
            if (Name is not null)
                attributes["name"] = Name;
            if (attributes.Count > 0)
                link["attributes"] = attributes;
            return link;
        }
    }
}
