namespace AdoTypedSdk;

/// <summary>
/// Azure DevOps' documented hard limits that the SDK's helpers work within (splitting, walking) or check before sending, each with its
/// source, so that a change at ADO is one edit here. A maximum that an operation's own document states (the 200 ids of
/// <c>GetWorkItems</c>) is also read from the document by the generator and compiled into that operation.
/// </summary>
public static class AdoLimits
{
    /// <summary>
    /// Work item ids one call reads: 200. More fail with <c>VS403474</c>.
    /// Source: "Work Items - List" and "Work Items - Get Work Items Batch", "(Maximum 200)",
    /// https://learn.microsoft.com/rest/api/azure/devops/wit/work-items/list.
    /// </summary>
    public const int WorkItemIdsPerCall = 200;

    /// <summary>
    /// Work items one WIQL query returns: 20,000. A query that matches more fails with <c>VS402337</c> unless <c>$top</c> caps it.
    /// Source: "Work tracking, process, and project limits", "Query results: 20,000 items",
    /// https://learn.microsoft.com/azure/devops/organizations/settings/work/object-limits.
    /// </summary>
    public const int QueryResults = 20_000;

    /// <summary>
    /// Characters of one WIQL query: 32,000. Source: "Work tracking, process, and project limits", "Query length: 32,000 characters",
    /// https://learn.microsoft.com/azure/devops/organizations/settings/work/object-limits.
    /// </summary>
    public const int QueryLength = 32_000;

    /// <summary>
    /// Tags on one work item: 100. Source: "Work tracking, process, and project limits", "Work item tags assigned to a work item: 100",
    /// https://learn.microsoft.com/azure/devops/organizations/settings/work/object-limits.
    /// </summary>
    public const int TagsPerWorkItem = 100;

    /// <summary>
    /// Links (relations) on one work item: 1,000. Source: "Work tracking, process, and project limits", "Work item links assigned to a
    /// work item: 1,000", https://learn.microsoft.com/azure/devops/organizations/settings/work/object-limits.
    /// </summary>
    public const int LinksPerWorkItem = 1_000;

    /// <summary>
    /// Bytes of a work item attachment that one request takes: 130,000,000. Larger attachments go in chunks. Source: the pinned
    /// "Attachments - Create" document, "On accounts with higher attachment upload limits (&gt;130MB), you will need to use chunked upload",
    /// https://learn.microsoft.com/rest/api/azure/devops/wit/attachments/create.
    /// </summary>
    public const long AttachmentSimpleUploadBytes = 130_000_000;

    /// <summary>
    /// Bytes of JSON one request may carry: 26,214,400 (25 MiB). Larger bodies (a git push or a TFVC changeset with file contents, which
    /// travel base64-encoded) are refused by the service after they were sent, with "The maximum request size of 26214400 bytes was
    /// exceeded"; the clients refuse them before sending. Source: that error as the service writes it, quoted in
    /// https://github.com/microsoft/azure-devops-dotnet-samples/issues/104 (TFVC changesets) and
    /// https://github.com/mburumaxwell/paklo/issues/2069 (git pushes); ADO documents no figure
    /// (https://github.com/MicrosoftDocs/azure-devops-docs/issues/8958).
    /// </summary>
    public const int JsonRequestBodyBytes = 26_214_400;
}
