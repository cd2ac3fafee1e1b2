using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AdoTypedSdk.Hooks;

/// <summary>
/// Receives ADO's service-hook deliveries: checks the credentials at the door (in constant time, before the body is read), refuses a
/// body over <see cref="ServiceHookReceiverOptions.MaxBodyBytes"/> and one that is not an event, reads the event with its typed resource,
/// and hands each event id to the handler once. ADO retries deliveries; the ids processed are kept in an <see cref="IDistributedCache"/>
/// (in memory by default; Redis or another shared cache where several instances receive).
/// </summary>
public sealed class ServiceHookReceiver
{
    private const string KeyPrefix = "AdoTypedSdk.ServiceHooks.";
    private static readonly byte[] Processing = [1];
    private static readonly byte[] Processed = [2];

    private readonly ServiceHookReceiverOptions _options;
    private readonly IDistributedCache _processed;
    private readonly ILogger _logger;
    private readonly byte[]? _basicCredentials;
    private readonly byte[]? _headerSecret;

    /// <exception cref="InvalidOperationException">Neither basic authentication nor a secret header is configured, or one only in part.</exception>
    public ServiceHookReceiver(IOptions<ServiceHookReceiverOptions> options, IDistributedCache processed, ILogger<ServiceHookReceiver>? logger = null)
    {
        _options = options.Value;
        _processed = processed;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        var basic = (_options.BasicUserName, _options.BasicPassword);
        var header = (_options.SecretHeaderName, _options.SecretHeaderValue);
        if (string.IsNullOrEmpty(basic.BasicUserName) != string.IsNullOrEmpty(basic.BasicPassword))
            throw new InvalidOperationException("AdoTypedSdk service hooks: set both BasicUserName and BasicPassword, or neither.");
        if (string.IsNullOrEmpty(header.SecretHeaderName) != string.IsNullOrEmpty(header.SecretHeaderValue))
            throw new InvalidOperationException("AdoTypedSdk service hooks: set both SecretHeaderName and SecretHeaderValue, or neither.");
        if (string.IsNullOrEmpty(basic.BasicUserName) && string.IsNullOrEmpty(header.SecretHeaderName))
            throw new InvalidOperationException(
                "AdoTypedSdk service hooks: no credentials configured, and ADO signs nothing. Set BasicUserName and BasicPassword (the " +
                "subscription's basic authentication) or SecretHeaderName and SecretHeaderValue (a header the subscription sends).");
        if (_options.MaxBodyBytes <= 0)
            throw new InvalidOperationException($"AdoTypedSdk service hooks: MaxBodyBytes must be positive, not {_options.MaxBodyBytes}.");
        if (!string.IsNullOrEmpty(basic.BasicUserName))
            _basicCredentials = Digest(basic.BasicUserName + ":" + basic.BasicPassword);
        if (!string.IsNullOrEmpty(header.SecretHeaderValue))
            _headerSecret = Digest(header.SecretHeaderValue);
    }

    /// <summary>
    /// Checks and reads one delivery and, unless its event was processed before, runs <paramref name="handle"/> on it. An exception of
    /// the handler propagates (answer 500, and ADO delivers again); the event is then not remembered as processed.
    /// </summary>
    public async Task<ServiceHookReceipt> ReceiveAsync(ServiceHookRequest request, Func<ServiceHookEvent, CancellationToken, Task> handle, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handle);
        if (!Authorized(request))
        {
            _logger.LogWarning("Refused a service-hook delivery: its credentials do not match the configured ones.");
            return new ServiceHookReceipt(401, "The delivery's credentials do not match the receiver's.")
                { WwwAuthenticate = _basicCredentials is null ? null : "Basic realm=\"Azure DevOps service hooks\", charset=\"UTF-8\"" };
        }
        if (request.ContentLength > _options.MaxBodyBytes)
            return TooLarge($"{request.ContentLength} bytes declared");

        var body = await ReadAtMostAsync(request.Body, _options.MaxBodyBytes, cancellationToken);
        if (body is null)
            return TooLarge("the body ran past it");

        ServiceHookEvent hookEvent;
        try
        {
            hookEvent = ServiceHookEvent.Read(body);
        }
        catch (ServiceHookFormatException e)
        {
            _logger.LogWarning("Refused a service-hook delivery: {Reason}", e.Message);
            return new ServiceHookReceipt(400, e.Message);
        }

        var key = KeyPrefix + hookEvent.Id;
        var state = await _processed.GetAsync(key, cancellationToken);
        if (state is not null)
        {
            var processed = state.AsSpan().SequenceEqual(Processed);
            _logger.LogInformation("Skipped a repeated delivery of {EventType} event {EventId}: {State}.", hookEvent.EventType, hookEvent.Id, processed ? "processed before" : "being processed");
            return processed
                ? new ServiceHookReceipt(200, $"Event {hookEvent.Id} was processed before; this delivery is skipped.", hookEvent, Duplicate: true)
                : new ServiceHookReceipt(409, $"Event {hookEvent.Id} is being processed by another delivery.", hookEvent, Duplicate: true);
        }

        await _processed.SetAsync(key, Processing, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = _options.ProcessingTimeout }, cancellationToken);
        try
        {
            await handle(hookEvent, cancellationToken);
        }
        catch
        {
            await _processed.RemoveAsync(key, CancellationToken.None);
            throw;
        }
        await _processed.SetAsync(key, Processed, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = _options.DeduplicationWindow }, CancellationToken.None);
        return new ServiceHookReceipt(200, $"Event {hookEvent.Id} ({hookEvent.EventType}) processed.", hookEvent);
    }

    private ServiceHookReceipt TooLarge(string detail)
    {
        _logger.LogWarning("Refused a service-hook delivery over {MaxBodyBytes} bytes ({Detail}).", _options.MaxBodyBytes, detail);
        return new ServiceHookReceipt(413, $"The body is over the receiver's limit of {_options.MaxBodyBytes} bytes ({detail}).");
    }

    /// <summary>Either check passes; each compares digests of equal length in constant time, so timing tells nothing of the secret.</summary>
    private bool Authorized(ServiceHookRequest request)
    {
        var authorized = false;
        if (_headerSecret is not null && request.Header(_options.SecretHeaderName!) is { } secret)
            authorized |= CryptographicOperations.FixedTimeEquals(Digest(secret), _headerSecret);
        if (_basicCredentials is not null && request.Header("Authorization") is { } authorization
            && authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) && Decoded(authorization["Basic ".Length..].Trim()) is { } credentials)
            authorized |= CryptographicOperations.FixedTimeEquals(Digest(credentials), _basicCredentials);
        return authorized;
    }

    private static string? Decoded(string base64)
    {
        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, bytes, out var written) ? Encoding.UTF8.GetString(bytes, 0, written) : null;
    }

    private static byte[] Digest(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    /// <summary>The body in memory, or null once it passes <paramref name="limit"/> bytes (reading stops there).</summary>
    private static async Task<MemoryStream?> ReadAtMostAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
                return null;
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        return buffer;
    }
}
