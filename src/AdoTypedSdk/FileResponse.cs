using Azure;
using Azure.Core;

namespace AdoTypedSdk;

/// <summary>
/// A binary answer (an attachment, a zip, a log), streamed: read <see cref="ContentStream"/>, then dispose, which releases the connection.
/// Its status and headers are Azure.Core's, as on any <see cref="Response"/>.
/// </summary>
public sealed class FileResponse : IDisposable
{
    private readonly Response _response;
    private readonly IDisposable? _owner;

    /// <summary>A binary answer, for tests that stand in for a client; disposing it disposes <paramref name="contentStream"/>.</summary>
    public FileResponse(Response response, Stream contentStream)
        : this(response, contentStream, null)
    {
    }

    internal FileResponse(Response response, Stream contentStream, IDisposable? owner)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(contentStream);
        _response = response;
        ContentStream = contentStream;
        _owner = owner;
    }

    /// <summary>The HTTP status.</summary>
    public int Status => _response.Status;

    /// <summary>The response headers, content headers included (<c>Content-Type</c>, <c>Content-Disposition</c>…).</summary>
    public ResponseHeaders Headers => _response.Headers;

    /// <summary>The <c>Content-Type</c> ADO sent (<c>text/plain</c>, <c>application/zip</c>, …), or null when it sent none.</summary>
    public string? ContentType => ResponseHeaderValues.Get(_response, "Content-Type");

    /// <summary>The <c>Content-Length</c> ADO sent, or null when it streamed the body without one (chunked).</summary>
    public long? ContentLength =>
        long.TryParse(ResponseHeaderValues.Get(_response, "Content-Length"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length)
            ? length : null;

    /// <summary>The body, read from the network as it is consumed.</summary>
    public Stream ContentStream { get; }

    /// <summary>True when the server sent only part of the content (HTTP 206).</summary>
    public bool IsPartial => Status == 206;

    /// <summary>The answer as the pipeline received it (its body is <see cref="ContentStream"/>).</summary>
    public Response GetRawResponse() => _response;

    /// <summary>Releases the body and the answer.</summary>
    public void Dispose()
    {
        ContentStream.Dispose();
        _owner?.Dispose();
    }
}
