using System.Collections.Concurrent;
using System.Diagnostics;
using AdoTypedSdk;
using AdoTypedSdk.Testing;
using Azure;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;

/// <summary>
/// A burst of work-item reads against <see cref="SimulatedAdo"/>, with the governor off, observing and enforcing, from one connection
/// and from four connections on the same identity (four instances of a service, which share the budget only through ADO's headers).
/// Each run reports the 429s, the requests ADO delayed, the calls that failed, and the time against the simulator's own minimum.
/// The Enforce run of one connection prints the metric points OpenTelemetry exported and the lines it logged.
/// Run: <c>dotnet run -c Release -- --rate-limits</c>.
/// </summary>
internal static class RateLimitBurst
{
    private const int Reads = 1000;
    private const int WorkersPerConnection = 16;
    private const double CostPerRead = 0.5;
    private const double TimeScale = 20;

    public static async Task RunAsync()
    {
        Console.WriteLine($"{Reads} work-item reads, {WorkersPerConnection} workers per connection, {CostPerRead} TSTU each, budget 200 TSTU per 5-minute window scaled {TimeScale}x (one window = {300 / TimeScale:0.#} s)");
        Console.WriteLine($"{"connections",-12} {"mode",-8} {"429s",6} {"delayed",8} {"failed",7} {"requests",9} {"time",8} {"minimum",8} {"ratio",6}");
        foreach (var connections in (int[])[1, 4])
        {
            foreach (var mode in (AdoThrottlingMode[])[AdoThrottlingMode.Off, AdoThrottlingMode.Observe, AdoThrottlingMode.Enforce])
            {
                var exportTelemetry = connections == 1 && mode == AdoThrottlingMode.Enforce;
                var result = await RunOnceAsync(connections, mode, exportTelemetry);
                Console.WriteLine($"{connections,-12} {mode,-8} {result.Refused,6} {result.Delayed,8} {result.Failed,7} {result.Requests,9} {result.Time.TotalSeconds,7:0.0}s {result.Minimum.TotalSeconds,7:0.0}s {result.Time / result.Minimum,5:0.00}x");
                if (exportTelemetry)
                    Console.WriteLine(result.Telemetry);
            }
        }
    }

    private sealed record Result(int Refused, int Delayed, int Failed, int Requests, TimeSpan Time, TimeSpan Minimum, string Telemetry);

    private static async Task<Result> RunOnceAsync(int connectionCount, AdoThrottlingMode mode, bool exportTelemetry)
    {
        var ado = new SimulatedAdo(new SimulatedAdoOptions { TimeScale = TimeScale, Cost = _ => CostPerRead });
        var telemetry = new StringWriter();
        using var meters = exportTelemetry
            ? Sdk.CreateMeterProviderBuilder().AddMeter(AdoDiagnostics.SourceName).AddInMemoryExporter(Exported).Build()
            : null;
        using var loggers = LoggerFactory.Create(builder =>
        {
            if (exportTelemetry)
                builder.AddProvider(new LineLogger(telemetry)).SetMinimumLevel(LogLevel.Information);
        });
        // One personal access token: every connection is the same identity to ADO.
        var token = new AzureKeyCredential("one-identity");
        var connections = Enumerable.Range(0, connectionCount).Select(_ =>
        {
            var options = new AdoClientOptions { Transport = ado.CreateTransport(), LoggerFactory = loggers };
            options.Throttling.Mode = mode;
            return new AdoConnection(ado.OrganizationUrl, token, options);
        }).ToList();

        var next = 0;
        var failed = 0;
        var stopwatch = Stopwatch.StartNew();
        var workers = connections.SelectMany(connection => Enumerable.Range(0, WorkersPerConnection).Select(_ => Task.Run(async () =>
        {
            var client = connection.GetClient<AdoTypedSdk.WorkItemTracking.WorkItemsClient>();
            while (Interlocked.Increment(ref next) is var id && id <= Reads)
            {
                try
                {
                    var workItem = await client.GetWorkItemAsync(id);
                    if (workItem.Id != id)
                        throw new InvalidOperationException($"Work item {id} came back as {workItem.Id}.");
                }
                catch (RequestFailedException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })));
        await Task.WhenAll(workers);
        var time = stopwatch.Elapsed;

        if (meters is not null)
        {
            meters.ForceFlush();
            telemetry.WriteLine("exported metric points (ado.client.throttle.wait):");
            foreach (var metric in Exported.Where(m => m.Name == "ado.client.throttle.wait"))
            {
                foreach (ref readonly var point in metric.GetMetricPoints())
                {
                    var tags = new List<string>();
                    foreach (var tag in point.Tags)
                        tags.Add($"{tag.Key}={tag.Value}");
                    point.TryGetHistogramMinMaxValues(out var min, out var max);
                    telemetry.WriteLine($"  {metric.Name} unit={metric.Unit} {{{string.Join(", ", tags)}}} count={point.GetHistogramCount()} sum={point.GetHistogramSum():0.###} min={min:0.###} max={max:0.###}");
                }
            }
            Exported.Clear();
        }
        return new Result(ado.Refused, ado.Delayed, failed, ado.Requests, time, ado.MinimumTime(Reads, CostPerRead), telemetry.ToString());
    }

    private static readonly List<Metric> Exported = [];

    /// <summary>The log lines of a run, as a console logger prints them: level, category, message.</summary>
    private sealed class LineLogger(TextWriter lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Category(lines, categoryName);

        public void Dispose() { }

        private sealed class Category(TextWriter lines, string name) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (lines)
                    lines.WriteLine($"log: {DateTimeOffset.UtcNow:HH:mm:ss.fff} {logLevel} {name}: {formatter(state, exception)}");
            }
        }
    }
}
