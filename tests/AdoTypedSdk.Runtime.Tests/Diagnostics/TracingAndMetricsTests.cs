using System.Diagnostics;
using AdoTypedSdk.Testing;
using AdoTypedSdk.Tests.Infrastructure;
using AdoTypedSdk.WorkItemTracking;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using WireMock.ResponseBuilders;
using Xunit.Abstractions;

namespace AdoTypedSdk.Runtime.Tests.Diagnostics;

[CollectionDefinition(nameof(TracingAndMetricsTests), DisableParallelization = true)]
public sealed class TracingAndMetricsCollection;

/// <summary>
/// One span per ADO operation and the operation's metrics, read through OpenTelemetry's in-memory exporters. Not run in parallel with
/// other tests: listeners see every operation of the process.
/// </summary>
[Collection(nameof(TracingAndMetricsTests))]
public sealed class TracingAndMetricsTests(ITestOutputHelper output) : IDisposable
{
    private const string WorkItemPath = "/fabrikam/_apis/wit/workitems/12";
    private readonly EmbeddedAdo _ado = new();

    private static IResponseBuilder Ok() => Response.Create().WithHeader("ActivityId", "2a8ba8c1-0001").WithHeader("X-RateLimit-Resource", "Core")
        .WithHeader("X-RateLimit-Remaining", "120").WithHeader("X-RateLimit-Delay", "0.5").WithBody("""{ "id": 12 }""");

    [Fact]
    public async Task A_call_is_one_span_named_after_the_operation_with_the_http_span_as_its_child()
    {
        var spans = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(AdoDiagnostics.SourceName, "System.Net.Http").AddInMemoryExporter(spans).Build();
        _ado.RespondInSequence("GET", WorkItemPath, Ok);
        var connection = _ado.Connect(new FakeCredential());

        await connection.GetClient<WorkItemsClient>().GetWorkItemAsync(12);

        var span = Assert.Single(spans, s => s.Source.Name == AdoDiagnostics.SourceName);
        Assert.Equal("WorkItems.GetWorkItem", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("WorkItemTracking", span.GetTagItem("ado.area"));
        Assert.Equal("WorkItems.GetWorkItem", span.GetTagItem("ado.operation"));
        Assert.StartsWith(RepositoryFiles.ApiVersion, (string)span.GetTagItem("ado.api_version")!);
        Assert.Equal("GET", span.GetTagItem("http.request.method"));
        Assert.Equal(_ado.OrganizationUrl + "/_apis/wit/workitems/12", span.GetTagItem("url.full"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal("2a8ba8c1-0001", span.GetTagItem("ado.activity_id"));
        Assert.Equal(0, span.GetTagItem("ado.retry_count"));
        Assert.Contains(spans, s => s.Source.Name == "System.Net.Http" && s.ParentSpanId == span.SpanId);
        output.WriteLine($"{span.DisplayName} ({span.Kind}, {span.Duration.TotalMilliseconds:0.0} ms): " + string.Join(", ", span.TagObjects.Select(t => $"{t.Key}={t.Value}")));
    }

    [Fact]
    public async Task Tracing_turned_off_in_the_options_starts_no_span_as_azure_core_does()
    {
        var spans = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(AdoDiagnostics.SourceName, "Azure.*").AddInMemoryExporter(spans).Build();
        _ado.RespondInSequence("GET", WorkItemPath, Ok);
        var options = EmbeddedAdo.CreateOptions();
        options.Diagnostics.IsDistributedTracingEnabled = false;
        var connection = _ado.Connect(new FakeCredential(), options);

        var item = await connection.GetClient<WorkItemsClient>().GetWorkItemAsync(12);

        Assert.Equal(12, item.Id);
        Assert.DoesNotContain(spans, s => s.Source.Name == AdoDiagnostics.SourceName || s.Source.Name.StartsWith("Azure", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_throttled_call_records_its_duration_retry_and_rate_limit()
    {
        var metrics = new List<Metric>();
        using var metering = Sdk.CreateMeterProviderBuilder().AddMeter(AdoDiagnostics.SourceName).AddInMemoryExporter(metrics).Build();
        var spans = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(AdoDiagnostics.SourceName).AddInMemoryExporter(spans).Build();
        _ado.RespondInSequence("GET", WorkItemPath,
            () => Response.Create().WithStatusCode(429).WithHeader("Retry-After", "0").WithHeader("X-RateLimit-Resource", "Core").WithHeader("X-RateLimit-Remaining", "0"),
            Ok);
        var connection = _ado.Connect(new FakeCredential());

        await connection.GetClient<WorkItemsClient>().GetWorkItemAsync(12);
        metering.ForceFlush();

        Assert.Equal(1, Assert.Single(spans).GetTagItem("ado.retry_count"));
        var duration = Points(metrics, "ado.client.operation.duration");
        Assert.Equal(1, duration.Single(p => Tag(p, "ado.operation") == "WorkItems.GetWorkItem" && Tag(p, "http.response.status_code") == "200").GetHistogramCount());
        Assert.Equal(1, Points(metrics, "ado.client.operation.retries").Single().GetSumLong());
        // The last answer's remaining budget (120) is what the service reported; the throttled attempt's 0 was not a final answer.
        var remaining = Points(metrics, "ado.client.rate_limit.remaining").Single();
        Assert.Equal(120, remaining.GetHistogramSum());
        Assert.Equal("Core", Tag(remaining, "ado.rate_limit.resource"));
        Assert.Equal(0.5, Points(metrics, "ado.client.rate_limit.delay").Single().GetHistogramSum());
        foreach (var metric in metrics)
            foreach (var point in Points(metrics, metric.Name))
                output.WriteLine($"{metric.Name} ({metric.Unit}) {(metric.MetricType == MetricType.LongSum ? point.GetSumLong() : point.GetHistogramSum())}"
                    + (metric.MetricType == MetricType.LongSum ? "" : $" over {point.GetHistogramCount()}") + ": " + string.Join(", ", Tags(point)));
    }

    private static IEnumerable<string> Tags(MetricPoint point)
    {
        foreach (var tag in point.Tags)
            yield return $"{tag.Key}={tag.Value}";
    }

    private static List<MetricPoint> Points(List<Metric> metrics, string name)
    {
        var points = new List<MetricPoint>();
        foreach (var metric in metrics.Where(m => m.Name == name))
            foreach (ref readonly var point in metric.GetMetricPoints())
                points.Add(point);
        return points;
    }

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
            if (tag.Key == key)
                return Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture);
        return null;
    }

    public void Dispose() => _ado.Dispose();
}
