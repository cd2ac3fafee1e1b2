using AdoTypedSdk.Pipeline;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AdoTypedSdk;

/// <summary>
/// The Azure.Core transport of <see cref="AdoConnection"/>: like Azure.Core's <see cref="HttpClientTransport"/>, but it sends the request
/// message the generated client built instead of a copy, and hands the response message back as it came. The connection uses it, over a
/// shared handler, when its options set no transport; set it as <see cref="Azure.Core.ClientOptions.Transport"/> to send through a handler
/// of your own (from <c>IHttpClientFactory</c>, with your delegating handlers).
/// </summary>
public sealed class AdoHttpClientTransport : HttpPipelineTransport, IDisposable
{
    private readonly HttpMessageInvoker _invoker;
    // HttpClient sends a message only once, and the generated client's message went through the connection's own HttpClient already.
    private readonly bool _sendsCopies;
    private readonly bool _ownsInvoker;

    /// <summary>
    /// The transport of connections whose options set none: one pooled handler per process, as Azure.Core's shared transport.
    /// </summary>
    internal static AdoHttpClientTransport Shared { get; } = new(new SocketsHttpHandler
    {
        // Azure.Core's redirect policy decides about redirects, and credentials never follow one to another host.
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    });

    /// <summary>
    /// Sends through <paramref name="handler"/> (with <c>IHttpClientFactory</c>: <c>IHttpMessageHandlerFactory.CreateHandler(name)</c>),
    /// which this transport disposes with itself. The generated client's request message is sent as it is.
    /// </summary>
    public AdoHttpClientTransport(HttpMessageHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _invoker = new HttpMessageInvoker(handler, disposeHandler: true);
        _ownsInvoker = true;
    }

    /// <summary>
    /// Sends through <paramref name="client"/>, which the caller keeps and disposes. An <see cref="HttpClient"/> sends a message only once,
    /// so each request goes as a copy; prefer the handler overload.
    /// </summary>
    public AdoHttpClientTransport(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _invoker = client;
        _sendsCopies = true;
    }

    /// <inheritdoc />
    public override Request CreateRequest() => new HttpMessageRequest();

    /// <inheritdoc />
    public override void Process(HttpMessage message) => ProcessAsync(message, async: false).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public override ValueTask ProcessAsync(HttpMessage message) => ProcessAsync(message, async: true);

    private async ValueTask ProcessAsync(HttpMessage message, bool async)
    {
        if (message.Request is not HttpMessageRequest request)
            throw new InvalidOperationException($"{nameof(AdoHttpClientTransport)} sends only requests it created ({nameof(CreateRequest)}).");
        var outgoing = request.ToHttpRequestMessage(copy: _sendsCopies);
        var cancellation = message.CancellationToken;
        HttpResponseMessage response;
        try
        {
            response = (_invoker, async) switch
            {
                (HttpClient client, true) => await client.SendAsync(outgoing, HttpCompletionOption.ResponseHeadersRead, cancellation).ConfigureAwait(false),
                (HttpClient client, false) => client.Send(outgoing, HttpCompletionOption.ResponseHeadersRead, cancellation),
                (_, true) => await _invoker.SendAsync(outgoing, cancellation).ConfigureAwait(false),
                (_, false) => _invoker.Send(outgoing, cancellation),
            };
        }
        catch (HttpRequestException e)
        {
            throw NoAnswer(e);
        }
        try
        {
            // Azure.Core's response body policy buffers a JSON answer (within the network timeout, so a cut body is retried) unless the
            // stream is in memory already.
            var stream = async ? await response.Content.ReadAsStreamAsync(cancellation).ConfigureAwait(false) : response.Content.ReadAsStream(cancellation);
            message.Response = new HttpMessageResponse(response, request.ClientRequestId, stream);
        }
        catch (Exception e)
        {
            response.Dispose();
            if (e is HttpRequestException failure)
                throw NoAnswer(failure);
            throw;
        }
    }

    /// <summary>As Azure.Core's transport reports it: a failure with no answer (status 0), which its retry classifier retries.</summary>
    private static RequestFailedException NoAnswer(HttpRequestException e) => new(e.Message, e);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsInvoker)
            _invoker.Dispose();
    }
}
