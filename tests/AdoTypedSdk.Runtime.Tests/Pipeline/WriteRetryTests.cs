using System.Net;
using System.Net.Sockets;
using AdoTypedSdk.Common;
using AdoTypedSdk.Testing;
using AdoTypedSdk.Tests.Infrastructure;
using AdoTypedSdk.WorkItemTracking;
using WireMock.ResponseBuilders;
using Response = WireMock.ResponseBuilders.Response;

namespace AdoTypedSdk.Runtime.Tests.Pipeline;

/// <summary>
/// A write the service may have acted on is never sent twice: POST and PATCH are retried only on answers that prove they were not
/// processed, unless the caller opts in. Counts are what the server received.
/// </summary>
public sealed class WriteRetryTests : IDisposable
{
    private const string CreatePath = "/fabrikam/Fabrikam/_apis/wit/workitems/$Task";
    private const string UpdatePath = "/fabrikam/_apis/wit/workitems/12";
    private const string Created = """{ "id": 131489 }""";
    private readonly EmbeddedAdo _ado = new();

    private static JsonPatchOperation[] Title => [new() { Op = JsonPatchOperationType.Add, Path = "/fields/System.Title", Value = "Sample task" }];

    private AdoConnection Connect(bool retryWrites = false)
    {
        var options = EmbeddedAdo.CreateOptions();
        options.RetryWrites = retryWrites;
        return _ado.Connect(new FakeCredential(), options);
    }

    private int Received(string method) => _ado.Server.LogEntries.Count(e => e.RequestMessage.Method == method);

    [Fact]
    public async Task A_create_answered_500_reaches_the_server_once_and_fails()
    {
        _ado.RespondInSequence("POST", CreatePath, () => Response.Create().WithStatusCode(500), () => Response.Create().WithBody(Created));
        var connection = Connect();

        var error = await Assert.ThrowsAsync<AdoApiException>(() => connection.GetClient<WorkItemsClient>().CreateWorkItemAsync(Title, "Fabrikam", "Task"));

        Assert.Equal(500, error.Status);
        Assert.Equal(1, Received("POST"));
    }

    [Fact]
    public async Task An_update_answered_502_reaches_the_server_once()
    {
        _ado.RespondInSequence("PATCH", UpdatePath, () => Response.Create().WithStatusCode(502), () => Response.Create().WithBody("""{ "id": 12 }"""));
        var connection = Connect();

        await Assert.ThrowsAsync<AdoApiException>(() => connection.GetClient<WorkItemsClient>().UpdateWorkItemAsync(Title, 12));

        Assert.Equal(1, Received("PATCH"));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task A_create_refused_with_retry_after_is_sent_again(int status)
    {
        _ado.RespondInSequence("POST", CreatePath, () => Response.Create().WithStatusCode(status).WithHeader("Retry-After", "0"), () => Response.Create().WithBody(Created));
        var connection = Connect();

        var item = await connection.GetClient<WorkItemsClient>().CreateWorkItemAsync(Title, "Fabrikam", "Task");

        Assert.Equal(131489, item.Id);
        Assert.Equal(2, Received("POST"));
    }

    [Fact]
    public async Task A_create_answered_503_without_retry_after_is_not_sent_again()
    {
        _ado.RespondInSequence("POST", CreatePath, () => Response.Create().WithStatusCode(503), () => Response.Create().WithBody(Created));
        var connection = Connect();

        await Assert.ThrowsAsync<AdoApiException>(() => connection.GetClient<WorkItemsClient>().CreateWorkItemAsync(Title, "Fabrikam", "Task"));

        Assert.Equal(1, Received("POST"));
    }

    [Fact]
    public async Task Reads_are_still_retried_on_500()
    {
        _ado.RespondInSequence("GET", UpdatePath, () => Response.Create().WithStatusCode(500), () => Response.Create().WithBody("""{ "id": 12 }"""));
        var connection = Connect();

        var item = await connection.GetClient<WorkItemsClient>().GetWorkItemAsync(12);

        Assert.Equal(12, item.Id);
        Assert.Equal(2, Received("GET"));
    }

    [Fact]
    public async Task Callers_who_know_their_writes_are_idempotent_can_opt_in()
    {
        _ado.RespondInSequence("POST", CreatePath, () => Response.Create().WithStatusCode(500), () => Response.Create().WithBody(Created));
        var connection = Connect(retryWrites: true);

        var item = await connection.GetClient<WorkItemsClient>().CreateWorkItemAsync(Title, "Fabrikam", "Task");

        Assert.Equal(131489, item.Id);
        Assert.Equal(2, Received("POST"));
    }

    [Fact]
    public async Task A_create_whose_connection_was_refused_is_sent_again_since_nothing_left()
    {
        // A port with no listener: the connection is refused before any byte of the request is sent.
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var options = EmbeddedAdo.CreateOptions();
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        var attempts = 0;
        options.AddPolicy(new CountingPolicy(() => Interlocked.Increment(ref attempts)), Azure.Core.HttpPipelinePosition.PerRetry);
        var connection = new AdoConnection(new Uri($"https://127.0.0.1:{port}/fabrikam"), new FakeCredential(), options);

        await Assert.ThrowsAnyAsync<Exception>(() => connection.GetClient<WorkItemsClient>().CreateWorkItemAsync(Title, "Fabrikam", "Task"));

        Assert.Equal(3, attempts);
    }

    private sealed class CountingPolicy(Action onSend) : Azure.Core.Pipeline.HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(Azure.Core.HttpMessage message) => onSend();
    }

    public void Dispose() => _ado.Dispose();
}
