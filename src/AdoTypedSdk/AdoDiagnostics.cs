namespace AdoTypedSdk;

/// <summary>
/// Names for OpenTelemetry: <c>.AddSource(AdoDiagnostics.SourceName)</c> for one span per ADO operation, <c>.AddMeter(AdoDiagnostics.SourceName)</c>
/// for <c>ado.client.operation.duration</c>, <c>ado.client.operation.retries</c>, <c>ado.client.rate_limit.remaining</c> and
/// <c>ado.client.rate_limit.delay</c>. Azure.Core's HTTP spans (<c>Azure.Core.Http</c>) are children of the operation's span.
/// </summary>
public static class AdoDiagnostics
{
    /// <summary>The <c>ActivitySource</c> and <c>Meter</c> name: <c>AdoTypedSdk</c>.</summary>
    public const string SourceName = "AdoTypedSdk";

    internal static string? Version { get; } = typeof(AdoDiagnostics).Assembly.GetName().Version?.ToString();
}
