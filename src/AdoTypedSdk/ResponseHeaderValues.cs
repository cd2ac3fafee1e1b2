using Azure;

namespace AdoTypedSdk;

/// <summary>
/// Reads a response's headers for the SDK. A test double's response may have none at all: <c>Mock.Of&lt;Response&gt;()</c> answers
/// <see cref="Response.Headers"/> with <c>default(ResponseHeaders)</c>, which has no response behind it and throws
/// <see cref="NullReferenceException"/> on every read. Such a response is read as one without headers, so errors, downloads and the
/// pipeline's policies accept it wherever a caller's test hands it in.
/// </summary>
internal static class ResponseHeaderValues
{
    /// <summary>The header's value, or null when the response has no such header (or no headers).</summary>
    public static string? Get(Response response, string name)
    {
        try
        {
            return response.Headers.TryGetValue(name, out var value) ? value : null;
        }
        catch (NullReferenceException)
        {
            return null;
        }
    }

    /// <summary>
    /// <paramref name="response"/>, or, when its headers cannot be read, a view of it with none: Azure.Core's
    /// <see cref="RequestFailedException"/> enumerates the headers of an error answer for its message.
    /// </summary>
    public static Response WithReadableHeaders(Response response)
    {
        try
        {
            using var headers = response.Headers.GetEnumerator();
            return response;
        }
        catch (NullReferenceException)
        {
            return new WithoutHeaders(response);
        }
    }

    /// <summary>Whether the response has the header.</summary>
    public static bool Has(Response response, string name)
    {
        try
        {
            return response.Headers.Contains(name);
        }
        catch (NullReferenceException)
        {
            return false;
        }
    }

    /// <summary>The status, body and request id of a response whose headers cannot be read, with no headers.</summary>
    private sealed class WithoutHeaders(Response response) : Response
    {
        public override int Status => response.Status;

        public override string ReasonPhrase => response.ReasonPhrase;

        public override Stream? ContentStream { get => response.ContentStream; set => response.ContentStream = value; }

        public override string ClientRequestId { get => response.ClientRequestId; set => response.ClientRequestId = value; }

        public override void Dispose() => response.Dispose();

        protected override bool ContainsHeader(string name) => false;

        protected override IEnumerable<Azure.Core.HttpHeader> EnumerateHeaders() => [];

        protected override bool TryGetHeader(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
        {
            value = null;
            return false;
        }

        protected override bool TryGetHeaderValues(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IEnumerable<string>? values)
        {
            values = null;
            return false;
        }
    }
}
