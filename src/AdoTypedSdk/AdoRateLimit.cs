using System.Globalization;

namespace AdoTypedSdk;

/// <summary>
/// ADO's rate-limit headers of one response (<c>X-RateLimit-*</c>, <c>Retry-After</c>). A successful response can carry them too, as a
/// warning before requests are delayed or refused: see <see cref="AdoConnection.RateLimitReported"/>.
/// </summary>
/// <param name="Resource">The throttled resource, e.g. <c>ATCPU</c> or <c>Concurrency</c>.</param>
/// <param name="Delay">How long ADO delayed this request.</param>
/// <param name="Limit">The total amount of the resource allowed.</param>
/// <param name="Remaining">How much of it is left before requests are delayed.</param>
/// <param name="Reset">When usage returns to zero.</param>
/// <param name="RetryAfter">How long to wait before the next request, when ADO asked.</param>
public sealed record AdoRateLimit(string? Resource, TimeSpan? Delay, double? Limit, double? Remaining, DateTimeOffset? Reset, TimeSpan? RetryAfter)
{
    private static readonly string[] HeaderNames = ["X-RateLimit-Resource", "X-RateLimit-Delay", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After"];

    /// <summary>Reads the headers; null when the response carried none of them.</summary>
    public static AdoRateLimit? FromHeaders(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return From(name => headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault());
    }

    /// <summary>Reads the headers of <paramref name="response"/> where they are, without copying them; null when it carried none.</summary>
    internal static AdoRateLimit? FromResponse(Azure.Response response)
    {
        var any = false;
        foreach (var name in HeaderNames)
            any |= ResponseHeaderValues.Has(response, name);
        return any ? From(name => ResponseHeaderValues.Get(response, name)) : null;
    }

    private static AdoRateLimit? From(Func<string, string?> header)
    {
        double? Number(string name) => double.TryParse(header(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

        var resource = header("X-RateLimit-Resource");
        var delay = Number("X-RateLimit-Delay");
        var limit = Number("X-RateLimit-Limit");
        var remaining = Number("X-RateLimit-Remaining");
        var reset = Number("X-RateLimit-Reset");
        var retryAfter = Number("Retry-After");
        if (resource is null && delay is null && limit is null && remaining is null && reset is null && retryAfter is null)
            return null;
        return new AdoRateLimit(
            resource,
            delay is { } d ? TimeSpan.FromSeconds(d) : null,
            limit,
            remaining,
            reset is { } r ? DateTimeOffset.FromUnixTimeMilliseconds((long)(r * 1000)) : null,
            retryAfter is { } a ? TimeSpan.FromSeconds(a) : null);
    }
}
