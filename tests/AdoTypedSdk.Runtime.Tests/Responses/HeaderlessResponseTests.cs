using System.Diagnostics.CodeAnalysis;
using AdoTypedSdk.Tests.Infrastructure;
using AdoTypedSdk.WorkItemTracking;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AdoTypedSdk.Runtime.Tests.Responses;

/// <summary>
/// A test double's response may have no headers at all (<c>Mock.Of&lt;Response&gt;()</c> answers <c>Headers</c> with
/// <c>default(ResponseHeaders)</c>, whose reads throw). Everything of the SDK that reads a response's headers takes it as a response
/// without headers: the exception, the header extensions, a download, and every policy of the pipeline.
/// </summary>
public sealed class DoubleResponseTests
{
    [Fact]
    public void An_exception_over_a_response_without_headers_has_no_activity_id_or_rate_limit()
    {
        var error = new AdoApiException(new DoubleResponse(404));

        Assert.Equal(404, error.Status);
        Assert.Null(error.ActivityId);
        Assert.Null(error.RateLimit);
        Assert.StartsWith("Azure DevOps answered HTTP 404", error.Message);
    }

    [Fact]
    public void The_header_extensions_read_nothing_from_a_response_without_headers()
    {
        Response response = new DoubleResponse(200);

        Assert.Null(response.ActivityId);
        Assert.Null(response.ETag);
        Assert.Null(response.ContinuationToken);
        Assert.Null(response.RateLimit);
    }

    [Fact]
    public void A_download_over_a_response_without_headers_has_no_content_type_or_length()
    {
        using var download = new FileResponse(new DoubleResponse(200), new MemoryStream([1, 2, 3]));

        Assert.Null(download.ContentType);
        Assert.Null(download.ContentLength);
        Assert.Equal(200, download.Status);
    }

    [Fact]
    public void A_download_reports_the_content_type_and_length_ado_sent()
    {
        using var download = new FileResponse(new DoubleResponse(200, new() { ["Content-Type"] = "application/zip", ["Content-Length"] = "209715200" }), new MemoryStream());

        Assert.Equal("application/zip", download.ContentType);
        Assert.Equal(209_715_200, download.ContentLength);
    }

    [Theory]
    [InlineData(200, "has no body")]
    [InlineData(302, "HTTP 302")]
    [InlineData(404, "HTTP 404")]
    [InlineData(503, "HTTP 503")]
    public async Task Every_policy_of_the_pipeline_takes_a_response_without_headers(int status, string expected)
    {
        var transport = new HeaderlessTransport(status);
        var connection = new AdoConnection(new Uri("https://dev.azure.com/contoso"), new FakeCredential(),
            new AdoClientOptions { Transport = transport, Retry = { MaxRetries = 0 } });

        var error = await Assert.ThrowsAsync<AdoApiException>(() => connection.GetClient<WorkItemsClient>().GetWorkItemAsync(12));

        Assert.Equal(status, error.Status);
        Assert.Contains(expected, error.Message);
        Assert.Null(error.ActivityId);
        Assert.Equal(1, transport.Requests);
    }

    /// <summary>Answers every request with a <see cref="DoubleResponse"/>.</summary>
    private sealed class HeaderlessTransport(int status) : HttpPipelineTransport
    {
        public int Requests { get; private set; }

        public override Request CreateRequest() => HttpClientTransport.Shared.CreateRequest();

        public override void Process(HttpMessage message)
        {
            Requests++;
            message.Response = new DoubleResponse(status);
        }

        public override ValueTask ProcessAsync(HttpMessage message)
        {
            Process(message);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>
    /// A response as a mocking library makes it: a status, no body, and <c>default(ResponseHeaders)</c> for its headers; or, given
    /// headers, one that has those.
    /// </summary>
    private sealed class DoubleResponse(int status, Dictionary<string, string>? headers = null) : Response
    {
        public override int Status => status;
        public override string ReasonPhrase => "";
        public override Stream? ContentStream { get; set; }
        public override string ClientRequestId { get; set; } = "";
        public override ResponseHeaders Headers => headers is null ? default : base.Headers;
        public override void Dispose() { }
        protected override bool ContainsHeader(string name) => headers?.ContainsKey(name) ?? throw new NotSupportedException("read through Headers");
        protected override IEnumerable<HttpHeader> EnumerateHeaders() => headers?.Select(h => new HttpHeader(h.Key, h.Value)) ?? throw new NotSupportedException("read through Headers");
        protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value) =>
            (headers ?? throw new NotSupportedException("read through Headers")).TryGetValue(name, out value);
        protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values) => throw new NotSupportedException("read through Headers");
    }
}
