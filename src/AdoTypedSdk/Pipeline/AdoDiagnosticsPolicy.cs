using System.Diagnostics;
using System.Diagnostics.Metrics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AdoTypedSdk.Pipeline;

/// <summary>
/// One <see cref="Activity"/> per ADO operation (<c>WorkItems.GetWorkItem</c>), around every attempt of it, so the HTTP spans of
/// Azure.Core and .NET are its children; and the operation's metrics. Both are skipped when nobody listens.
/// Source and meter: <see cref="AdoDiagnostics.SourceName"/>. Spans follow <see cref="DiagnosticsOptions.IsDistributedTracingEnabled"/>, as
/// Azure.Core's own do; metrics follow the meter's listeners.
/// </summary>
/// <param name="tracing">Whether to start spans: the options' <see cref="DiagnosticsOptions.IsDistributedTracingEnabled"/>.</param>
internal sealed class AdoDiagnosticsPolicy(bool tracing) : HttpPipelinePolicy
{
    private static readonly ActivitySource Source = new(AdoDiagnostics.SourceName, AdoDiagnostics.Version);
    private static readonly Meter Meter = new(AdoDiagnostics.SourceName, AdoDiagnostics.Version);
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("ado.client.operation.duration", "s", "Duration of ADO operations, retries included.");
    private static readonly Counter<long> Retries = Meter.CreateCounter<long>("ado.client.operation.retries", "{retry}", "Requests sent again by the retry policy.");
    private static readonly Histogram<double> RateLimitRemaining = Meter.CreateHistogram<double>("ado.client.rate_limit.remaining", "{TSTU}", "X-RateLimit-Remaining as ADO reported it.");
    private static readonly Histogram<double> RateLimitDelay = Meter.CreateHistogram<double>("ado.client.rate_limit.delay", "s", "X-RateLimit-Delay as ADO reported it: how long ADO held the request.");

    /// <summary>Counts the attempts of a message; placed among the per-retry policies.</summary>
    public static HttpPipelinePolicy AttemptCounter { get; } = new AttemptCounterPolicy();

    /// <summary>Whether anyone listens: a trace listener on the source, or a meter listener on any instrument. Otherwise this policy only passes the message on.</summary>
    private bool IsObserved => tracing && Source.HasListeners() || IsMeasured;

    private static bool IsMeasured => Duration.Enabled || Retries.Enabled || RateLimitRemaining.Enabled || RateLimitDelay.Enabled;

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        IsObserved ? ProcessCoreAsync(message, pipeline, async: true) : ProcessNextAsync(message, pipeline);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (IsObserved)
            ProcessCoreAsync(message, pipeline, async: false).AsTask().GetAwaiter().GetResult();
        else
            ProcessNext(message, pipeline);
    }

    private async ValueTask ProcessCoreAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline, bool async)
    {
        var operation = message.TryGetProperty(typeof(AdoOperation), out var value) ? value as AdoOperation : null;
        var method = message.Request.Method.Method;
        using var activity = tracing ? Source.StartActivity(operation?.DisplayName ?? "ADO " + method, ActivityKind.Client) : null;
        if (activity is { IsAllDataRequested: true })
        {
            var uri = message.Request.Uri.ToUri();
            activity.SetTag("ado.area", operation?.Area.Name);
            activity.SetTag("ado.operation", operation?.DisplayName);
            activity.SetTag("ado.api_version", message.Request.Uri.Query.Split('&', '?').FirstOrDefault(p => p.StartsWith("api-version=", StringComparison.Ordinal))?["api-version=".Length..]);
            activity.SetTag("http.request.method", method);
            // Without the query: its values (continuation tokens, search text) stay out of traces.
            activity.SetTag("url.full", uri.GetLeftPart(UriPartial.Path));
            activity.SetTag("server.address", uri.Host);
        }
        var started = Stopwatch.GetTimestamp();
        string? errorType = null;
        try
        {
            await Next(message, pipeline, async).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            errorType = e.GetType().FullName;
            throw;
        }
        finally
        {
            var status = message.HasResponse ? message.Response.Status : 0;
            if (errorType is null && status >= 400)
                errorType = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var retries = Math.Max(0, (message.TryGetProperty(typeof(AttemptCounterPolicy), out var attempts) ? (int)attempts! : 1) - 1);
            var tags = new TagList
            {
                { "ado.area", operation?.Area.Name },
                { "ado.operation", operation?.DisplayName },
                { "http.response.status_code", status },
            };
            if (errorType is not null)
                tags.Add("error.type", errorType);
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
            if (retries > 0)
                Retries.Add(retries, new TagList { { "ado.area", operation?.Area.Name }, { "ado.operation", operation?.DisplayName } });
            RecordRateLimit(message, operation);
            if (activity is not null)
            {
                activity.SetTag("http.response.status_code", status);
                activity.SetTag("ado.retry_count", retries);
                if (message.HasResponse && message.Response.ActivityId is { } activityId)
                    activity.SetTag("ado.activity_id", activityId);
                if (errorType is not null)
                {
                    activity.SetTag("error.type", errorType);
                    activity.SetStatus(ActivityStatusCode.Error);
                }
            }
        }
    }

    private static void RecordRateLimit(HttpMessage message, AdoOperation? operation)
    {
        if (!message.HasResponse || AdoRateLimit.FromResponse(message.Response) is not { } rateLimit)
            return;
        var tags = new TagList { { "ado.area", operation?.Area.Name }, { "ado.rate_limit.resource", rateLimit.Resource } };
        if (rateLimit.Remaining is { } left)
            RateLimitRemaining.Record(left, tags);
        if (rateLimit.Delay is { } delay)
            RateLimitDelay.Record(delay.TotalSeconds, tags);
    }

    private static ValueTask Next(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline, bool async)
    {
        if (async)
            return ProcessNextAsync(message, pipeline);
        ProcessNext(message, pipeline);
        return ValueTask.CompletedTask;
    }

    private sealed class AttemptCounterPolicy : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            if (Source.HasListeners() || IsMeasured)
                message.SetProperty(typeof(AttemptCounterPolicy), (message.TryGetProperty(typeof(AttemptCounterPolicy), out var attempts) ? (int)attempts! : 0) + 1);
        }
    }
}
