namespace AdoTypedSdk;

/// <summary>
/// The connection's rate-limit governor (<see cref="AdoClientOptions.Throttling"/>). ADO limits each identity per organization (200
/// TSTUs in a sliding five-minute window); one governor per connection holds the connection's next requests while ADO asks
/// (<c>Retry-After</c> on any status, <c>X-RateLimit-Delay</c>), and spreads them over the time left as <c>X-RateLimit-Remaining</c>
/// falls towards 0. Until ADO sends such headers it adds nothing but a lock per request.
/// </summary>
public sealed class AdoThrottlingOptions
{
    /// <summary>
    /// <see cref="AdoThrottlingMode.Enforce"/> by default: a governor that waits only when ADO has asked costs nothing otherwise, and
    /// without it every worker of a service learns of the limit from its own 429 (or from ADO's 30-second delays).
    /// </summary>
    public AdoThrottlingMode Mode { get; set; } = AdoThrottlingMode.Enforce;

    /// <summary>
    /// The longest a request is held (60 seconds by default). A request that would wait longer fails at once with
    /// <see cref="AdoThrottledException"/>, unsent; <see cref="AdoThrottling.WaitAtMost"/> shortens it for the calls of a scope.
    /// </summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The most requests of the connection in flight at once; 0 (the default) for no limit. Requests over it queue in order.</summary>
    public int MaxConcurrentRequests { get; set; }

    /// <summary>
    /// Below this share of <c>X-RateLimit-Limit</c> left (0.1 by default), requests are spread over the time until
    /// <c>X-RateLimit-Reset</c>, and half of it is kept unspent; above it they go at once. A larger share waits sooner and longer (0.2
    /// took 1.3 times as long as 0.1 in the rate-limit benchmark).
    /// </summary>
    public double PaceBelowRemaining { get; set; } = 0.1;
}
