using System.Text;
using Azure;
using Azure.Core;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk;

/// <summary>
/// An Azure DevOps REST call that did not succeed, as Azure.Core's <see cref="RequestFailedException"/>: <see cref="RequestFailedException.Status"/>
/// is the HTTP status (0 when no complete answer arrived; the cause is the inner exception), <see cref="RequestFailedException.ErrorCode"/>
/// is ADO's <c>typeKey</c>, and <see cref="RequestFailedException.GetRawResponse"/> is the answer. ADO's own error is kept
/// (<see cref="ServerError"/>, <see cref="ServerMessage"/>), with the <see cref="ActivityId"/> to quote to Microsoft support and the
/// rate-limit headers. It never holds request headers, so never a token.
/// </summary>
public class AdoApiException : RequestFailedException
{
    private const int BodyExcerptLength = 500;

    /// <summary>An answer that is not a success of its operation (for tests that stand in for a client).</summary>
    public AdoApiException(Response response)
        : this(response, null)
    {
    }

    /// <summary>
    /// ADO's answer in <paramref name="failure"/>, restated with what the caller needs to know that ADO's message leaves out (every id it
    /// refused, the limit and how to stay under it); the same status, error and operation, and <paramref name="failure"/> as the inner exception.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="failure"/> holds no answer (a call that got none).</exception>
    public AdoApiException(AdoApiException failure, string detail)
        : this((failure ?? throw new ArgumentNullException(nameof(failure))).GetRawResponse()
               ?? throw new ArgumentException("The failure holds no answer to restate.", nameof(failure)),
            failure.Operation, detail, failure)
    {
    }

    internal AdoApiException(Response response, AdoOperation? operation, string? detail = null, Exception? innerException = null)
        : this(response, operation, innerException, (answer, error) => Describe(answer, operation, error, detail))
    {
    }

    /// <summary>An answer that is not a success; <paramref name="describe"/> writes the message's first line from it and ADO's error in it
    /// (Azure.Core adds the status, the error code, the content and the headers).</summary>
    private protected AdoApiException(Response response, AdoOperation? operation, Exception? innerException, Func<Response, AdoServerError?, string> describe)
        : base(ResponseHeaderValues.WithReadableHeaders(response), innerException, new Details(describe, out var details))
    {
        Operation = operation;
        ServerError = details.ServerError;
        ActivityId = response.ActivityId;
        RateLimit = response.RateLimit;
    }

    /// <summary>A call that got no complete answer.</summary>
    private protected AdoApiException(string message, AdoOperation? operation, Exception? innerException)
        : base(0, message, null, innerException)
    {
        Operation = operation;
    }

    /// <summary>The operation that failed (<c>WorkItems.GetWorkItem</c>); null for a followed link.</summary>
    public AdoOperation? Operation { get; }

    /// <summary>ADO's error from the response body, with its inner errors; null when the body was not an ADO error.</summary>
    public AdoServerError? ServerError { get; }

    /// <summary>ADO's error type, e.g. <c>WorkItemUnauthorizedAccessException</c>: the same as <see cref="RequestFailedException.ErrorCode"/>.</summary>
    public string? TypeKey => ServerError?.TypeKey;

    /// <summary>ADO's message, e.g. <c>TF401232: Work item 5 does not exist…</c>.</summary>
    public string? ServerMessage => ServerError?.Message;

    /// <summary>The <c>ActivityId</c> response header, which identifies the request to Microsoft support.</summary>
    public string? ActivityId { get; }

    /// <summary>The rate-limit headers of the response, when ADO sent any.</summary>
    public AdoRateLimit? RateLimit { get; }

