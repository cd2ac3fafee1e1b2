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
/// named none yet waits for every resource known. A connection's share of a budget other instances also spend is found from its own
/// requests: the usage ADO reports divided by the requests this connection sent in the window is the cost it paces by, so four
/// instances on one identity each pace as if a request cost four times as much, and together stay under the limit.
/// </para>
/// </summary>
internal sealed class AdoRateLimitGovernor(AdoThrottlingOptions options, TimeProvider time, ILogger? logger, string organization) : HttpPipelinePolicy
{
    private static readonly Meter Meter = new(AdoDiagnostics.SourceName, AdoDiagnostics.Version);
    private static readonly Histogram<double> Waits = Meter.CreateHistogram<double>("ado.client.throttle.wait", "s", "How long the rate-limit governor held a request before sending it.");

    /// <summary>ADO's window before an answer says otherwise.</summary>
    private static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(5);

    /// <summary>The sent-request times kept to estimate the cost of a request; more than ADO's budget allows in a window.</summary>
    private const int MaxSentTimes = 65536;

    private readonly object _lock = new();
    private readonly Dictionary<string, ResourceState> _resources = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, HashSet<string>> _resourcesByArea = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SemaphoreSlim> _areaGates = new(StringComparer.OrdinalIgnoreCase);
    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly SemaphoreSlim? _concurrency = options.MaxConcurrentRequests > 0 ? new SemaphoreSlim(options.MaxConcurrentRequests) : null;
    private TimeSpan _window = DefaultWindow;
    private DateTimeOffset _lastSent;
    private int _inFlight;
    private bool _inEpisode;

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
            while (NextWait(area) is { } wait)
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
                await Task.Delay(wait.Duration, time, message.CancellationToken).ConfigureAwait(false);
            }
            if (first is { } held && options.Mode == AdoThrottlingMode.Enforce)
                Report(message, held.Resource, held.Reason, time.GetElapsedTime(started), enforced: true);
            else if (first is null)
                _inEpisode = false;
            Sent(area);
        }
        finally
        {
            gate.Release();
        }
    }

    private readonly record struct Wait(string Resource, string Reason, TimeSpan Duration);

    /// <summary>The longest wait the area's resources ask for now, or null when the request may go.</summary>
    private Wait? NextWait(string area)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            Wait? longest = null;
            foreach (var (name, state) in ResourcesOf(area))
            {
                if (state.WaitAt(now, options.PaceBelowRemaining) is ({ } until, var reason) && until > now
                    && (longest is null || until - now > longest.Value.Duration))
                    longest = new Wait(name, reason, until - now);
            }
            return longest;
        }
    }

    /// <summary>The resources the area spends: those its answers named, else all; a resource ADO did not name applies to every area.</summary>
    private IEnumerable<KeyValuePair<string, ResourceState>> ResourcesOf(string area) =>
        _resourcesByArea.TryGetValue(area, out var named)
            ? _resources.Where(r => named.Contains(r.Key) || r.Key.Length == 0)
            : _resources;

    private void Sent(string area)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            _inFlight++;
            _lastSent = now;
            _sent.Enqueue(now);
            while (_sent.Count > MaxSentTimes || _sent.Count > 0 && now - _sent.Peek() > _window)
                _sent.Dequeue();
            foreach (var (_, state) in ResourcesOf(area))
                state.Sent(now);
        }
    }

    /// <summary>Reads the answer's rate-limit headers into the resource they name.</summary>
    private void Answered(HttpMessage message, string area)
    {
        var rateLimit = message.HasResponse ? AdoRateLimit.FromResponse(message.Response) : null;
        var now = time.GetUtcNow();
        lock (_lock)
        {
            _inFlight--;
            if (rateLimit is null)
                return;
            var name = rateLimit.Resource ?? "";
            if (!_resources.TryGetValue(name, out var state))
                _resources[name] = state = new ResourceState(_lastSent);
            if (name.Length > 0)
                (_resourcesByArea.TryGetValue(area, out var named) ? named : _resourcesByArea[area] = new(StringComparer.OrdinalIgnoreCase)).Add(name);
            if (rateLimit.Reset is { } reset && reset - now > _window)
                _window = reset - now;
            while (_sent.Count > 0 && now - _sent.Peek() > _window)
                _sent.Dequeue();
            state.Report(rateLimit, now, _inFlight, _sent.Count);
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
        if (_inEpisode)
            return;
        _inEpisode = true;
        if (logger?.IsEnabled(LogLevel.Information) == true)
            logger.LogInformation(
                "Azure DevOps asked {Organization} to slow down ({Reason}, resource {Resource}): {Action} {Operation} for {Wait:0.###} s; further waits of this episode are in the ado.client.throttle.wait metric.",
                organization, reason, NameOf(resource) ?? "unnamed", enforced ? "held" : "would have held (Observe mode)",
                message.TryGetProperty(typeof(AdoOperation), out var operation) ? operation : message.Request.Method.Method, seconds);
    }

    private static string? NameOf(string resource) => resource.Length == 0 ? null : resource;

    /// <summary>What ADO last said of one resource, and this connection's use of it since.</summary>
    /// <param name="lastSent">When the connection last sent: a resource first named now was spent by the requests before.</param>
    private sealed class ResourceState(DateTimeOffset lastSent)
    {
        private DateTimeOffset _holdUntil;
        private string _holdReason = "";
        private double? _limit;
        private double? _remaining;
        private DateTimeOffset? _reset;
        private DateTimeOffset _reported;
        private double _cost;
        private int _sentSinceReport;
        private DateTimeOffset _lastSent = lastSent;

        public void Report(AdoRateLimit rateLimit, DateTimeOffset now, int inFlight, int sentInWindow)
        {
            if (rateLimit.RetryAfter is { } retryAfter && now + retryAfter > _holdUntil)
                (_holdUntil, _holdReason) = (now + retryAfter, "Retry-After");
            if (rateLimit.Delay is { } delay && delay > TimeSpan.Zero && now + delay > _holdUntil)
                (_holdUntil, _holdReason) = (now + delay, "X-RateLimit-Delay");
            if (rateLimit is { Limit: > 0 and var limit, Remaining: { } remaining })
            {
                (_limit, _remaining, _reset, _reported) = (limit, remaining, rateLimit.Reset, now);
                // Requests still in flight were not counted yet by the answer that reported this.
                _sentSinceReport = inFlight;
                _cost = Math.Max(limit - remaining, 0) / Math.Max(sentInWindow, 1);
            }
        }

        public void Sent(DateTimeOffset now)
        {
            _sentSinceReport++;
            _lastSent = now;
        }

        /// <summary>
        /// When the next request may go and why: the hold, or its slot when what is left of the budget, less what was sent since ADO
        /// reported it, is spread over the time from that report to the reset.
        /// </summary>
        public (DateTimeOffset? Until, string Reason) WaitAt(DateTimeOffset now, double paceBelow)
        {
            var (until, reason) = (_holdUntil, _holdReason);
            if (_limit is { } limit && _remaining is { } remaining && _reset is { } reset && reset > now && _cost > 0)
            {
                var available = remaining - _cost * _sentSinceReport;
                if (available < paceBelow * limit)
                {
                    var slot = _lastSent + (reset - _reported) * (_cost / Math.Max(available, _cost));
                    if (slot > reset)
                        slot = reset;
                    if (slot > until)
                        (until, reason) = (slot, "X-RateLimit-Remaining");
                }
            }
            return (until, reason);
        }
    }
}
