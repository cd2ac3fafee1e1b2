using System.Globalization;
using AdoTypedSdk.GeneratedCode;
using Azure;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk;

/// <summary>
/// Work that ADO runs on the server and reports through its operations resource (<c>_apis/operations/{id}</c>): creating, renaming or
/// deleting a project, and every other call whose answer is an operation reference. The calls that start such work have an overload
/// whose first parameter is <see cref="WaitUntil"/> and that returns this; <c>WaitForCompletionAsync</c> reads the operation until it
/// succeeds (its value is the last read of <typeparamref name="T"/>, the operation reference) or throws a
/// <see cref="RequestFailedException"/> when it failed or was cancelled, with ADO's message.
/// </summary>
/// <typeparam name="T">The operation reference type of the area's clients.</typeparam>
/// <example>
/// <code>
/// var creation = await projects.QueueCreateProjectAsync(WaitUntil.Started, project);
/// // later, or in another process: new AdoServerOperation&lt;OperationReference&gt;(connection, creation.Id)
/// await creation.WaitForCompletionAsync();
/// </code>
/// </example>
// Visible, though its base (for generated code) is hidden: EditorBrowsable is inherited.
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Always)]
public class AdoServerOperation<T> : PollingOperation<T> where T : class
{
    private readonly AdoConnection _connection = null!;
    private readonly Uri _uri = null!;

    /// <summary>For mocking.</summary>
    protected AdoServerOperation()
    {
    }

    /// <summary>Resumes following operation <paramref name="id"/> (from <see cref="Operation.Id"/>) on <paramref name="connection"/>: for a new process, or another connection.</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not an operation id (a GUID).</exception>
    public AdoServerOperation(AdoConnection connection, string id)
        : this(connection, OperationId(id), null, null)
    {
    }

    private AdoServerOperation(AdoConnection connection, string id, Uri? uri, Response<T>? first)
        : base(id, first)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        _uri = uri ?? new Uri($"{connection.OrganizationUrl.AbsoluteUri.TrimEnd('/')}/_apis/operations/{id}?api-version={ApiVersionNumber()}");
    }

    /// <summary>For generated code: the operation an answer started, followed at the URL the answer gives.</summary>
    internal static AdoServerOperation<T> Started(AdoConnection connection, Response answer)
    {
        var reference = Read(answer);
        var id = (string?)reference["id"] ?? throw new AdoApiException(answer, null, "The answer is not an operation reference: it has no id.");
        var url = (string?)reference["url"];
        var first = Response.FromValue(reference.ToObject<T>(AdoJson.Serializer)!, answer);
        return new AdoServerOperation<T>(connection, id, Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null, first);
    }

    /// <inheritdoc/>
    protected override string Description => "Azure DevOps operation";

    /// <inheritdoc/>
    protected override Task<Response<T>> PollAsync(CancellationToken cancellationToken) => _connection.ReadAsync<T>(_uri, cancellationToken);

    /// <summary>ADO's operation statuses: notSet, queued and inProgress run; succeeded; cancelled and failed end without a result.</summary>
    protected override PollingState StateOf(Response<T> read)
    {
        var operation = Read(read.GetRawResponse());
        var status = (string?)operation["status"] ?? "notSet";
        return status.ToLowerInvariant() switch
        {
            "succeeded" => PollingState.Done(status),
            "failed" or "cancelled" => PollingState.Ended(status, (string?)operation["detailedMessage"] ?? (string?)operation["resultMessage"]),
            _ => PollingState.Running(status),
        };
    }

    private static JObject Read(Response response) =>
        response.Content is { } content && content.ToMemory().Length > 0 && JToken.Parse(content.ToString()) is JObject operation ? operation : [];

    private static string OperationId(string id) =>
        Guid.TryParse(id, out var guid) ? guid.ToString("D", CultureInfo.InvariantCulture)
            : throw new ArgumentException($"'{id}' is not an Azure DevOps operation id: one is a GUID, as Operation.Id gives it.", nameof(id));

    /// <summary>The REST version of the generated clients: a server profile's number (<c>azure-devops-server-6.0</c>: 6.0), else the cloud version.</summary>
    private static string ApiVersionNumber() =>
        AdoConnection.ApiVersion is { } version ? version[(version.LastIndexOf('-') + 1)..] : "7.1";
}
