using System.Net.Http;
using System.Net.Sockets;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AdoTypedSdk.Pipeline;

/// <summary>
/// Azure.Core's retry (delays, <c>Retry-After</c>, cancellation) with one rule added: a request the service may have acted on is never sent
/// twice. GET, HEAD, PUT, DELETE and OPTIONS are retried as Azure.Core classifies them. POST and PATCH (a new work item, a comment, a
/// pipeline run) are retried only when the answer proves they were not processed (429, or 503 with <c>Retry-After</c>) or when the
/// connection failed before any of the request was sent, unless <see cref="AdoClientOptions.RetryWrites"/> says the caller's writes are
/// idempotent.
/// </summary>
internal sealed class AdoRetryPolicy(int maxRetries, DelayStrategy delay, bool retryWrites) : RetryPolicy(maxRetries, delay)
{
    public static AdoRetryPolicy From(AdoClientOptions options) => new(
        options.Retry.MaxRetries,
        options.Retry.Mode == RetryMode.Fixed
            ? DelayStrategy.CreateFixedDelayStrategy(options.Retry.Delay)
            : DelayStrategy.CreateExponentialDelayStrategy(options.Retry.Delay, options.Retry.MaxDelay),
        options.RetryWrites);

    protected override bool ShouldRetry(HttpMessage message, Exception? exception) =>
        exception is not AdoApiException // the SDK's own refusal (credentials over plain http) is no failure of the network
        && base.ShouldRetry(message, exception)
        && !message.TryGetProperty(typeof(OneShotStreamContent), out _) // its body cannot be sent again
        && (retryWrites || IsIdempotent(message.Request.Method) || WasNotProcessed(message, exception));

    protected override ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception) => new(ShouldRetry(message, exception));

    private static bool IsIdempotent(RequestMethod method) =>
        method == RequestMethod.Get || method == RequestMethod.Head || method == RequestMethod.Put || method == RequestMethod.Delete || method == RequestMethod.Options;

    private static bool WasNotProcessed(HttpMessage message, Exception? exception)
    {
        if (exception is not null)
            return FailedBeforeSending(exception);
        var response = message.Response;
        return response.Status == 429 || (response.Status == 503 && ResponseHeaderValues.Has(response, "Retry-After"));
    }

    /// <summary>Failures that happen before the first byte of the request leaves: no connection, no name, no TLS session.</summary>
    private static bool FailedBeforeSending(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError })
                return true;
            if (inner is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable })
                return true;
        }
        return false;
    }
}
