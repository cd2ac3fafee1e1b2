using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Core.Pipeline;

namespace AdoTypedSdk.Testing;

/// <summary>What <see cref="SimulatedAdo"/> models: ADO's budget per identity, in its own units, and how fast its time runs.</summary>
public sealed class SimulatedAdoOptions
{
    /// <summary>TSTUs an identity may spend in one <see cref="Window"/>: 200, as ADO allows.</summary>
    public double Budget { get; set; } = 200;

    /// <summary>ADO's sliding window: five minutes.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many times faster than real time the window and the delays pass: 20 makes the five-minute window 15 seconds.</summary>
    public double TimeScale { get; set; } = 1;

    /// <summary>What a request costs, in TSTUs; 1 unless set.</summary>
    public Func<HttpRequestMessage, double> Cost { get; set; } = _ => 1;

    /// <summary>The share of the budget spent from which answers carry ADO's warning headers (<c>X-RateLimit-*</c>).</summary>
    public double WarningShare { get; set; } = 0.5;

    /// <summary>The longest ADO holds a request (30 s, scaled like the window); a request that would need longer is refused with 429.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The <c>X-RateLimit-Resource</c> the budget is for.</summary>
    public string Resource { get; set; } = "Core";

    /// <summary>
    /// The answer to a request the budget admits; by default a work item for <c>GET …/_apis/wit/workitems/{id}</c> and <c>{}</c>
    /// for anything else.
    /// </summary>
    public Func<HttpRequestMessage, HttpResponseMessage>? Respond { get; set; }
}

/// <summary>
/// An Azure DevOps that enforces its rate limits, in process (no socket, no address is reached), for testing throughput behaviour. Each
/// identity (the <c>Authorization</c> header) has <see cref="SimulatedAdoOptions.Budget"/> TSTUs in a sliding window. As its usage
/// passes <see cref="SimulatedAdoOptions.WarningShare"/> answers carry <c>X-RateLimit-Resource</c>, <c>-Limit</c>, <c>-Remaining</c> and
/// <c>-Reset</c>; a request over the budget is held until the window admits it and answered with <c>X-RateLimit-Delay</c> and
/// <c>Retry-After</c> on its 200; one that would be held longer than <see cref="SimulatedAdoOptions.MaxDelay"/> is refused with 429,
/// <c>TF400733</c> and <c>Retry-After</c>. Header values are real seconds, so a client reads them as it reads ADO's.
/// </summary>
/// <example>
/// <code>
/// var ado = new SimulatedAdo(new SimulatedAdoOptions { TimeScale = 20 });
/// var options = new AdoClientOptions { Transport = ado.CreateTransport() };
/// var connection = new AdoConnection(ado.OrganizationUrl, new AzureKeyCredential("pat"), options);
/// </code>
/// </example>
public sealed partial class SimulatedAdo
{
    private readonly SimulatedAdoOptions _options;
    private readonly Dictionary<string, Identity> _identities = new(StringComparer.Ordinal);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;
    private int _requests;
    private int _delayed;
    private int _refused;

