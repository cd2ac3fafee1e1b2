using System.Diagnostics;
using System.Diagnostics.Metrics;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging;

namespace AdoTypedSdk.Pipeline;

/// <summary>
/// One per connection, so one per identity and organization, as ADO counts: holds the connection's next requests while ADO asks
/// (<c>Retry-After</c> on any status, <c>X-RateLimit-Delay</c>) and, as <c>X-RateLimit-Remaining</c> falls, spreads them over the time
/// until <c>X-RateLimit-Reset</c>. Every attempt passes it (it sits among the per-retry policies), before anything is sent, so waiting
/// never resends. Requests of one area are released in the order they came.
/// <para>
/// Which resource a request spends is learnt from the answers: an area waits for the resources its answers named, and an area that has
/// named none yet waits for every resource known. ADO's window slides, so the budget comes back as each request leaves it: the governor
/// keeps the times it sent at and counts its own requests leaving the window back into what ADO last reported as remaining. A
/// connection's share of a budget other instances also spend is found from its own requests: the usage ADO reports divided by the
/// requests this connection sent in the window is the cost it paces by, so four instances on one identity each pace as if a request
/// cost four times as much, and together stay under the limit. All resources count every request the connection sent, which errs on
/// the side of waiting when an area spends a budget of its own.
/// </para>
/// </summary>
internal sealed class AdoRateLimitGovernor(AdoThrottlingOptions options, TimeProvider time, ILogger? logger, string organization) : HttpPipelinePolicy
{
    private static readonly Meter Meter = new(AdoDiagnostics.SourceName, AdoDiagnostics.Version);
    private static readonly Histogram<double> Waits = Meter.CreateHistogram<double>("ado.client.throttle.wait", "s", "How long the rate-limit governor held a request before sending it.");

    /// <summary>ADO's window until answers show it: the longest time to <c>X-RateLimit-Reset</c> seen is the window (or nearly).</summary>
    private static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(5);


    /// <summary>A wait shorter than this is no wait: it would only be the clock's resolution.</summary>
    private static readonly TimeSpan ShortestWait = TimeSpan.FromMilliseconds(1);

    private readonly object _lock = new();
    private readonly Dictionary<string, ResourceState> _resources = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, HashSet<string>> _resourcesByArea = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SemaphoreSlim> _areaGates = new(StringComparer.OrdinalIgnoreCase);
    private readonly SendLog _sent = new();
    private readonly SemaphoreSlim? _concurrency = options.MaxConcurrentRequests > 0 ? new SemaphoreSlim(options.MaxConcurrentRequests) : null;
    private TimeSpan? _window;
    /// <summary>Whether a request sent on budget only inferred (requests leaving the window) awaits the answer that confirms it.</summary>
    private bool _probeInFlight;
    private TaskCompletionSource _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    /// <summary>When a request last waited: an episode of throttling ends once a window has passed without a wait.</summary>
    private DateTimeOffset? _lastWait;

