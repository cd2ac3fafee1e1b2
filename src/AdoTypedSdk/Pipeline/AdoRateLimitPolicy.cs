using Azure.Core;
using Azure.Core.Pipeline;

namespace AdoTypedSdk.Pipeline;

/// <summary>
/// Reports the rate-limit headers of every answer that carries any (each attempt's, so a 429 that is retried is reported too) to
/// <see cref="AdoConnection.RateLimitReported"/>. The headers are read where they are, once: the attempt's message keeps what they said
/// (<see cref="Of"/>) for the rate-limit governor.
/// </summary>
internal sealed class AdoRateLimitPolicy(Action<AdoRateLimit> report) : HttpPipelineSynchronousPolicy
{
    /// <summary>What an attempt keeps until its answer's headers are read, and when they say nothing: a property cannot be null.</summary>
    private static readonly object NoHeaders = new();

    public override void OnSendingRequest(HttpMessage message) => message.SetProperty(typeof(AdoRateLimit), NoHeaders);

    public override void OnReceivedResponse(HttpMessage message)
    {
        var rateLimit = AdoRateLimit.FromResponse(message.Response);
        message.SetProperty(typeof(AdoRateLimit), rateLimit ?? NoHeaders);
        if (rateLimit is not null)
            report(rateLimit);
    }

    /// <summary>The rate-limit headers of the message's last attempt, or null when its answer had none (or there was no answer).</summary>
    public static AdoRateLimit? Of(HttpMessage message) =>
        message.TryGetProperty(typeof(AdoRateLimit), out var rateLimit) ? rateLimit as AdoRateLimit : null;
}
