using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AdoTypedSdk.Pipeline;

/// <summary>
/// Sends the generated clients' <see cref="HttpRequestMessage"/>s through an Azure.Core <see cref="HttpPipeline"/> (Azure.Core has no
/// public handler for this). Response bodies are streamed, not buffered, so downloads stay downloads.
/// </summary>
internal sealed class AdoPipelineHandler(HttpPipeline pipeline) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var message = pipeline.CreateMessage();
        message.BufferResponse = false;
        var outgoing = message.Request;
        outgoing.Method = RequestMethod.Parse(request.Method.Method);
        outgoing.Uri.Reset(request.RequestUri ?? throw new InvalidOperationException("The request has no URI."));
        foreach (var (name, values) in request.Headers)
            foreach (var value in values)
                outgoing.Headers.Add(name, value);
        if (request.Content is not null)
        {
            // Buffered so that Azure.Core can send the same body again when it retries.
            outgoing.Content = RequestContent.Create(await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
            foreach (var (name, values) in request.Content.Headers)
                if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    foreach (var value in values)
                        outgoing.Headers.Add(name, value);
        }

        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);

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
}
