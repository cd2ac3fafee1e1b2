using Azure.Core;

namespace AdoTypedSdk;

/// <summary>
/// Options for an <see cref="AdoConnection"/>: Azure.Core's retry, diagnostics (logging, tracing) and transport settings, plus ADO's own.
/// </summary>
public partial class AdoClientOptions : ClientOptions
{
    /// <summary>The Microsoft Entra scope of Azure DevOps, requested for every bearer token.</summary>
    public const string AzureDevOpsScope = "499b84ac-1321-427f-aa17-267ca6975798/.default";

    /// <summary>Creates options with ADO's retry and logging defaults.</summary>
    public AdoClientOptions()
    {
        Retry.MaxRetries = 3;
        Retry.Mode = RetryMode.Exponential;
        Retry.Delay = TimeSpan.FromSeconds(0.8);
        Retry.MaxDelay = TimeSpan.FromSeconds(60);
        foreach (var header in (string[])["ActivityId", "X-TFS-Session", "X-VSS-E2EID", "X-TFS-ProcessId", "X-MSEdge-Ref", "Retry-After",
                     "X-RateLimit-Resource", "X-RateLimit-Delay", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "X-TFS-FedAuthRedirect"])
            Diagnostics.LoggedHeaderNames.Add(header);
        foreach (var parameter in (string[])["api-version", "$top", "$skip", "$expand", "continuationToken"])
            Diagnostics.LoggedQueryParameters.Add(parameter);
    }

    /// <summary>
    /// Base addresses that replace the derived ones, by area name (<see cref="AdoArea.Name"/>, e.g. <c>Release</c>), for proxies,
    /// test servers, or deployments where an area lives elsewhere. Credentials are sent to these hosts too.
    /// </summary>
    public IDictionary<string, Uri> BaseAddressOverrides { get; } = new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Retry POST and PATCH like reads. Off by default: a POST or PATCH is retried only when ADO's answer proves it was not processed
    /// (429, or 503 with <c>Retry-After</c>) or the connection failed before the request was sent, so a work item, comment or pipeline
    /// run is never created twice. Turn it on only when every write sent through the connection is idempotent.
    /// </summary>
    public bool RetryWrites { get; set; }

    /// <summary>
    /// How many calls a split request sends at once: a list longer than ADO takes in one call (work item ids, 200 a call, so 450 ids
    /// are 3 calls) is sent in parts, each through the whole pipeline. 4 by default; 1 sends the parts one after another.
    /// </summary>
    public int SplitCallConcurrency
    {
        get;
        set => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(SplitCallConcurrency), value, "At least one call at a time.");
    } = 4;

    /// <summary>
    /// The size from which an upload that ADO can take in chunks (work item attachments) goes in chunks of <see cref="UploadChunkSize"/>:
    /// 130,000,000 bytes by default, ADO's own guidance (its "Attachments - Create" document: "On accounts with higher attachment upload
    /// limits (&gt;130MB), you will need to use chunked upload"). Below it, the content goes in one request.
    /// </summary>
    public long ChunkedUploadThreshold
    {
        get;
        set => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(ChunkedUploadThreshold), value, "A threshold is a positive number of bytes.");
    } = AdoLimits.AttachmentSimpleUploadBytes;

    /// <summary>
    /// The size of each chunk of a chunked upload: 8 MiB by default. A chunk is held in memory (the caller's stream is read once), so that
    /// a failed chunk is sent again on its own; the upload's memory is one chunk.
    /// </summary>
    public int UploadChunkSize
    {
        get;
        set => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(UploadChunkSize), value, "A chunk is a positive number of bytes.");
    } = 8 * 1024 * 1024;

    /// <summary>
    /// Allow plain http to an Azure DevOps Server collection (<c>http://tfs.contoso.local:8080/tfs/DefaultCollection</c>), credentials
    /// included. Off by default; never allowed for Azure DevOps Services (<c>*.azure.com</c>, <c>*.visualstudio.com</c>).
    /// </summary>
    public bool AllowHttpForOnPremisesCollection { get; set; }

    /// <summary>
    /// For clients generated for an on-premises profile: read once, before the first call, which REST API versions the server accepts
    /// (<c>OPTIONS {collection}/_apis/</c>), and fail every call at once with <see cref="AdoServerVersionException"/> when the profile is
    /// newer. On by default.
    /// </summary>
    public bool CheckServerVersion { get; set; } = true;

    /// <summary>
    /// The rate-limit governor: mode (<see cref="AdoThrottlingMode.Enforce"/> by default), longest wait, concurrent requests. See
    /// <see cref="AdoThrottlingOptions"/>.
    /// </summary>
    public AdoThrottlingOptions Throttling { get; } = new();

    /// <summary>
    /// Where the connection's own log messages go (the governor's first wait of each throttling episode, at information level), under the
    /// category <c>AdoTypedSdk.RateLimits</c>. Registration through <c>AddAdoConnection</c> sets the host's; Azure.Core's own logs reach
    /// <c>ILogger</c> through Microsoft.Extensions.Azure.
    /// </summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The clock the governor waits by; tests replace it.</summary>
    internal TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The scope requested for bearer tokens; <see cref="AzureDevOpsScope"/> unless ADO is reached through another resource.</summary>
    public string Scope { get; set; } = AzureDevOpsScope;
}
