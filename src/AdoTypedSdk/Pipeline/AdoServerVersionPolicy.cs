using Azure.Core;
using Azure.Core.Pipeline;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Pipeline;

/// <summary>
/// Before the first call of clients generated for an on-premises profile, reads once which REST API versions the server accepts, from
/// its own answer: <c>OPTIONS {collection}/_apis/</c> lists every resource location with its <c>maxVersion</c>, as the official client
/// reads them to negotiate. When the profile is newer than the server, every call fails at once with <see cref="AdoServerVersionException"/>
/// instead of the server's refusal of each. An answer that says nothing usable (an error, another shape) leaves calls to the server.
/// </summary>
/// <param name="collectionUrl">The collection the connection talks to.</param>
/// <param name="generatedFor">The <c>AdoApiVersion</c> of the generated clients.</param>
/// <param name="pipeline">The connection's pipeline, which sends the one request this policy makes itself (this policy lets it pass).</param>
internal sealed class AdoServerVersionPolicy(Uri collectionUrl, string generatedFor, Func<HttpPipeline> pipeline) : HttpPipelinePolicy
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private bool _known;
    private AdoServerVersionException? _mismatch;

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (!message.TryGetProperty(typeof(AdoServerVersionPolicy), out _))
        {
            if (!_known)
                await LearnAsync(message.CancellationToken).ConfigureAwait(false);
            if (_mismatch is { } mismatch)
                throw mismatch;
        }
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    /// <summary>The server's newest version, read through the pipeline (its credentials, retries and transport).</summary>
    private async ValueTask LearnAsync(CancellationToken cancellationToken)
    {
        await _once.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_known)
                return;
            var serverVersion = await ServerVersionAsync(cancellationToken).ConfigureAwait(false);
            if (serverVersion is not null && AdoServerProfiles.ApiVersionOf(generatedFor) is { } generated && generated > serverVersion)
            {
                var fits = AdoServerProfiles.ForServer(serverVersion);
                _mismatch = new AdoServerVersionException(generatedFor, serverVersion, fits?.Name, fits?.Product);
            }
            _known = true;
        }
        finally
        {
            _once.Release();
        }
    }

    private async ValueTask<Version?> ServerVersionAsync(CancellationToken cancellationToken)
    {
        using var probe = pipeline().CreateMessage();
        probe.BufferResponse = true;
        probe.SetProperty(typeof(AdoServerVersionPolicy), true);
        probe.Request.Method = RequestMethod.Options;
        probe.Request.Uri.Reset(new Uri(collectionUrl.AbsoluteUri.TrimEnd('/') + "/_apis/"));
        probe.Request.Headers.SetValue(HttpHeader.Names.Accept, "application/json");
        try
        {
            await pipeline().SendAsync(probe, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The call itself will meet whatever stopped the probe, and say so.
            return null;
        }
        return probe.HasResponse && probe.Response.Status == 200 ? MaxVersion(probe.Response) : null;
    }

    /// <summary>The highest <c>maxVersion</c> of the resource locations; null when the answer lists none.</summary>
    internal static Version? MaxVersion(Azure.Response response)
    {
        try
        {
            var locations = JToken.Parse(response.Content.ToString()) switch
            {
                JObject { } envelope => envelope["value"] as JArray,
                JArray list => list,
                _ => null,
            };
            return locations?.OfType<JObject>()
                .Select(l => Version.TryParse(((string?)l["maxVersion"])?.Split('-')[0], out var version) ? version : null)
                .OfType<Version>().DefaultIfEmpty().Max();
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }
}