    /// <summary>A call that got no complete answer: the network, the network timeout, after the retries.</summary>
    internal static AdoApiException NoAnswer(HttpMessage message, AdoOperation? operation, Exception failure)
    {
        // After the last retry Azure.Core throws an AggregateException of every attempt's failure; the last one says most.
        var last = failure is AggregateException { InnerExceptions: [.., var final] } ? final : failure;
        var what = last is OperationCanceledException ? "got no answer within the network timeout" : "failed before a complete answer arrived";
        var why = message.TryGetProperty(typeof(Pipeline.OneShotStreamContent), out _) ? " It was not retried: its body is a stream that cannot be rewound." : "";
        var named = operation is null ? "" : operation.DisplayName + ": ";
        return new AdoApiException($"{named}{message.Request.Method} {message.Request.Uri.ToUri().GetLeftPart(UriPartial.Path)} {what}: {last.Message}{why}", operation, failure);
    }

    /// <summary>What ADO answered, to which operation.</summary>
    private static string Describe(Response response, AdoOperation? operation, AdoServerError? error, string? detail)
    {
        var text = new StringBuilder($"Azure DevOps answered HTTP {response.Status}");
        if (operation is not null)
            text.Append(" to ").Append(operation.DisplayName);
        if (detail is not null)
            text.Append(": ").Append(detail);
        else if (error?.Message is { } message)
            text.Append(": ").Append(message).Append(VersionAdvice(error));
        else
            text.Append(", which is not a success of the operation").Append(Excerpt(Body(response)) is { } excerpt ? ": " + excerpt : ".");
        return text.ToString();
    }

    /// <summary>
    /// A server's refusal of the clients' version (<c>VssVersionOutOfRangeException</c>: "… The latest REST API version this server supports
    /// is 6.0.") names the profile that fits it.
    /// </summary>
    private static string VersionAdvice(AdoServerError error) =>
        error.TypeKey == "VssVersionOutOfRangeException"
        && System.Text.RegularExpressions.Regex.Match(error.Message ?? "", @"supports is (\d+\.\d+)") is { Success: true } match
        && AdoServerProfiles.ForServer(Version.Parse(match.Groups[1].Value)) is { } profile
            ? $" Generate the clients for this server: set AdoApiVersion to {profile.Name} ({profile.Product})."
            : "";

    /// <summary>The start of a body, to quote it in a message.</summary>
    internal static string? Excerpt(string? body) =>
        string.IsNullOrWhiteSpace(body) ? null : body.Length <= BodyExcerptLength ? body : body[..BodyExcerptLength] + "…";

    /// <summary>The body as text, when the pipeline buffered it.</summary>
    private protected static string? Body(Response response) =>
        response.ContentStream is MemoryStream ? response.Content.ToString() : null;

    /// <summary>Reads ADO's error from the body and writes the message's first line; Azure.Core adds the rest.</summary>
    private sealed class Details : RequestFailedDetailsParser
    {
        private readonly Func<Response, AdoServerError?, string> _describe;

        public Details(Func<Response, AdoServerError?, string> describe, out Details self)
        {
            _describe = describe;
            self = this;
        }

        public AdoServerError? ServerError { get; private set; }

        public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
        {
            ServerError = AdoServerError.Parse(Body(response));
            data = null;
            error = new ResponseError(ServerError?.TypeKey, _describe(response, ServerError));
            return true;
        }
    }
}

/// <summary>ADO's error body (a serialized <c>WrappedException</c>) and the errors it wraps.</summary>
/// <param name="Message">The server's message.</param>
/// <param name="TypeKey">The error type's short name, e.g. <c>WorkItemUnauthorizedAccessException</c>.</param>
/// <param name="TypeName">The error type's full .NET name on the server.</param>
/// <param name="ErrorCode">ADO's numeric error code.</param>
/// <param name="EventId">ADO's event id.</param>
/// <param name="InnerError">The error this one wraps, if any.</param>
public sealed record AdoServerError(string? Message, string? TypeKey, string? TypeName, int? ErrorCode, int? EventId, AdoServerError? InnerError)
{
    internal static AdoServerError? Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '{')
            return null;
        try
        {
            return From(JObject.Parse(body));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static AdoServerError? From(JToken? token) => token is JObject error && (error["message"] is not null || error["typeKey"] is not null)
        ? new AdoServerError((string?)error["message"], (string?)error["typeKey"], (string?)error["typeName"],
            (int?)error["errorCode"], (int?)error["eventId"], From(error["innerException"]))
        : null;
}
