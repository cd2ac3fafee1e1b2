using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;

namespace AdoTypedSdk;

/// <summary>
/// The status and headers of one ADO answer, as Azure.Core's <see cref="Response"/>: <see cref="ETag"/> for a later <c>If-Match</c>,
/// <see cref="ActivityId"/> for a support ticket, <see cref="RateLimit"/>, <see cref="ContinuationToken"/>. The body was read into the
/// returned value, so <see cref="ContentStream"/> is empty. Returned by the <c>…WithResponseAsync</c> methods.
/// </summary>
public class AdoResponse : Response
{
    private const string ContinuationTokenHeader = "x-ms-continuationtoken";
    private readonly IReadOnlyDictionary<string, IEnumerable<string>> _headers;

    /// <summary>Wraps a status and the response's headers (content headers included); called by the generated clients.</summary>
    public AdoResponse(int status, IReadOnlyDictionary<string, IEnumerable<string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        Status = status;
        _headers = headers;
    }

    /// <inheritdoc />
    public override int Status { get; }

    /// <inheritdoc />
    public override string ReasonPhrase => "";

    /// <inheritdoc />
    public override Stream? ContentStream { get; set; }

    /// <inheritdoc />
    public override string ClientRequestId
    {
        get => TryGetHeader("x-ms-client-request-id", out var id) ? id : "";
        set { }
    }

    /// <summary>
    /// The <c>ETag</c> header as ADO sent it, quotes included: pass it as it is to the <c>If-Match</c> parameter of a later edit
    /// (<c>Headers.ETag</c> gives it parsed).
    /// </summary>
    public string? ETag => TryGetHeader("ETag", out var etag) ? etag : null;

    /// <summary>ADO's <c>ActivityId</c> of the request: quote it in a support ticket.</summary>
    public string? ActivityId => TryGetHeader("ActivityId", out var id) ? id : null;

    /// <summary>The <c>x-ms-continuationtoken</c> header: where a list continues, when it does.</summary>
    public string? ContinuationToken => TryGetHeader(ContinuationTokenHeader, out var token) && token.Length > 0 ? token : null;

    /// <summary>The rate-limit headers ADO sent with this answer, or null.</summary>
    public AdoRateLimit? RateLimit => AdoRateLimit.FromHeaders(_headers);

    /// <inheritdoc />
    public override void Dispose() => GC.SuppressFinalize(this);

    /// <inheritdoc />
    protected override bool ContainsHeader(string name) => Find(name) is not null;

    /// <inheritdoc />
    protected override IEnumerable<HttpHeader> EnumerateHeaders() =>
        _headers.Select(h => new HttpHeader(h.Key, string.Join(",", h.Value)));

    /// <inheritdoc />
    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
    {
        value = Find(name) is { } values ? string.Join(",", values) : null;
        return value is not null;
    }

    /// <inheritdoc />
    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        values = Find(name);
        return values is not null;
    }

    private IEnumerable<string>? Find(string name)
    {
        if (_headers.TryGetValue(name, out var values))
            return values;
        foreach (var (key, each) in _headers)
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase))
                return each;
        return null;
    }
}

/// <summary>Reads values out of responses for the generated methods.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class AdoResponseValue
{
    /// <summary>
    /// The value of <paramref name="response"/> once it arrives. Every generated plain method returns this instead of awaiting its
    /// <c>…WithResponseAsync</c> sibling itself, so the clients compile without a state machine per operation.
    /// </summary>
    public static async Task<T> Of<T>(Task<AdoResponse<T>> response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return (await response.ConfigureAwait(false)).Value;
    }
}

/// <summary>A value with the status and headers it came with; <c>GetRawResponse()</c> gives the <see cref="AdoResponse"/>.</summary>
public sealed class AdoResponse<T> : Response<T>
{
    private readonly AdoResponse _raw;

    /// <summary>Wraps a value with its answer's status and headers; called by the generated clients.</summary>
    public AdoResponse(int status, IReadOnlyDictionary<string, IEnumerable<string>> headers, T value)
    {
        _raw = new AdoResponse(status, headers);
        Value = value;
    }

    /// <inheritdoc />
    public override T Value { get; }

    /// <summary>The status and headers, typed: <see cref="AdoResponse.ActivityId"/>, <see cref="AdoResponse.ContinuationToken"/>…</summary>
    public override AdoResponse GetRawResponse() => _raw;
}
