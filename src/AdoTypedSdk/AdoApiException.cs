namespace AdoTypedSdk;

/// <summary>An Azure DevOps REST call answered with a status the operation does not expect.</summary>
public partial class AdoApiException : Exception
{
    /// <summary>Creates the exception for a response with an unexpected status; called by the generated clients.</summary>
    public AdoApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Response = response;
        Headers = headers;
    }

    /// <summary>The HTTP status code of the response.</summary>
    public int StatusCode { get; }

    /// <summary>The response body as text, when there was one.</summary>
    public string? Response { get; }

    /// <summary>The response headers.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }
}

/// <summary>An Azure DevOps REST call answered with a documented error body of type <typeparamref name="TResult"/>.</summary>
public partial class AdoApiException<TResult> : AdoApiException
{
    /// <summary>Creates the exception for a documented error response; called by the generated clients.</summary>
    public AdoApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, TResult result, Exception? innerException)
        : base(message, statusCode, response, headers, innerException)
    {
        Result = result;
    }

    /// <summary>The deserialized error body.</summary>
    public TResult Result { get; }
}
