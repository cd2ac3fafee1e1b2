namespace AdoTypedSdk;

/// <summary>
/// A request the rate-limit governor did not send, because the wait ADO asked for is longer than the caller allows
/// (<see cref="AdoThrottlingOptions.MaxWait"/>, or <see cref="AdoThrottling.WaitAtMost"/>). Nothing was sent; sending it later is safe.
/// </summary>
public sealed class AdoThrottledException : Exception
{
    internal AdoThrottledException(string? resource, TimeSpan requiredWait, TimeSpan allowedWait, string? operation)
        : base($"Azure DevOps asked this connection to slow down{(string.IsNullOrEmpty(resource) ? "" : $" (resource {resource})")}: " +
               $"{operation ?? "the request"} would wait {requiredWait.TotalSeconds:0.###} s, more than the {allowedWait.TotalSeconds:0.###} s allowed. " +
               "It was not sent; send it again later, or allow a longer wait (AdoThrottlingOptions.MaxWait, AdoThrottling.WaitAtMost).")
    {
        Resource = resource;
        RequiredWait = requiredWait;
        AllowedWait = allowedWait;
    }

    /// <summary>ADO's <c>X-RateLimit-Resource</c> the wait is for; null when ADO named none.</summary>
    public string? Resource { get; }

    /// <summary>How long the request would have waited.</summary>
    public TimeSpan RequiredWait { get; }

    /// <summary>The longest wait the caller allowed.</summary>
    public TimeSpan AllowedWait { get; }
}
