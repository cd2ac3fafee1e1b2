using Azure.Core;
using Azure.Core.Pipeline;

namespace AdoTypedSdk.Pipeline;

/// <summary>
/// Reports the rate-limit headers of every answer that carries any (each attempt's, so a 429 that is retried is reported too) to
/// <see cref="AdoConnection.RateLimitReported"/>. The headers are read where they are.
/// </summary>
internal sealed class AdoRateLimitPolicy(Action<AdoRateLimit> report) : HttpPipelineSynchronousPolicy
{
    public override void OnReceivedResponse(HttpMessage message)
    {
        if (AdoRateLimit.FromResponse(message.Response) is { } rateLimit)
            report(rateLimit);
    }
}
