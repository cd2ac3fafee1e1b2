using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk;

/// <summary>
/// An Azure DevOps REST call that did not succeed: the status, ADO's own error (<see cref="TypeKey"/>, <see cref="ErrorCode"/>,
/// <see cref="ServerMessage"/> and inner errors from its <c>WrappedException</c> body), the <see cref="ActivityId"/> to quote to
/// Microsoft support, and the rate-limit headers when ADO sent them. It never holds request headers, so never a token.
/// </summary>
public partial class AdoApiException : Exception
{
    /// <summary>Creates the exception for a response with an unexpected status; called by the generated clients.</summary>
    public AdoApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
        : this(message, statusCode, response, headers, AdoServerError.Parse(response), innerException)
    {
    }

    private protected AdoApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, AdoServerError? serverError, Exception? innerException, bool keepMessage = false)
        : base(Describe(message, statusCode, serverError, Header(headers, "ActivityId"), keepMessage, response), innerException)
    {
        StatusCode = statusCode;
        Response = response;
        Headers = headers;
        ServerError = serverError;
        ActivityId = Header(headers, "ActivityId");
        RateLimit = AdoRateLimit.FromHeaders(headers);
    }

    /// <summary>The HTTP status code of the response (0 when no response was received).</summary>
    public int StatusCode { get; }

    /// <summary>The response body as text, when there was one.</summary>
    public string? Response { get; }

    /// <summary>The response headers.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    /// <summary>ADO's error from the response body, with its inner errors; null when the body was not an ADO error.</summary>
    public AdoServerError? ServerError { get; }

    /// <summary>ADO's error type, e.g. <c>WorkItemUnauthorizedAccessException</c>.</summary>
    public string? TypeKey => ServerError?.TypeKey;

    /// <summary>ADO's numeric error code.</summary>
    public int? ErrorCode => ServerError?.ErrorCode;

    /// <summary>ADO's message, e.g. <c>TF401232: Work item 5 does not exist…</c>.</summary>
    public string? ServerMessage => ServerError?.Message;

    /// <summary>The <c>ActivityId</c> response header, which identifies the request to Microsoft support.</summary>
    public string? ActivityId { get; }

    /// <summary>The rate-limit headers of the response, when ADO sent any.</summary>
    public AdoRateLimit? RateLimit { get; }

    internal static string? Header(IReadOnlyDictionary<string, IEnumerable<string>> headers, string name) =>
        headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    // keepMessage: the SDK's advice (an authentication checklist) stays beside ADO's own error instead of being replaced by it.
    private const int BodyExcerptLength = 500;

    private static string Describe(string message, int statusCode, AdoServerError? error, string? activityId, bool keepMessage, string? response)
    {
        var text = new StringBuilder(statusCode > 0 ? $"Azure DevOps answered HTTP {statusCode}" : message);
        if (error is not null)
            text.Append(" (").Append(error.TypeKey ?? "error").Append(error.ErrorCode is { } code ? $" {code}" : "").Append("): ").Append(error.Message);
        if (statusCode > 0 && (error is null || keepMessage))
            text.Append(error is null ? ": " : " ").Append(message);
        if (error is null && !string.IsNullOrWhiteSpace(response))
            text.Append(" Body: ").Append(response.Length <= BodyExcerptLength ? response : response[..BodyExcerptLength] + "…");
        if (activityId is not null)
            text.Append(" ActivityId: ").Append(activityId).Append('.');
        return text.ToString();
    }
}

/// <summary>An Azure DevOps REST call answered with a documented error body of type <typeparamref name="TResult"/>.</summary>
public partial class AdoApiException<TResult> : AdoApiException
{
    /// <summary>Creates the exception for a documented error response; called by the generated clients.</summary>
    public AdoApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, TResult result, Exception? innerException)
        : base(message, statusCode, response, headers, innerException)
    {
        Result = result;
    }

    /// <summary>The deserialized error body.</summary>
    public TResult Result { get; }
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
