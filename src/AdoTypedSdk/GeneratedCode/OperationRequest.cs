using System.ComponentModel;
using System.Globalization;
using AdoTypedSdk.Pipeline;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AdoTypedSdk.GeneratedCode;

/// <summary>
/// For generated code; not part of the supported API, and may change in any release. One call of an operation: a generated method
/// creates it from the connection's pipeline, writes its path values, query, headers and body, and sends it; the answer comes back as the
/// pipeline's own <see cref="Response"/>, with the value read from its body, or as an <see cref="AdoApiException"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed partial class OperationRequest
{
    private readonly HttpMessage _message;
    private readonly OperationDefinition _definition;
    private readonly AdoOperation _operation;
    private readonly HttpPipeline _pipeline;
    private readonly string?[] _pathValues;

    private OperationRequest(AdoConnection connection, AdoArea area, OperationDefinition definition)
    {
        _definition = definition;
        _operation = definition.Operation(area);
        _pipeline = connection.Pipeline;
        _message = _pipeline.CreateMessage();
        // JSON answers are read whole inside the pipeline (a body cut off is retried); a download streams.
        _message.BufferResponse = !definition.Download;
        _message.SetProperty(typeof(AdoOperation), _operation);
        var request = _message.Request;
        // A pipeline without Azure.Core's request-id policy (a caller's HttpClient) sends no request id: none is made for each call.
        if (!connection.SendsClientRequestIds)
            request.ClientRequestId = "";
        request.Method = definition.Method;
        request.Headers.SetValue(HttpHeader.Names.Accept, definition.Accept);
        request.Uri.Reset(definition.Route.OrganizationScoped ? connection.Endpoints.OrganizationBase(area) : connection.Endpoints.HostBase(area));
        foreach (var (name, value) in definition.Route.FixedQuery)
            request.Uri.AppendQuery(name, value, escapeValue: false);
        _pathValues = definition.Route.Parameters.Count == 0 ? [] : new string?[definition.Route.Parameters.Count];
    }

    /// <summary>Starts a call of <paramref name="definition"/> on <paramref name="client"/>'s connection.</summary>
    public static OperationRequest Create(AdoClientBase client, OperationDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(client);
        var connection = client.Connection
            ?? throw new InvalidOperationException($"{client.GetType().Name} was created without a connection, for mocking: override {definition.Name}Async, or create the client with an AdoConnection.");
        return new OperationRequest(connection, client.Area, definition);
    }

    /// <summary>A path value (<c>{project}</c>); null leaves an optional segment out.</summary>
    public void Path(string name, string? value)
    {
        var index = IndexOf(name);
        _pathValues[index] = value;
    }

    /// <inheritdoc cref="Path(string, string?)"/>
    public void Path(string name, int? value) => Path(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <inheritdoc cref="Path(string, string?)"/>
    public void Path(string name, long? value) => Path(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <inheritdoc cref="Path(string, string?)"/>
    public void Path(string name, Guid? value) => Path(name, value?.ToString("D"));

    /// <inheritdoc cref="Path(string, string?)"/>
    public void Path(string name, bool? value) => Path(name, WireText.Of(value));

    /// <inheritdoc cref="Path(string, string?)"/>
    public void Path<TEnum>(string name, TEnum? value) where TEnum : struct, Enum => Path(name, value is { } known ? WireText.Of(known) : null);

    /// <inheritdoc cref="Path(string, string?)"/>
    public void Path<TEnum>(string name, TEnum value) where TEnum : struct, Enum => Path(name, WireText.Of(value));

    /// <summary>A query parameter; null sends nothing.</summary>
    public void Query(string name, string? value)
    {
        if (value is not null)
            _message.Request.Uri.AppendQuery(name, value, escapeValue: true);
    }

    /// <inheritdoc cref="Query(string, string?)"/>
    public void Query(string name, int? value) => Query(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <inheritdoc cref="Query(string, string?)"/>
    public void Query(string name, long? value) => Query(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <inheritdoc cref="Query(string, string?)"/>
    public void Query(string name, double? value) => Query(name, value?.ToString("R", CultureInfo.InvariantCulture));

    /// <inheritdoc cref="Query(string, string?)"/>
    public void Query(string name, bool? value) => Query(name, WireText.Of(value));

    /// <inheritdoc cref="Query(string, string?)"/>
    public void Query(string name, Guid? value) => Query(name, value?.ToString("D"));

    /// <inheritdoc cref="Query(string, string?)"/>
    public void Query(string name, DateTimeOffset? value) => Query(name, value?.ToString("o", CultureInfo.InvariantCulture));

    /// <inheritdoc cref="Query(string, string?)"/>
    public void Query<TEnum>(string name, TEnum? value) where TEnum : struct, Enum => Query(name, value is { } known ? WireText.Of(known) : null);

    /// <inheritdoc cref="Query(string, string?)"/>
    public void Query<TEnum>(string name, TEnum value) where TEnum : struct, Enum => Query(name, WireText.Of(value));

    /// <summary>A list, sent comma-separated (<c>ids=1,2,3</c>), as ADO reads lists; null or empty sends nothing.</summary>
    public void Query<T>(string name, IEnumerable<T>? values)
    {
        if (values is not null && string.Join(',', values.Select(value => WireText.Of(value))) is { Length: > 0 } list)
            Query(name, list);
    }

    /// <summary>Any other value (a document's untyped query parameter), as its text.</summary>
    public void Query(string name, object? value) => Query(name, WireText.Of(value));

    /// <summary>
    /// A header parameter; null sends nothing. A value holding CR, LF or NUL, which would end the header and start another of the caller's
    /// choosing, is refused before anything is sent.
    /// </summary>
    public void Header(string name, string? value)
    {
        if (value is null)
            return;
        if (value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
            throw new ArgumentException($"The value of the '{name}' header contains CR, LF or NUL, which would end the header and start another. Nothing was sent.", name);
        _message.Request.Headers.SetValue(name, value);
    }

    /// <inheritdoc cref="Header(string, string?)"/>
    public void Header(string name, object? value) => Header(name, WireText.Of(value));

    /// <summary>A JSON body (a model, a list, a JSON-Patch document), written with ADO's conventions; kept in memory, so a retry resends it.</summary>
    /// <exception cref="ArgumentException">The body is larger than ADO takes in one request (<see cref="AdoLimits.JsonRequestBodyBytes"/>):
    /// refused before anything is sent.</exception>
    public void JsonBody<T>(T body, string mediaType)
    {
        var json = AdoJson.Write(body);
        if (json.Length > AdoLimits.JsonRequestBodyBytes)
            throw new ArgumentException(
                $"The body of {_operation.DisplayName} is {json.Length:N0} bytes of JSON; ADO takes at most {AdoLimits.JsonRequestBodyBytes:N0} bytes (25 MiB) in one " +
                "request (AdoLimits.JsonRequestBodyBytes), and would refuse it after it was sent. Split it into several calls: a push into several pushes of " +
                "fewer commits or changes, a changeset into several changesets. Nothing was sent.", nameof(body));
        _message.Request.Content = RequestContent.Create(json);
        _message.Request.Headers.SetValue(HttpHeader.Names.ContentType, mediaType);
    }

    /// <summary>
    /// A body read from <paramref name="body"/> as it is sent. A stream that can seek is rewound for a retry; one that cannot is sent once,
    /// and the call is not retried.
    /// </summary>
    public void StreamBody(Stream body, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.CanSeek)
            _message.Request.Content = RequestContent.Create(body);
        else
        {
            _message.Request.Content = new OneShotStreamContent(body);
            _message.SetProperty(typeof(OneShotStreamContent), true);
        }
        _message.Request.Headers.SetValue(HttpHeader.Names.ContentType, mediaType);
    }

    /// <summary>Sends the call and reads its value (null for a success without one, 204).</summary>
    public async Task<Response<T>> SendAsync<T>(CancellationToken cancellationToken)
    {
        using var message = _message;
        var response = await SendAndClassifyAsync(cancellationToken).ConfigureAwait(false);
        var value = response.Kind == OperationDefinition.ResponseKind.Value ? AdoJson.Read<T>(response.Response, _operation) : default!;
        return Response.FromValue(value, response.Response);
    }

    /// <summary>Sends a call that has no value; its answer has the status and headers.</summary>
    public async Task<Response> SendAsync(CancellationToken cancellationToken)
    {
        using var message = _message;
        return (await SendAndClassifyAsync(cancellationToken).ConfigureAwait(false)).Response;
    }

    /// <summary>Sends a call whose value is the body itself, streamed: the <see cref="FileResponse"/> owns the answer until disposed.</summary>
    public async Task<Response<FileResponse>> DownloadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (response, kind) = await SendAndClassifyAsync(cancellationToken).ConfigureAwait(false);
            var content = kind == OperationDefinition.ResponseKind.Value ? _message.ExtractResponseContent() ?? Stream.Null : Stream.Null;
            return Response.FromValue(new FileResponse(response, content, _message), response);
        }
        catch
        {
            _message.Dispose();
            throw;
        }
    }

    private int IndexOf(string name)
    {
        var parameters = _definition.Route.Parameters;
        for (var i = 0; i < parameters.Count; i++)
            if (string.Equals(parameters[i], name, StringComparison.Ordinal))
                return i;
        throw new ArgumentException($"The route of {_operation.DisplayName} has no placeholder {{{name}}}.", nameof(name));
    }

    private async ValueTask<(Response Response, OperationDefinition.ResponseKind Kind)> SendAndClassifyAsync(CancellationToken cancellationToken)
    {
        _message.Request.Uri.AppendPath(_definition.Route.BuildPath(_pathValues), escape: false);
        await SendAsync(_pipeline, _message, _operation, cancellationToken).ConfigureAwait(false);
        var response = _message.Response;
        var kind = _definition.Classify(response.Status);
        if (kind == OperationDefinition.ResponseKind.Failure)
        {
            await BufferAsync(response, cancellationToken).ConfigureAwait(false);
            throw new AdoApiException(response, _operation);
        }
        if (!_definition.Download)
            await BufferAsync(response, cancellationToken).ConfigureAwait(false);
        return (response, kind);
    }

    /// <summary>
    /// Sends <paramref name="message"/> through the pipeline. A failure with no complete answer (the network, the network timeout, after
    /// the retries) is an <see cref="AdoApiException"/> of status 0 that names the call and keeps the original; an
    /// <see cref="OperationCanceledException"/> means only that the caller's token fired.
    /// </summary>
    internal static async ValueTask SendAsync(HttpPipeline pipeline, HttpMessage message, AdoOperation? operation, CancellationToken cancellationToken)
    {
        try
        {
            await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not AdoApiException && e is AggregateException or RequestFailedException or HttpRequestException or IOException or OperationCanceledException)
        {
            throw AdoApiException.NoAnswer(message, operation, e);
        }
    }

    /// <summary>
    /// Reads a body the pipeline left as a network stream (a caller's <see cref="HttpClient"/> pipeline has no buffering policy) into memory,
    /// so that the value is read from it and <c>GetRawResponse().Content</c> has it.
    /// </summary>
    internal static async ValueTask BufferAsync(Response response, CancellationToken cancellationToken)
    {
        if (response.ContentStream is not { CanSeek: false } stream)
            return;
        var buffered = new MemoryStream();
        await stream.CopyToAsync(buffered, cancellationToken).ConfigureAwait(false);
        await stream.DisposeAsync().ConfigureAwait(false);
        buffered.Position = 0;
        response.ContentStream = buffered;
    }
}