    /// <summary>The key that marks a probe among a message's properties.</summary>
    private sealed class Probe;

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (options.Mode == AdoThrottlingMode.Off)
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
            return;
        }
        if (_concurrency is not null)
            await _concurrency.WaitAsync(message.CancellationToken).ConfigureAwait(false);
        try
        {
            var area = AreaOf(message);
            await AdmitAsync(message, area).ConfigureAwait(false);
            try
            {
                await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
            }
            finally
            {
                Answered(message, area);
            }
        }
        finally
        {
            _concurrency?.Release();
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    private static string AreaOf(HttpMessage message) =>
        message.TryGetProperty(typeof(AdoOperation), out var operation) && operation is AdoOperation { Area.Name: { } name } ? name : message.Request.Uri.Host ?? "";

    /// <summary>Waits for the request's turn: the holds and pacing of the resources its area spends, in the area's order.</summary>
    private async ValueTask AdmitAsync(HttpMessage message, string area)
    {
        SemaphoreSlim gate;
        lock (_lock)
            gate = _areaGates.TryGetValue(area, out var existing) ? existing : _areaGates[area] = new SemaphoreSlim(1, 1);
        await gate.WaitAsync(message.CancellationToken).ConfigureAwait(false);
        try
        {
            var allowed = AdoThrottling.CurrentLimit is { } scoped && scoped < options.MaxWait ? scoped : options.MaxWait;
            var started = time.GetTimestamp();
            Wait? first = null;
            bool probe;
            while (NextWait(area, out probe) is { } wait)
            {
                first ??= wait;
                var waited = time.GetElapsedTime(started);
                if (options.Mode == AdoThrottlingMode.Observe)
                {
                    Report(message, wait.Resource, wait.Reason, wait.Duration, enforced: false);
                    break;
                }
                if (waited + wait.Duration > allowed)
                    throw new AdoThrottledException(NameOf(wait.Resource), waited + wait.Duration, allowed,
                        message.TryGetProperty(typeof(AdoOperation), out var operation) ? operation?.ToString() : null);
                if (wait.Answer is { } answer)
                {
                    await Task.WhenAny(answer, Task.Delay(wait.Duration, time, message.CancellationToken)).ConfigureAwait(false);
                    message.CancellationToken.ThrowIfCancellationRequested();
                }
                else
                    await Task.Delay(wait.Duration, time, message.CancellationToken).ConfigureAwait(false);
            }
            if (probe)
                message.SetProperty(typeof(Probe), true);
            if (first is { } held && options.Mode == AdoThrottlingMode.Enforce)
                Report(message, held.Resource, held.Reason, time.GetElapsedTime(started), enforced: true);
            Sent();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <param name="Resource">The resource that asks for the wait ("" when ADO named none).</param>
    /// <param name="Reason">The header that asks for it.</param>
    /// <param name="Duration">How long.</param>
    /// <param name="Answer">When set, the wait ends early with the next answer.</param>
    private readonly record struct Wait(string Resource, string Reason, TimeSpan Duration, Task? Answer = null);

    /// <summary>The longest wait the area's resources ask for now, or null when the request may go.</summary>
    /// <param name="area">The request's area.</param>
    /// <param name="probe">
    /// Whether the request may go only because the connection's earlier requests have left the window. Such a request goes alone: the
    /// others wait for its answer, whose headers say what ADO counts now, including what other instances on the identity sent meanwhile.
    /// </param>
    private Wait? NextWait(string area, out bool probe)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            Wait? longest = null;
            string? inferred = null;
            foreach (var (name, state) in ResourcesOf(area))
            {
                var (until, reason, onInferredBudget) = state.WaitAt(now, options.PaceBelowRemaining, _sent, Window);
                if (until - now >= ShortestWait && (longest is null || until - now > longest.Value.Duration))
                    longest = new Wait(name, reason, until - now);
                if (onInferredBudget && options.Mode == AdoThrottlingMode.Enforce)
                    inferred = name;
            }
            probe = longest is null && inferred is not null && !_probeInFlight;
            if (longest is null && inferred is not null && _probeInFlight)
                longest = new Wait(inferred, "X-RateLimit-Remaining", ProbeWait, _answered.Task);
            if (probe)
                _probeInFlight = true;
            return longest;
        }
    }

    /// <summary>How long a request waits for a probe's answer before it looks again.</summary>
    private static readonly TimeSpan ProbeWait = TimeSpan.FromSeconds(1);

    /// <summary>The resources the area spends: those its answers named, else all; a resource ADO did not name applies to every area.</summary>
    private IEnumerable<KeyValuePair<string, ResourceState>> ResourcesOf(string area) =>
        _resourcesByArea.TryGetValue(area, out var named)
            ? _resources.Where(r => named.Contains(r.Key) || r.Key.Length == 0)
            : _resources;

    private void Sent()
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            _inFlight++;
            _sent.Add(now, keepAfter: now - 2 * Window);
        }
    }

    private TimeSpan Window => _window ?? DefaultWindow;

    /// <summary>Reads the answer's rate-limit headers into the resource they name.</summary>
    private void Answered(HttpMessage message, string area)
    {
        var rateLimit = AdoRateLimitPolicy.Of(message);
        var now = time.GetUtcNow();
        lock (_lock)
        {
            _inFlight--;
            if (message.TryGetProperty(typeof(Probe), out _))
                _probeInFlight = false;
            _answered.TrySetResult();
            _answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (rateLimit is null)
            {
                // ADO sends the headers only near the limit: an answer without them says the usage is below that.
                if (message.HasResponse)
                    foreach (var (_, quiet) in ResourcesOf(area))
                        quiet.Quiet();
                return;
            }
            var name = rateLimit.Resource ?? "";
            if (!_resources.TryGetValue(name, out var state))
                _resources[name] = state = new ResourceState();
            if (name.Length > 0)
                (_resourcesByArea.TryGetValue(area, out var named) ? named : _resourcesByArea[area] = new(StringComparer.OrdinalIgnoreCase)).Add(name);
            if (rateLimit.Reset is { } reset && reset - now > (_window ?? TimeSpan.Zero))
                _window = reset - now;
            state.Report(rateLimit, now, _inFlight, _sent, Window);
        }
    }

    private void Report(HttpMessage message, string resource, string reason, TimeSpan wait, bool enforced)
    {
        var seconds = wait.TotalSeconds;
        Waits.Record(seconds, new KeyValuePair<string, object?>("ado.rate_limit.resource", NameOf(resource)), new KeyValuePair<string, object?>("ado.throttle.enforced", enforced));
        Activity.Current?.AddEvent(new ActivityEvent("ado.throttle.wait", tags: new ActivityTagsCollection
        {
            ["ado.throttle.wait_seconds"] = seconds, ["ado.rate_limit.resource"] = NameOf(resource), ["ado.throttle.reason"] = reason, ["ado.throttle.enforced"] = enforced,
        }));
        var now = time.GetUtcNow();
        bool episodeStarts;
        lock (_lock)
        {
            episodeStarts = _lastWait is not { } last || now - last > Window;
            _lastWait = now;
        }
        if (!episodeStarts)
            return;
        if (logger?.IsEnabled(LogLevel.Information) == true)
            logger.LogInformation(
                "Azure DevOps asked {Organization} to slow down ({Reason}, resource {Resource}): {Action} {Operation} for {Wait:0.###} s; further waits of this episode are in the ado.client.throttle.wait metric.",
                organization, reason, NameOf(resource) ?? "unnamed", enforced ? "held" : "would have held (Observe mode)",
                message.TryGetProperty(typeof(AdoOperation), out var operation) ? operation : message.Request.Method.Method, seconds);
    }

    private static string? NameOf(string resource) => resource.Length == 0 ? null : resource;

    /// <summary>What ADO last said of one resource.</summary>
    private sealed class ResourceState
    {
        private DateTimeOffset _holdUntil;
        private string _holdReason = "";
        private double? _limit;
        private double? _remaining;
        private DateTimeOffset? _reset;
        private DateTimeOffset _reported;
        private double _cost;
        /// <summary>The first of the connection's requests that ADO counted in the usage it reported (sent within the window).</summary>
        private long _countedFrom;
        /// <summary>The first of the connection's requests the report did not count yet (those in flight, and all sent after).</summary>
        private long _uncountedFrom;

        public void Report(AdoRateLimit rateLimit, DateTimeOffset now, int inFlight, SendLog sent, TimeSpan window)
        {
            if (rateLimit.RetryAfter is { } retryAfter && now + retryAfter > _holdUntil)
                (_holdUntil, _holdReason) = (now + retryAfter, "Retry-After");
            if (rateLimit.Delay is { } delay && delay > TimeSpan.Zero && now + delay > _holdUntil)
                (_holdUntil, _holdReason) = (now + delay, "X-RateLimit-Delay");
            if (rateLimit is { Limit: > 0 and var limit, Remaining: { } remaining })
            {
                (_limit, _remaining, _reset, _reported) = (limit, remaining, rateLimit.Reset, now);
                _countedFrom = sent.FirstAfter(now - window);
                _uncountedFrom = sent.Count - inFlight;
                _cost = Math.Max(limit - remaining, 0) / Math.Max(_uncountedFrom - _countedFrom, 1);
            }
        }

        /// <summary>
        /// When the next request may go and why: the hold, or, once what is left of the budget falls below the pacing share, the earlier
        /// of two times: its slot when what is left (less a reserve of half that share) is spread over the time to the reset, and when
        /// enough of the connection's earlier requests have left the window to bring it back above that share.
        /// </summary>
        public (DateTimeOffset Until, string Reason, bool OnInferredBudget) WaitAt(DateTimeOffset now, double paceBelow, SendLog sent, TimeSpan window)
        {
            var (until, reason) = (_holdUntil, _holdReason);
            if (_limit is not { } limit || _remaining is not { } remaining || _reset is not { } reset || reset <= now || _cost <= 0)
                return (until, reason, false);
            var floor = Math.Max(paceBelow * limit, _cost);
            var left = sent.CountUpTo(_countedFrom, now - window);
            var reported = remaining - _cost * (sent.Count - _uncountedFrom);
            var available = reported + _cost * left;
            if (available >= floor)
                return (until, reason, reported < floor);
            // Half the pacing share stays unspent: connections on one identity each estimate the whole budget from their own share of
            // it, and the reserve absorbs what they get wrong together.
            var spendable = available - floor / 2;
            var spread = sent.Last + (reset - _reported) * (_cost / Math.Max(spendable, _cost));
            var needed = (long)Math.Ceiling((floor - available) / _cost);
            var slot = sent.TimeOf(_countedFrom + left + needed - 1) is { } leaves && leaves + window < spread ? leaves + window : spread;
            if (slot > reset)
                slot = reset;
            if (slot > until)
                (until, reason) = (slot, "X-RateLimit-Remaining");
            return (until, reason, false);
        }

        /// <summary>An answer without rate-limit headers: the usage is below ADO's warning level, so the last report no longer holds.</summary>
        public void Quiet() => (_limit, _remaining, _reset) = (null, null, null);
    }

    /// <summary>The times the connection sent at, numbered from its first request; those older than two windows are let go.</summary>
    private sealed class SendLog
    {
        private readonly List<DateTimeOffset> _times = [];
        private long _dropped;

        /// <summary>Requests sent so far; the number the next one gets.</summary>
        public long Count => _dropped + _times.Count;

        public DateTimeOffset Last => _times.Count > 0 ? _times[^1] : DateTimeOffset.MinValue;

        public void Add(DateTimeOffset at, DateTimeOffset keepAfter)
        {
            _times.Add(at);
            // Dropped in batches, so that adding stays cheap.
            var old = Bound(keepAfter);
            if (old > 1024 || old > 0 && old * 2 > _times.Count)
            {
                _times.RemoveRange(0, old);
                _dropped += old;
            }
        }

        /// <summary>The number of the first request sent after <paramref name="at"/>.</summary>
        public long FirstAfter(DateTimeOffset at) => _dropped + Bound(at);

        /// <summary>How many requests from number <paramref name="from"/> on were sent at or before <paramref name="at"/>.</summary>
        public long CountUpTo(long from, DateTimeOffset at) => Math.Max(FirstAfter(at) - from, 0);

        public DateTimeOffset? TimeOf(long number) =>
            number >= _dropped && number < Count ? _times[(int)(number - _dropped)] : null;

        /// <summary>The index of the first time later than <paramref name="at"/>.</summary>
        private int Bound(DateTimeOffset at)
        {
            int low = 0, high = _times.Count;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (_times[middle] <= at)
                    low = middle + 1;
                else
                    high = middle;
            }
            return low;
        }
    }
}