    /// <summary>Creates a simulator with its budget at 0 for every identity.</summary>
    public SimulatedAdo(SimulatedAdoOptions? options = null)
    {
        _options = options ?? new SimulatedAdoOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.Budget);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.TimeScale);
        Handler = new SimulatedHandler(this);
    }

    /// <summary>The organization URL to connect to. Its host is loopback with a port nothing listens on: only this simulator answers it.</summary>
    public Uri OrganizationUrl { get; } = new("https://127.0.0.1:9/fabrikam");

    /// <summary>The simulator as an <see cref="HttpMessageHandler"/>, for an <see cref="HttpClient"/>.</summary>
    public HttpMessageHandler Handler { get; }

    /// <summary>A transport for <c>AdoClientOptions.Transport</c> that sends every request to this simulator.</summary>
    public HttpPipelineTransport CreateTransport() => new HttpClientTransport(new HttpClient(Handler, disposeHandler: false));

    /// <summary>Requests received.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Requests held before being answered (<c>X-RateLimit-Delay</c>).</summary>
    public int Delayed => Volatile.Read(ref _delayed);

    /// <summary>Requests refused with 429.</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>The window in real time: <see cref="SimulatedAdoOptions.Window"/> divided by the time scale.</summary>
    public TimeSpan ScaledWindow => _options.Window / _options.TimeScale;

    /// <summary>
    /// The least time in which one identity can have <paramref name="requests"/> requests of <paramref name="cost"/> TSTUs each admitted:
    /// a window holds at most the budget, so every further window's worth of requests waits a whole window.
    /// </summary>
    public TimeSpan MinimumTime(int requests, double cost)
    {
        var perWindow = Math.Max(1, (int)Math.Floor(_options.Budget / cost));
        var windows = (requests + perWindow - 1) / perWindow;
        return ScaledWindow * Math.Max(0, windows - 1);
    }

    private TimeSpan Now => _clock.Elapsed;

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        var identity = request.Headers.Authorization?.ToString() ?? "";
        var cost = _options.Cost(request);
        Admission admission;
        lock (_identities)
        {
            if (!_identities.TryGetValue(identity, out var state))
                _identities[identity] = state = new Identity();
            admission = state.Admit(Now, cost, _options.Budget, ScaledWindow, _options.MaxDelay / _options.TimeScale);
        }
        if (admission.Refused)
        {
            Interlocked.Increment(ref _refused);
            var refusal = Json(HttpStatusCode.TooManyRequests,
                $$"""{"$id":"1","innerException":null,"message":"TF400733: The request has been canceled: Request was blocked due to exceeding usage of resource '{{_options.Resource}}' in namespace 'User'.","typeName":"Microsoft.TeamFoundation.Framework.Server.RequestBlockedException, Microsoft.TeamFoundation.Framework.Server","typeKey":"RequestBlockedException","errorCode":0,"eventId":3000}""");
            AddHeaders(refusal, admission);
            refusal.Headers.TryAddWithoutValidation("Retry-After", WholeSeconds(admission.Delay));
            return refusal;
        }
        if (admission.Delay > TimeSpan.Zero)
        {
            Interlocked.Increment(ref _delayed);
            await Task.Delay(admission.Delay, cancellationToken).ConfigureAwait(false);
        }
        var response = _options.Respond?.Invoke(request) ?? DefaultAnswer(request);
        AddHeaders(response, admission);
        return response;
    }

    private void AddHeaders(HttpResponseMessage response, Admission admission)
    {
        if (admission.Usage < _options.WarningShare * _options.Budget && admission.Delay == TimeSpan.Zero)
            return;
        var headers = response.Headers;
        headers.Add("X-RateLimit-Resource", _options.Resource);
        headers.Add("X-RateLimit-Limit", _options.Budget.ToString(CultureInfo.InvariantCulture));
        headers.Add("X-RateLimit-Remaining", Math.Max(0, _options.Budget - admission.Usage).ToString("0.###", CultureInfo.InvariantCulture));
        // ADO sends whole seconds since the epoch; scaled, a second of its time is a fraction of one.
        var reset = Math.Ceiling((_started + admission.Reset).ToUnixTimeMilliseconds() / 1000.0 * _options.TimeScale) / _options.TimeScale;
        headers.Add("X-RateLimit-Reset", reset.ToString("0.###", CultureInfo.InvariantCulture));
        if (admission is { Refused: false, Delay.Ticks: > 0 })
        {
            headers.Add("X-RateLimit-Delay", admission.Delay.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
            headers.TryAddWithoutValidation("Retry-After", WholeSeconds(admission.Delay));
        }
    }

    /// <summary>
    /// A wait as ADO writes it: whole seconds, rounded up, at least 1. Scaled time has fractions ADO cannot write, so at a time scale
    /// above 1 a client is asked to wait longer than the simulator needs; a client that avoids the delays does not notice.
    /// </summary>
    private static string WholeSeconds(TimeSpan wait) => Math.Max(1, Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static HttpResponseMessage DefaultAnswer(HttpRequestMessage request)
    {
        var workItem = WorkItemPath().Match(request.RequestUri?.AbsolutePath ?? "");
        return workItem.Success && request.Method == HttpMethod.Get
            ? Json(HttpStatusCode.OK, $$$"""{"id":{{{workItem.Groups[1].Value}}},"rev":1,"fields":{"System.Title":"Simulated work item {{{workItem.Groups[1].Value}}}","System.State":"New"}}""")
            : Json(HttpStatusCode.OK, "{}");
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    [GeneratedRegex(@"/_apis/wit/workitems/(\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex WorkItemPath();

    /// <param name="Refused">Whether the request is answered 429.</param>
    /// <param name="Delay">How long the request is held, or would have had to be when refused.</param>
    /// <param name="Usage">The identity's usage in the window once the request is charged.</param>
    /// <param name="Reset">When the usage would return to 0 if nothing more were sent (since the simulator started).</param>
    private readonly record struct Admission(bool Refused, TimeSpan Delay, double Usage, TimeSpan Reset);

    /// <summary>One identity's charges, in the order they are executed (a held request is charged when it runs).</summary>
    private sealed class Identity
    {
        private readonly List<(TimeSpan At, double Cost)> _charges = [];

        public Admission Admit(TimeSpan now, double cost, double budget, TimeSpan window, TimeSpan maxDelay)
        {
            _charges.RemoveAll(c => c.At <= now - window);
            // Requests run in the order they came: no earlier than the last one held.
            var at = _charges.Count > 0 && _charges[^1].At > now ? _charges[^1].At : now;
            while (UsageAt(at, window) + cost > budget && _charges.FirstOrDefault(c => c.At > at - window) is { Cost: > 0 } oldest)
                at = oldest.At + window + TimeSpan.FromTicks(1);
            var delay = at - now;
            if (delay > maxDelay)
                return new Admission(true, delay, UsageAt(now, window), Reset(window));
            _charges.Add((at, cost));
            return new Admission(false, delay, UsageAt(at, window), Reset(window));
        }

        private double UsageAt(TimeSpan at, TimeSpan window)
        {
            var usage = 0.0;
            foreach (var (time, cost) in _charges)
                if (time > at - window && time <= at)
                    usage += cost;
            return usage;
        }

        private TimeSpan Reset(TimeSpan window) => _charges.Count == 0 ? TimeSpan.Zero : _charges[^1].At + window;
    }

    private sealed class SimulatedHandler(SimulatedAdo ado) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            ado.SendAsync(request, cancellationToken);
    }
}
