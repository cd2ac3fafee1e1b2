using System.Text;
using AdoTypedSdk.Hooks;
using AdoTypedSdk.Tests.Infrastructure;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdoTypedSdk.Tests.Hooks;

/// <summary>The receiver's door (credentials, size, shape) and its once-per-event handling over a shared cache.</summary>
public sealed class ServiceHookReceiverTests
{
    private const string User = "ado-hooks";
    private const string Password = "c0rrect-h0rse-battery-staple";
    private static readonly byte[] Event = File.ReadAllBytes(ServiceHookEventTests.PayloadPath("workitem.updated"));

    private readonly LogCapture _logs = new("AdoTypedSdk");
    private readonly IDistributedCache _cache = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
    private readonly List<string> _handled = [];

    private ServiceHookReceiver Receiver(Action<ServiceHookReceiverOptions>? configure = null, IDistributedCache? cache = null)
    {
        var options = new ServiceHookReceiverOptions { BasicUserName = User, BasicPassword = Password };
        configure?.Invoke(options);
        return new ServiceHookReceiver(Options.Create(options), cache ?? _cache, new LoggerFactory([_logs]).CreateLogger<ServiceHookReceiver>());
    }

    private static ServiceHookRequest Delivery(Stream body, Dictionary<string, string>? headers = null, long? length = null, string? basic = null)
    {
        headers ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        headers["Authorization"] = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(basic ?? User + ":" + Password));
        return new ServiceHookRequest(name => headers.GetValueOrDefault(name), body, length);
    }

    private Task<ServiceHookReceipt> ReceiveAsync(ServiceHookReceiver receiver, ServiceHookRequest request) =>
        receiver.ReceiveAsync(request, (e, _) => { lock (_handled) _handled.Add(e.Id); return Task.CompletedTask; });

    [Fact]
    public async Task A_delivery_with_the_subscriptions_credentials_is_read_and_handled()
    {
        var receipt = await ReceiveAsync(Receiver(), Delivery(new MemoryStream(Event), length: Event.Length));

        Assert.Equal(200, receipt.Status);
        Assert.Equal("workitem.updated", receipt.Event!.EventType);
        Assert.Equal(["e0020000-aaaa-4bbb-8ccc-dddddddddddd"], _handled);
    }

    [Theory]
    [InlineData("ado-hooks:wrong")]
    [InlineData("ado-hooks:c0rrect-h0rse-battery-stapl")]
    [InlineData("someone:c0rrect-h0rse-battery-staple")]
    [InlineData("not base64 at all")]
    public async Task Wrong_credentials_are_refused_with_401_before_the_body_is_read(string credentials)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var request = Delivery(new UnreadableStream(), headers);
        headers["Authorization"] = credentials.Contains(' ') ? "Basic " + credentials : "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));

        var receipt = await ReceiveAsync(Receiver(), request);

        Assert.Equal(401, receipt.Status);
        Assert.StartsWith("Basic realm=", receipt.WwwAuthenticate);
        Assert.Empty(_handled);
        Assert.Contains(_logs.Lines, l => l.Contains("credentials do not match"));
    }

    [Fact]
    public async Task A_secret_header_is_checked_instead_of_basic_authentication_when_configured()
    {
        var receiver = Receiver(o => (o.BasicUserName, o.BasicPassword, o.SecretHeaderName, o.SecretHeaderValue) = (null, null, "X-Hook-Secret", "s3cret"));
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["x-hook-secret"] = "s3cret" };

        Assert.Equal(200, (await ReceiveAsync(receiver, Delivery(new MemoryStream(Event), headers))).Status);
        headers["x-hook-secret"] = "s3cre";
        var refused = await ReceiveAsync(receiver, Delivery(new UnreadableStream(), headers));
        Assert.Equal(401, refused.Status);
        Assert.Null(refused.WwwAuthenticate);
    }

    [Fact]
    public async Task A_body_declared_over_the_limit_is_refused_with_413_unread()
    {
        var receipt = await ReceiveAsync(Receiver(o => o.MaxBodyBytes = 1000), Delivery(new UnreadableStream(), length: 1001));

        Assert.Equal(413, receipt.Status);
        Assert.Equal("The body is over the receiver's limit of 1000 bytes (1001 bytes declared).", receipt.Message);
    }

    [Fact]
    public async Task A_body_that_runs_past_the_limit_is_refused_with_413_and_read_no_further()
    {
        var body = new CountingStream(new MemoryStream(new byte[10_000_000]));

        var receipt = await ReceiveAsync(Receiver(o => o.MaxBodyBytes = 100_000), Delivery(body));

        Assert.Equal(413, receipt.Status);
        Assert.InRange(body.BytesRead, 100_000, 100_000 + 16 * 1024);
        Assert.Empty(_handled);
    }

    [Fact]
    public async Task A_body_that_is_not_an_event_is_refused_with_400_naming_what_is_missing()
    {
        var receipt = await ReceiveAsync(Receiver(), Delivery(new MemoryStream("""{ "eventType": "git.push", "resource": {} }"""u8.ToArray())));

        Assert.Equal(400, receipt.Status);
        Assert.Equal("The body is not a service-hook event: it has no id.", receipt.Message);
    }

    [Fact]
    public async Task A_repeated_delivery_is_acknowledged_skipped_and_logged_even_by_another_instance()
    {
        var first = await ReceiveAsync(Receiver(), Delivery(new MemoryStream(Event)));
        var again = await ReceiveAsync(Receiver(), Delivery(new MemoryStream(Event))); // another instance, the same shared cache

        Assert.Equal((200, false), (first.Status, first.Duplicate));
        Assert.Equal((200, true), (again.Status, again.Duplicate));
        Assert.Single(_handled);
        Assert.Contains(_logs.Lines, l => l == "Information AdoTypedSdk.Hooks.ServiceHookReceiver: Skipped a repeated delivery of workitem.updated event e0020000-aaaa-4bbb-8ccc-dddddddddddd: processed before.");
    }

    [Fact]
    public async Task A_delivery_while_the_event_is_being_processed_is_answered_409_so_ado_tries_again_later()
    {
        var receiver = Receiver();
        var release = new TaskCompletionSource();
        var first = receiver.ReceiveAsync(Delivery(new MemoryStream(Event)), async (_, _) => await release.Task);

        var during = await ReceiveAsync(receiver, Delivery(new MemoryStream(Event)));
        release.SetResult();
        await first;

        Assert.Equal(409, during.Status);
        Assert.Empty(_handled);
    }

    [Fact]
    public async Task A_handler_that_fails_lets_ados_next_delivery_be_processed()
    {
        var receiver = Receiver();
        await Assert.ThrowsAsync<TimeoutException>(() => receiver.ReceiveAsync(Delivery(new MemoryStream(Event)), (_, _) => throw new TimeoutException()));

        var retried = await ReceiveAsync(receiver, Delivery(new MemoryStream(Event)));

        Assert.Equal((200, false), (retried.Status, retried.Duplicate));
        Assert.Single(_handled);
    }

    [Fact]
    public void A_receiver_without_credentials_fails_at_startup_naming_the_settings()
    {
        var services = new ServiceCollection();
        services.AddAdoServiceHookReceiver(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["MaxBodyBytes"] = "2048" }).Build());
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ServiceHookReceiver>());

        Assert.Contains("Set BasicUserName and BasicPassword", error.Message);
        Assert.Contains("SecretHeaderName and SecretHeaderValue", error.Message);
        Assert.Equal(2048, provider.GetRequiredService<IOptions<ServiceHookReceiverOptions>>().Value.MaxBodyBytes);
        Assert.IsType<MemoryDistributedCache>(provider.GetRequiredService<IDistributedCache>());
    }

    /// <summary>A body the receiver must not read.</summary>
    private sealed class UnreadableStream : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("the body was read");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => throw new InvalidOperationException("the body was read");
    }

    private sealed class CountingStream(Stream inner) : MemoryStream
    {
        public long BytesRead { get; private set; }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            BytesRead += read;
            return read;
        }
    }
}
