using System.Net;
using System.Text;
using AdoTypedSdk.Pipeline;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AdoTypedSdk.Tests.Pipeline;

/// <summary>The connection's transport sends the generated client's message itself, with what the policies changed, and copies it only to send it again.</summary>
public sealed class AdoHttpClientTransportTests
{
    private static readonly Uri WorkItem = new("https://dev.azure.com/fabrikam/_apis/wit/workitems/12?api-version=7.1");

    [Fact]
    public async Task An_adopted_message_is_sent_itself_with_the_headers_policies_set()
    {
        var handler = new RecordingHandler();
        using var transport = new AdoHttpClientTransport(handler);
        using var generated = new HttpRequestMessage(HttpMethod.Get, WorkItem);
        generated.Headers.Accept.ParseAdd("application/json");
        var message = new HttpPipeline(transport).CreateMessage();
        var request = Assert.IsType<HttpMessageRequest>(message.Request);
        request.Adopt(generated);

        request.Headers.SetValue("Authorization", "Bearer token-1");
        await transport.ProcessAsync(message);

        var sent = Assert.Single(handler.Received);
        Assert.Same(generated, sent.Message);
        Assert.Equal("Bearer token-1", sent.Headers["Authorization"]);
        Assert.Equal("application/json", sent.Headers["Accept"]);
        Assert.Equal(200, message.Response.Status);
    }

    [Fact]
    public async Task Sending_again_sends_a_copy_with_the_same_headers_and_body()
    {
        var handler = new RecordingHandler();
        using var transport = new AdoHttpClientTransport(handler);
        using var generated = new HttpRequestMessage(HttpMethod.Patch, WorkItem) { Content = new StringContent("""[{"op":"add"}]""", Encoding.UTF8, "application/json-patch+json") };
        var message = new HttpPipeline(transport).CreateMessage();
        ((HttpMessageRequest)message.Request).Adopt(generated);
        message.Request.Headers.SetValue("Authorization", "Bearer token-1");

        await transport.ProcessAsync(message);
        message.Request.Headers.SetValue("Authorization", "Bearer token-2");
        await transport.ProcessAsync(message);

        Assert.Equal(2, handler.Received.Count);
        Assert.Same(generated, handler.Received[0].Message);
        Assert.NotSame(generated, handler.Received[1].Message);
        Assert.Equal("Bearer token-2", handler.Received[1].Headers["Authorization"]);
        Assert.All(handler.Received, sent => Assert.Equal("""[{"op":"add"}]""", sent.Body));
        Assert.All(handler.Received, sent => Assert.Equal("application/json-patch+json; charset=utf-8", sent.Headers["Content-Type"]));
    }

    [Fact]
    public async Task A_request_built_through_azure_core_reaches_the_handler_whole()
    {
        var handler = new RecordingHandler();
        using var transport = new AdoHttpClientTransport(handler);
        var pipeline = new HttpPipeline(transport);
        using var message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Post;
        message.Request.Uri.Reset(WorkItem);
        message.Request.Uri.AppendQuery("validateOnly", "true");
        message.Request.Headers.Add("Content-Type", "application/json");
        message.Request.Headers.Add("X-Custom", "1");
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes("""{"a":1}"""));

        await pipeline.SendAsync(message, CancellationToken.None);

        var sent = Assert.Single(handler.Received);
        Assert.Equal("POST", sent.Method);
        Assert.Equal(WorkItem + "&validateOnly=true", sent.Uri);
        Assert.Equal("application/json", sent.Headers["Content-Type"]);
        Assert.Equal("1", sent.Headers["X-Custom"]);
        Assert.Equal("""{"a":1}""", sent.Body);
        Assert.True(message.Request.Headers.TryGetValue("Content-Type", out var contentType));
        Assert.Equal("application/json", contentType);
    }

    [Fact]
    public async Task The_response_is_the_handlers_message_with_its_headers_read_in_place()
    {
        var handler = new RecordingHandler();
        using var transport = new AdoHttpClientTransport(handler);
        var pipeline = new HttpPipeline(transport);
        using var generated = new HttpRequestMessage(HttpMethod.Get, WorkItem);
        using var message = pipeline.CreateMessage();
        message.BufferResponse = true;
        ((HttpMessageRequest)message.Request).Adopt(generated);

        await pipeline.SendAsync(message, CancellationToken.None);

        Assert.True(message.Response.Headers.TryGetValue("ActivityId", out var activityId));
        Assert.Equal("a1", activityId);
        Assert.Equal("application/json; charset=utf-8", message.Response.Headers.ContentType);
        Assert.Equal("""{"id":12}""", message.Response.Content.ToString());
        var detached = ((HttpMessageResponse)message.Response).Detach(generated);
        Assert.Same(handler.Responses.Single(), detached);
        Assert.Same(generated, detached.RequestMessage);
        Assert.Equal("""{"id":12}""", await detached.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_callers_http_client_sends_every_attempt_as_a_fresh_message()
    {
        var handler = new RecordingHandler();
        using var client = new HttpClient(handler);
        using var transport = new AdoHttpClientTransport(client);
        using var generated = new HttpRequestMessage(HttpMethod.Get, WorkItem);
        // The connection's own HttpClient has sent the generated message already, as it does before the pipeline sees it.
        using (var connectionClient = new HttpClient(new RecordingHandler()))
            (await connectionClient.SendAsync(generated)).Dispose();
        var message = new HttpPipeline(transport).CreateMessage();
        ((HttpMessageRequest)message.Request).Adopt(generated);

        await transport.ProcessAsync(message);
        await transport.ProcessAsync(message);

        Assert.Equal(2, handler.Received.Count);
        Assert.All(handler.Received, sent => Assert.NotSame(generated, sent.Message));
        Assert.All(handler.Received, sent => Assert.Equal(WorkItem.ToString(), sent.Uri));
    }

    [Fact]
    public async Task A_failure_before_an_answer_is_a_status_0_failure_that_azure_core_retries()
    {
        using var transport = new AdoHttpClientTransport(new FailingHandler());
        using var generated = new HttpRequestMessage(HttpMethod.Get, WorkItem);
        var message = new HttpPipeline(transport).CreateMessage();
        ((HttpMessageRequest)message.Request).Adopt(generated);

        var error = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => transport.ProcessAsync(message).AsTask());

        Assert.Equal(0, error.Status);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.True(new ResponseClassifier().IsRetriable(message, error));
    }

    private sealed record Sent(HttpRequestMessage Message, string Method, string Uri, Dictionary<string, string> Headers, string? Body);

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<Sent> Received { get; } = [];

        public List<HttpResponseMessage> Responses { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
                .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            Received.Add(new Sent(request, request.Method.Method, request.RequestUri!.ToString(), headers, body));
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"id":12}""", Encoding.UTF8, "application/json") };
            response.Headers.Add("ActivityId", "a1");
            Responses.Add(response);
            return response;
        }
    }

    private sealed class FailingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused");
    }
}
