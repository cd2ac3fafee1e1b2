using System.Net;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AdoTypedSdk.Pipeline;

/// <summary>
/// Sends the generated clients' <see cref="HttpRequestMessage"/>s through an Azure.Core <see cref="HttpPipeline"/> (Azure.Core has no
/// public handler for this). With <see cref="AdoHttpClientTransport"/> the message itself travels, inside the Azure.Core request, and the
/// handler's response comes back as it is; with another transport both are copied.
/// <list type="bullet">
/// <item>JSON answers are read inside the pipeline, so a connection cut mid-body is retried like any network failure; other answers
/// (downloads) are streamed.</item>
/// <item>Stream bodies (uploads) go to the transport as streams: a seekable one is rewound for a retry; a non-seekable one is sent once.</item>
/// <item>A failure with no complete answer (network, timeout after the retries) becomes an <see cref="AdoApiException"/> naming the request;
/// an <see cref="OperationCanceledException"/> means only that the caller's token fired.</item>
/// </list>
/// </summary>
internal sealed class AdoPipelineHandler(HttpPipeline pipeline) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var message = pipeline.CreateMessage();
        message.BufferResponse = ExpectsJson(request);
        if (request.RequestUri is null)
            throw new InvalidOperationException("The request has no URI.");
        if (request.Options.TryGetValue(AdoOperation.RequestOption, out var operation))
            message.SetProperty(typeof(AdoOperation), operation);
        if (message.Request is HttpMessageRequest own)
            await Adopt(own, request, message, cancellationToken).ConfigureAwait(false);
        else
            await CopyInto(message.Request, request, message, cancellationToken).ConfigureAwait(false);

        try
        {
            await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is AggregateException or RequestFailedException or HttpRequestException or IOException or OperationCanceledException)
        {
            // After the last retry Azure.Core throws an AggregateException of every attempt's failure; the last one says most.
            var last = e is AggregateException { InnerExceptions: [.., var final] } ? final : e;
            var what = last is OperationCanceledException ? "got no answer within the network timeout" : "failed before a complete answer arrived";
            var why = message.TryGetProperty(typeof(OneShotStreamContent), out _) ? " It was not retried: its body is a stream that cannot be rewound." : "";
            var named = operation is null ? "" : operation.DisplayName + ": ";
            throw new AdoApiException($"{named}{request.Method} {request.RequestUri!.GetLeftPart(UriPartial.Path)} {what}: {last.Message}{why}",
                0, null, new Dictionary<string, IEnumerable<string>>(), e);
        }

        if (message.Response is HttpMessageResponse received)
            return received.Detach(request);
        var response = message.Response;
        var result = new HttpResponseMessage((HttpStatusCode)response.Status)
        {
            RequestMessage = request,
            ReasonPhrase = response.ReasonPhrase,
            Content = new StreamContent(message.ExtractResponseContent() ?? Stream.Null),
        };
        foreach (var header in response.Headers)
        {
            if (!result.Headers.TryAddWithoutValidation(header.Name, header.Value))
                result.Content.Headers.TryAddWithoutValidation(header.Name, header.Value);
        }
        return result;
    }

    /// <summary>The generated methods ask for <c>application/json</c>, or for the media type of a download.</summary>
    internal static bool ExpectsJson(HttpRequestMessage request) =>
        request.Headers.Accept.Count == 0 || request.Headers.Accept.Any(a => a.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>Our own transport's request: the message itself is sent.</summary>
    private static async Task Adopt(HttpMessageRequest outgoing, HttpRequestMessage request, HttpMessage message, CancellationToken cancellationToken)
    {
        outgoing.Adopt(request);
        if (request.Content is System.Net.Http.StreamContent content && !(await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false)).CanSeek)
            message.SetProperty(typeof(OneShotStreamContent), true);
    }

    /// <summary>Another transport's request (set through <see cref="Azure.Core.ClientOptions.Transport"/>): the message is copied into it.</summary>
    private static async Task CopyInto(Request outgoing, HttpRequestMessage request, HttpMessage message, CancellationToken cancellationToken)
    {
        outgoing.Method = RequestMethod.Parse(request.Method.Method);
        outgoing.Uri.Reset(request.RequestUri!);
        foreach (var (name, values) in request.Headers)
            foreach (var value in values)
                outgoing.Headers.Add(name, value);
        if (request.Content is null)
            return;
        outgoing.Content = await BodyOf(request.Content, message, cancellationToken).ConfigureAwait(false);
        foreach (var (name, values) in request.Content.Headers)
            if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                foreach (var value in values)
                    outgoing.Headers.Add(name, value);
    }

    private static async Task<RequestContent> BodyOf(HttpContent content, HttpMessage message, CancellationToken cancellationToken)
    {
        if (content is not System.Net.Http.StreamContent)
            return RequestContent.Create(await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false)); // JSON: small, kept for retries
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        if (stream.CanSeek)
            return RequestContent.Create(stream); // rewound to where it started for each attempt
        message.SetProperty(typeof(OneShotStreamContent), true);
        return new OneShotStreamContent(stream);
    }
}
