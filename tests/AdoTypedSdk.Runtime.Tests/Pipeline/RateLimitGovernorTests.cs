using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Text;
using AdoTypedSdk.Tests.Infrastructure;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AdoTypedSdk.Runtime.Tests.Pipeline;

/// <summary>
/// The rate-limit governor on a fake clock: ADO's answers are scripted per request, and time moves only when a test advances it, so a
/// held request is seen not to be sent, then sent, without real waits.
/// </summary>
public sealed class RateLimitGovernorTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
    private readonly ScriptedAdo _ado = new();

    private AdoConnection Connect(Action<AdoThrottlingOptions>? configure = null, ILoggerFactory? loggers = null)
    {
        var options = new AdoClientOptions { Transport = new HttpClientTransport(new HttpClient(_ado)), TimeProvider = _time, LoggerFactory = loggers };
        options.Retry.MaxRetries = 0;
        configure?.Invoke(options.Throttling);
        return new AdoConnection(new Uri("https://dev.azure.com/fabrikam"), new FakeCredential(), options);
    }

    private static Task<Common.WorkItem> ReadWorkItem(AdoConnection connection, int id, CancellationToken cancellationToken = default) =>
        connection.GetClient<WorkItemTracking.WorkItemsClient>().GetWorkItemAsync(id, cancellationToken: cancellationToken);

    private static Task<Build.Build> ReadBuild(AdoConnection connection, int id) =>
        connection.GetClient<Build.BuildsClient>().GetBuildAsync("Fabrikam", id);

    [Fact]
    public async Task A_retry_after_on_a_200_holds_the_next_request_until_it_has_passed()
    {
        var connection = Connect();
        _ado.Answer(1, ("Retry-After", "10"), ("X-RateLimit-Resource", "Core"));

        await ReadWorkItem(connection, 1);
        var held = ReadWorkItem(connection, 2);

        Assert.False(_ado.Received(2, within: TimeSpan.FromMilliseconds(200)));
        await AssertSentOnlyAfter(2, held, TimeSpan.FromSeconds(10));
        Assert.Equal([1, 2], _ado.Order);
    }

    [Fact]
    public async Task A_delay_ado_reports_holds_the_next_request_as_long()
    {
        var connection = Connect();
        _ado.Answer(1, ("X-RateLimit-Delay", "4.5"), ("X-RateLimit-Resource", "Core"));

        await ReadWorkItem(connection, 1);
        var held = ReadWorkItem(connection, 2);

        await AssertSentOnlyAfter(2, held, TimeSpan.FromSeconds(4.5));
    }

    [Fact]
    public async Task A_hold_on_one_resource_does_not_hold_an_area_that_spends_another()
    {
        var connection = Connect();
        // Each area's answers name the resource it spends; then the work-item resource is held.
        _ado.Answer(1, ("X-RateLimit-Resource", "Release"), ("X-RateLimit-Limit", "200"), ("X-RateLimit-Remaining", "190"));
        await ReadBuild(connection, 1);
        _ado.Answer(2, ("X-RateLimit-Resource", "Core"), ("Retry-After", "30"));
        await ReadWorkItem(connection, 2);

        await ReadBuild(connection, 3).WaitAsync(TimeSpan.FromSeconds(10));
        var held = ReadWorkItem(connection, 4);

        await AssertSentOnlyAfter(4, held, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task An_area_that_has_named_no_resource_yet_waits_for_every_one()
    {
        var connection = Connect();
        _ado.Answer(1, ("X-RateLimit-Resource", "Core"), ("Retry-After", "5"));
        await ReadWorkItem(connection, 1);

        var build = ReadBuild(connection, 2);

        await AssertSentOnlyAfter(2, build, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_held_request_cancelled_fails_with_its_cancellation_and_is_never_sent()
    {
        var connection = Connect();
        _ado.Answer(1, ("Retry-After", "60"));
        await ReadWorkItem(connection, 1);
        using var cancellation = new CancellationTokenSource();

        var held = ReadWorkItem(connection, 2, cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => held.WaitAsync(TimeSpan.FromSeconds(10)));
        _time.Advance(TimeSpan.FromSeconds(60));
        Assert.False(_ado.Received(2, within: TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task A_wait_longer_than_allowed_fails_at_once_naming_the_wait_and_sends_nothing()
    {
        var connection = Connect(throttling => throttling.MaxWait = TimeSpan.FromSeconds(20));
        _ado.Answer(1, ("Retry-After", "45"), ("X-RateLimit-Resource", "Core"));
        await ReadWorkItem(connection, 1);

        var error = await Assert.ThrowsAsync<AdoThrottledException>(() => ReadWorkItem(connection, 2).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(TimeSpan.FromSeconds(45), error.RequiredWait);
        Assert.Equal(TimeSpan.FromSeconds(20), error.AllowedWait);
        Assert.Equal("Core", error.Resource);
        Assert.StartsWith("Azure DevOps asked this connection to slow down (resource Core): WorkItems.GetWorkItem would wait 45 s, more than the 20 s allowed.", error.Message);
        Assert.Equal([1], _ado.Order);
    }

    [Fact]
    public async Task A_scope_that_must_not_wait_fails_fast_while_other_calls_still_wait()
    {
        var connection = Connect();
        _ado.Answer(1, ("Retry-After", "3"));
        await ReadWorkItem(connection, 1);

        using (AdoThrottling.WaitAtMost(TimeSpan.Zero))
        {
            var error = await Assert.ThrowsAsync<AdoThrottledException>(() => ReadWorkItem(connection, 2).WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.Equal(TimeSpan.Zero, error.AllowedWait);
            Assert.Null(error.Resource);
        }
        var outside = ReadWorkItem(connection, 3);
        _time.Advance(TimeSpan.FromSeconds(3));
        await outside.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([1, 3], _ado.Order);
    }

    [Fact]
    public async Task As_the_remaining_budget_falls_the_next_requests_are_spread_over_the_time_left()
    {
        var connection = Connect(throttling => throttling.PaceBelowRemaining = 0.6);
        for (var id = 1; id <= 19; id++)
            await ReadWorkItem(connection, id);
        // 20 requests spent 100 of 200: 5 each. Pacing starts below 120 left and keeps 60 unspent, so 40 are spread over the minute
        // to the reset: a request every 60 s x 5/40 = 7.5 s.
        _ado.Answer(20, ("X-RateLimit-Resource", "Core"), ("X-RateLimit-Limit", "200"), ("X-RateLimit-Remaining", "100"), ("X-RateLimit-Reset", Reset(60)));
        await ReadWorkItem(connection, 20);

        var paced = ReadWorkItem(connection, 21);

        await AssertSentOnlyAfter(21, paced, TimeSpan.FromSeconds(7.5));
    }

    /// <summary>Ten requests spend 196 of 200 in a window of 60 s: nine at once, the tenth 30 s later, so the nine leave it 30 s after that.</summary>
    private async Task<AdoConnection> SpendTheBudgetInTwoSteps()
    {
        var connection = Connect();
        for (var id = 1; id <= 9; id++)
            await ReadWorkItem(connection, id);
        _time.Advance(TimeSpan.FromSeconds(30));
        _ado.Answer(10, ("X-RateLimit-Resource", "Core"), ("X-RateLimit-Limit", "200"), ("X-RateLimit-Remaining", "4"), ("X-RateLimit-Reset", Reset(60)));
        await ReadWorkItem(connection, 10);
        return connection;
    }

    [Fact]
    public async Task Requests_that_leave_the_window_give_their_budget_back()
    {
        var connection = await SpendTheBudgetInTwoSteps();

        var held = ReadWorkItem(connection, 11);

        await AssertSentOnlyAfter(11, held, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_request_on_budget_only_inferred_goes_alone_until_its_answer_says_what_is_left()
    {
        var connection = await SpendTheBudgetInTwoSteps();
        // Nine requests have left the window, but only ADO knows what other instances on the identity sent meanwhile.
        _time.Advance(TimeSpan.FromSeconds(30));
        _ado.HoldAnswers();

        var probe = ReadWorkItem(connection, 11);
        Assert.True(_ado.Received(11, within: TimeSpan.FromSeconds(5)));
        var next = ReadWorkItem(connection, 12);

        Assert.False(_ado.Received(12, within: TimeSpan.FromMilliseconds(200)));
        _ado.ReleaseAnswers();
        await Task.WhenAll(probe, next).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(Enumerable.Range(1, 12), _ado.Order);
    }

    [Fact]
    public async Task With_plenty_left_requests_go_at_once()
    {
        var connection = Connect();
        _ado.Answer(1, ("X-RateLimit-Resource", "Core"), ("X-RateLimit-Limit", "200"), ("X-RateLimit-Remaining", "120"), ("X-RateLimit-Reset", Reset(60)));
        await ReadWorkItem(connection, 1);

        await ReadWorkItem(connection, 2).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Held_requests_are_sent_once_each_when_the_hold_ends()
    {
        var connection = Connect();
        _ado.Answer(1, ("Retry-After", "2"));
        await ReadWorkItem(connection, 1);

        var held = new List<Task<Common.WorkItem>>();
        for (var id = 2; id <= 6; id++)
        {
            held.Add(ReadWorkItem(connection, id));
            await Task.Delay(200); // real time for the call to reach the governor before the next one starts
        }
        Assert.Equal([1], _ado.Order);
        _time.Advance(TimeSpan.FromSeconds(2));
        await Task.WhenAll(held).WaitAsync(TimeSpan.FromSeconds(10));

        // The governor admits them in the order they came, but once admitted they travel to the server side by side, so the server may
        // see neighbours swapped.
        Assert.Equal([1, 2, 3, 4, 5, 6], _ado.Order.Order());
    }

    [Fact]
    public async Task Observe_mode_sends_at_once_and_reports_the_wait_it_would_have_made()
    {
        var connection = Connect(throttling => throttling.Mode = AdoThrottlingMode.Observe);
        var waits = new ConcurrentBag<(double Seconds, bool Enforced)>();
        using var listener = ListenToWaits(waits);
        _ado.Answer(1, ("Retry-After", "8"), ("X-RateLimit-Resource", "Core"));
        await ReadWorkItem(connection, 1);

        await ReadWorkItem(connection, 2).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Contains(waits, w => w is { Seconds: 8, Enforced: false });
    }

    [Fact]
    public async Task Off_mode_neither_waits_nor_reports()
    {
        var connection = Connect(throttling => throttling.Mode = AdoThrottlingMode.Off);
        var waits = new ConcurrentBag<(double Seconds, bool Enforced)>();
        using var listener = ListenToWaits(waits);
        _ado.Answer(1, ("Retry-After", "8"));
        await ReadWorkItem(connection, 1);

        await ReadWorkItem(connection, 2).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.DoesNotContain(waits, w => w.Seconds == 8);
    }

    [Fact]
    public async Task A_wait_is_measured_put_on_the_operations_span_and_logged_once_per_episode()
    {
        var logs = new LogCapture("AdoTypedSdk");
        using var loggers = LoggerFactory.Create(builder => builder.AddProvider(logs));
        var connection = Connect(loggers: loggers);
        var waits = new ConcurrentBag<(double Seconds, bool Enforced)>();
        using var meterListener = ListenToWaits(waits);
        var events = new ConcurrentBag<ActivityEvent>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AdoDiagnostics.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { foreach (var e in activity.Events) events.Add(e); },
        };
        ActivitySource.AddActivityListener(activityListener);
        _ado.Answer(1, ("Retry-After", "5"), ("X-RateLimit-Resource", "Core"));
        await ReadWorkItem(connection, 1);
        _ado.Answer(2, ("Retry-After", "5"), ("X-RateLimit-Resource", "Core"));

        var second = ReadWorkItem(connection, 2);
        _time.Advance(TimeSpan.FromSeconds(5));
        await second.WaitAsync(TimeSpan.FromSeconds(10));
        var third = ReadWorkItem(connection, 3);
        _time.Advance(TimeSpan.FromSeconds(5));
        await third.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, waits.Count(w => w is { Seconds: 5, Enforced: true }));
        var spanWaits = events.Where(e => e.Name == "ado.throttle.wait").ToList();
        Assert.Equal(2, spanWaits.Count);
        Assert.All(spanWaits, e => Assert.Contains(e.Tags, t => t is { Key: "ado.throttle.wait_seconds", Value: 5.0 }));
        Assert.All(spanWaits, e => Assert.Contains(e.Tags, t => t is { Key: "ado.rate_limit.resource", Value: "Core" }));
        var line = Assert.Single(logs.Lines);
        Assert.Equal(
            "Information AdoTypedSdk.RateLimits: Azure DevOps asked https://dev.azure.com/fabrikam to slow down (Retry-After, resource Core): held WorkItems.GetWorkItem for 5 s; further waits of this episode are in the ado.client.throttle.wait metric.",
            line);
    }

    [Fact]
    public async Task No_more_requests_than_the_limit_are_in_flight_at_once()
    {
        var connection = Connect(throttling => throttling.MaxConcurrentRequests = 2);
        _ado.HoldAnswers();

        var calls = Enumerable.Range(1, 3).Select(id => ReadWorkItem(connection, id)).ToList();

        Assert.True(_ado.Received(1, within: TimeSpan.FromSeconds(5)) && _ado.Received(2, within: TimeSpan.FromSeconds(5)));
        Assert.False(_ado.Received(3, within: TimeSpan.FromMilliseconds(200)));
        _ado.ReleaseAnswers();
        await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(3, _ado.Order.Count);
    }

    /// <summary>
    /// Moves the clock to just before <paramref name="hold"/> has passed and checks that the request for <paramref name="id"/> is not
    /// sent yet, then to the end of the hold, and waits for the call.
    /// </summary>
    private async Task AssertSentOnlyAfter(int id, Task call, TimeSpan hold)
    {
        var justBefore = TimeSpan.FromSeconds(0.1);
        _time.Advance(hold - justBefore);
        Assert.False(_ado.Received(id, within: TimeSpan.FromMilliseconds(200)));
        _time.Advance(justBefore);
        await call.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private string Reset(int seconds) => (_time.GetUtcNow() + TimeSpan.FromSeconds(seconds)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static MeterListener ListenToWaits(ConcurrentBag<(double Seconds, bool Enforced)> waits)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == AdoDiagnostics.SourceName && instrument.Name == "ado.client.throttle.wait")
                    l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            var enforced = false;
            foreach (var tag in tags)
                if (tag.Key == "ado.throttle.enforced")
                    enforced = (bool)tag.Value!;
            waits.Add((Math.Round(value, 3), enforced));
        });
        listener.Start();
        return listener;
    }

    /// <summary>ADO answering work items and builds by id, with the headers a test scripts for an id, and the order ids arrived in.</summary>
    private sealed class ScriptedAdo : HttpMessageHandler
    {
        private readonly ConcurrentDictionary<int, (string, string)[]> _headers = new();
        private readonly ConcurrentDictionary<int, TaskCompletionSource> _received = new();
        private readonly List<int> _order = [];
        private TaskCompletionSource? _release;

        public List<int> Order { get { lock (_order) return [.. _order]; } }

        public void Answer(int id, params (string Name, string Value)[] headers) => _headers[id] = headers;

        public void HoldAnswers() => _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void ReleaseAnswers() => _release?.TrySetResult();

        /// <summary>Whether the request for <paramref name="id"/> arrives within the real time given.</summary>
        public bool Received(int id, TimeSpan within) => Arrival(id).Task.Wait(within);

        private TaskCompletionSource Arrival(int id) => _received.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var id = int.Parse(request.RequestUri!.Segments[^1].TrimEnd('/'), CultureInfo.InvariantCulture);
            lock (_order)
                _order.Add(id);
            Arrival(id).TrySetResult();
            if (_release is { } release)
                await release.Task.WaitAsync(cancellationToken);
            var response = new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent($$$"""{"id":{{{id}}},"rev":1,"fields":{}}""", Encoding.UTF8, "application/json"),
            };
            foreach (var (name, value) in _headers.GetValueOrDefault(id) ?? [])
                response.Headers.TryAddWithoutValidation(name, value);
            return response;
        }
    }
}
