namespace AdoTypedSdk;

/// <summary>A binary response (an attachment, a zip, a log): read <see cref="Stream"/>, then dispose.</summary>
public sealed class FileResponse : IDisposable
{
    private readonly IDisposable? _client;
    private readonly IDisposable? _response;

    /// <summary>Wraps a response whose body the caller reads as a stream; called by the generated clients.</summary>
    public FileResponse(int statusCode, IReadOnlyDictionary<string, IEnumerable<string>> headers, Stream stream, IDisposable? client, IDisposable? response)
    {
        StatusCode = statusCode;
        Headers = headers;
        Stream = stream;
        _client = client;
        _response = response;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>Response and content headers (<c>Content-Type</c>, <c>Content-Disposition</c>…).</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    /// <summary>The response body; it is read from the network as it is consumed.</summary>
    public Stream Stream { get; }

    /// <summary>True when the server sent only part of the content (HTTP 206).</summary>
    public bool IsPartial => StatusCode == 206;

    /// <summary>Releases the stream and the HTTP response.</summary>
    public void Dispose()
    {
        Stream.Dispose();
        _response?.Dispose();
        _client?.Dispose();
    }
}
