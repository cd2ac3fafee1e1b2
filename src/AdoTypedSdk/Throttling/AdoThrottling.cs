namespace AdoTypedSdk;

/// <summary>Per-call limits on the rate-limit governor's waits.</summary>
public static class AdoThrottling
{
    private static readonly AsyncLocal<TimeSpan?> Limit = new();

    /// <summary>The longest wait allowed in the current scope, when one is set.</summary>
    internal static TimeSpan? CurrentLimit => Limit.Value;

    /// <summary>
    /// Lets the calls made in this scope (until the result is disposed, on this async flow) wait at most <paramref name="maxWait"/>
    /// for the governor, e.g. what is left of an HTTP trigger's own deadline; <see cref="TimeSpan.Zero"/> for calls that must not wait.
    /// A call that would wait longer fails at once with <see cref="AdoThrottledException"/>. Scopes nest; the shortest limit applies.
    /// </summary>
    public static IDisposable WaitAtMost(TimeSpan maxWait)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWait, TimeSpan.Zero);
        var outer = Limit.Value;
        Limit.Value = outer is { } o && o < maxWait ? o : maxWait;
        return new Scope(outer);
    }

    private sealed class Scope(TimeSpan? outer) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (_disposed)
                return;
            _disposed = true;
            Limit.Value = outer;
        }
    }
}
