using System.Net.Http.Headers;
using Azure.Core;

namespace AdoTypedSdk.Pipeline;

/// <summary>
/// An Azure.Core <see cref="Request"/> kept in an <see cref="HttpRequestMessage"/>, so that <see cref="AdoHttpClientTransport"/> sends the
/// message the generated client built instead of copying it into a new one. Policies see and change it through the usual
/// <see cref="Request"/> members; headers are written to the message as they are set.
/// </summary>
internal sealed class HttpMessageRequest : Request
{
    private HttpRequestMessage _message = new();
    private bool _adopted;
    private Uri? _uriNotYetRead;
    private bool _contentSet;
    private bool _sent;
    private string? _clientRequestId;
    // Content headers (Content-Type, …) set through the Request API before the body exists; applied with the body.
    private List<(string Name, string Value)>? _contentHeaders;

    /// <summary>Takes over <paramref name="message"/>, which the caller keeps and disposes: its URI, method, headers and body.</summary>
    public void Adopt(HttpRequestMessage message)
    {
        _message.Dispose();
        _message = message;
        _adopted = true;
        base.Method = RequestMethod.Parse(message.Method.Method);
        _uriNotYetRead = message.RequestUri;
    }

    public override RequestUriBuilder Uri
    {
        get
        {
            // Parsed into parts only when a policy reads it.
            if (_uriNotYetRead is { } uri)
            {
                _uriNotYetRead = null;
                base.Uri.Reset(uri);
            }
            return base.Uri;
        }
        set
        {
            _uriNotYetRead = null;
            base.Uri = value;
        }
    }

    public override RequestContent? Content
    {
        get => _contentSet || _message.Content is null ? base.Content : base.Content ??= new HttpContentRequestContent(_message.Content);
        set
        {
            _contentSet = true;
            base.Content = value;
        }
    }

    public override string ClientRequestId
    {
        get => _clientRequestId ??= Guid.NewGuid().ToString();
        set => _clientRequestId = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// The message to send, brought up to date with what the policies changed; a copy of it when <paramref name="copy"/> says so, and from
    /// the second time on (a retry), since a handler may mark a message as sent.
    /// </summary>
    public HttpRequestMessage ToHttpRequestMessage(bool copy)
    {
        Update();
        if (!_sent && !copy)
        {
            _sent = true;
            return _message;
        }
        var resent = new HttpRequestMessage(_message.Method, _message.RequestUri) { Content = _message.Content, Version = _message.Version, VersionPolicy = _message.VersionPolicy };
        foreach (var header in _message.Headers.NonValidated)
            resent.Headers.TryAddWithoutValidation(header.Key, header.Value);
        foreach (var option in _message.Options)
            ((IDictionary<string, object?>)resent.Options)[option.Key] = option.Value;
        return resent;
    }

    private void Update()
    {
        if (_message.Method.Method != Method.Method)
            _message.Method = new HttpMethod(Method.Method);
        if (_uriNotYetRead is null)
        {
            var uri = base.Uri.ToUri();
            if (!ReferenceEquals(uri, _message.RequestUri))
                _message.RequestUri = uri;
        }
        if (_contentSet)
        {
            var headersOfOldContent = _message.Content?.Headers;
            _message.Content = base.Content switch
            {
                null => null,
                HttpContentRequestContent adapter => adapter.Content,
                var content => new RequestContentHttpContent(content),
            };
            if (_message.Content is not null && headersOfOldContent is not null && !ReferenceEquals(headersOfOldContent, _message.Content.Headers))
                foreach (var header in headersOfOldContent.NonValidated)
                    _message.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            _contentSet = false;
        }
        if (_contentHeaders is not null)
        {
            _message.Content ??= new ByteArrayContent([]);
            foreach (var (name, value) in _contentHeaders)
                _message.Content.Headers.TryAddWithoutValidation(name, value);
            _contentHeaders = null;
        }
    }

    protected override void AddHeader(string name, string value)
    {
        if (_message.Headers.TryAddWithoutValidation(name, value))
            return;
        if (_message.Content is { } content)
            content.Headers.TryAddWithoutValidation(name, value);
        else
            (_contentHeaders ??= []).Add((name, value));
    }

    protected override bool TryGetHeader(string name, out string value)
    {
        if (TryGetHeaderValues(name, out var values))
        {
            value = string.Join(",", values);
            return true;
        }
        value = "";
        return false;
    }

    protected override bool TryGetHeaderValues(string name, out IEnumerable<string> values)
    {
        if ((Find(_message.Headers, name) ?? Find(_message.Content?.Headers, name)) is { } found)
        {
            values = found;
            return true;
        }
        var pending = _contentHeaders?.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();
        values = pending ?? [];
        return pending is { Count: > 0 };
    }

    private static IEnumerable<string>? Find(HttpHeaders? headers, string name) =>
        headers is not null && headers.NonValidated.TryGetValues(name, out var values) ? values : null;

    protected override bool ContainsHeader(string name) => TryGetHeaderValues(name, out _);

    protected override bool RemoveHeader(string name)
    {
        var removed = Remove(_message.Headers, name);
        removed |= Remove(_message.Content?.Headers, name);
        removed |= _contentHeaders?.RemoveAll(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) > 0;
        return removed;
    }

    // Remove throws for a name that belongs to the other collection (a content header among the request's own); looking first does not.
    private static bool Remove(HttpHeaders? headers, string name) => headers is not null && headers.NonValidated.Contains(name) && headers.Remove(name);

    protected override void SetHeader(string name, string value)
    {
        RemoveHeader(name);
        AddHeader(name, value);
    }

    protected override IEnumerable<HttpHeader> EnumerateHeaders() =>
        HttpMessageResponse.AzureHeaders(_message.Headers, _message.Content?.Headers)
            .Concat((_contentHeaders ?? []).Select(h => new HttpHeader(h.Name, h.Value)));

    public override void Dispose()
    {
        // An adopted message belongs to the code that built it.
        if (!_adopted)
            _message.Dispose();
    }

    /// <summary>A body the generated client built, seen by policies as a <see cref="RequestContent"/>.</summary>
    private sealed class HttpContentRequestContent(HttpContent content) : RequestContent
    {
        public HttpContent Content => content;

        public override bool TryComputeLength(out long length)
        {
            length = content.Headers.ContentLength ?? 0;
            return content.Headers.ContentLength is not null;
        }

        public override void WriteTo(Stream stream, CancellationToken cancellation) => content.CopyTo(stream, null, cancellation);

        public override Task WriteToAsync(Stream stream, CancellationToken cancellation) => content.CopyToAsync(stream, cancellation);

        public override void Dispose()
        {
        }
    }

    /// <summary>A body a policy set as a <see cref="RequestContent"/>, sent by <see cref="HttpClient"/>.</summary>
    private sealed class RequestContentHttpContent(RequestContent content) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => content.WriteToAsync(stream, CancellationToken.None);

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken) =>
            content.WriteToAsync(stream, cancellationToken);

        protected override void SerializeToStream(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken) =>
            content.WriteTo(stream, cancellationToken);

        protected override bool TryComputeLength(out long length) => content.TryComputeLength(out length);
    }
}
