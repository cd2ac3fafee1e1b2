using System.Net.Http.Headers;
using Azure;
using Azure.Core;

namespace AdoTypedSdk.Pipeline;

/// <summary>
/// An Azure.Core <see cref="Response"/> kept in the <see cref="HttpResponseMessage"/> the transport received; headers are read where
/// they are, and <see cref="Detach"/> hands the message itself back to the generated client.
/// </summary>
internal sealed class HttpMessageResponse(HttpResponseMessage message, string clientRequestId, Stream? contentStream) : Response
{
    private bool _detached;
    private bool _contentStreamReplaced;
    private Stream? _contentStream = contentStream;

    public override int Status => (int)message.StatusCode;

    public override string ReasonPhrase => message.ReasonPhrase ?? "";

    public override Stream? ContentStream
    {
        get => _contentStream;
        set
        {
            _contentStreamReplaced = true;
            _contentStream = value;
        }
    }

    public override string ClientRequestId { get; set; } = clientRequestId;

    /// <summary>
    /// The response message for <paramref name="request"/>, its body replaced by what the policies made of it (a buffered copy); from now on
    /// the caller owns it.
    /// </summary>
    public HttpResponseMessage Detach(HttpRequestMessage request)
    {
        _detached = true;
        message.RequestMessage = request;
        if (_contentStreamReplaced)
        {
            var original = message.Content;
            message.Content = new StreamContent(_contentStream ?? Stream.Null);
            // The original content is not disposed: the new stream may wrap its stream (a read timeout around a download).
            foreach (var header in original.Headers.NonValidated)
                message.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        return message;
    }

    protected override bool TryGetHeader(string name, out string value)
    {
        if (Find(name) is { } values)
        {
            value = values.Count == 1 ? values.ToString() : string.Join(",", values);
            return true;
        }
        value = "";
        return false;
    }

    protected override bool TryGetHeaderValues(string name, out IEnumerable<string> values)
    {
        var found = Find(name);
        values = found ?? (IEnumerable<string>)[];
        return found is not null;
    }

    protected override bool ContainsHeader(string name) => Find(name) is not null;

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => AzureHeaders(message.Headers, message.Content.Headers);

    /// <summary>A message's headers and its content's, as Azure.Core lists them: one entry per name, values joined with commas.</summary>
    internal static IEnumerable<HttpHeader> AzureHeaders(HttpHeaders headers, HttpHeaders? contentHeaders) =>
        headers.NonValidated.Concat(contentHeaders?.NonValidated ?? Enumerable.Empty<KeyValuePair<string, HeaderStringValues>>())
            .Select(header => new HttpHeader(header.Key, string.Join(",", header.Value)));

    private HeaderStringValues? Find(string name) =>
        message.Headers.NonValidated.TryGetValues(name, out var values) || message.Content.Headers.NonValidated.TryGetValues(name, out values)
            ? values
            : null;

    public override void Dispose()
    {
        if (!_detached)
        {
            _contentStream?.Dispose();
            message.Dispose();
        }
    }
}
