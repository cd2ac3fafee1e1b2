namespace AdoTypedSdk;

public sealed partial class AdoConnection
{
    /// <summary>The rate-limit headers of the most recent response that carried any.</summary>
    public AdoRateLimit? LatestRateLimit { get; private set; }

    /// <summary>Raised for every response that carries rate-limit headers, successful or not.</summary>
    public event EventHandler<AdoRateLimit>? RateLimitReported;

    internal void Report(AdoRateLimit rateLimit)
    {
        LatestRateLimit = rateLimit;
        RateLimitReported?.Invoke(this, rateLimit);
    }
}
