using Azure.Core;

namespace AdoTypedSdk.Tests.Infrastructure;

/// <summary>A <see cref="TokenCredential"/> that hands out numbered tokens with a chosen lifetime and counts the requests.</summary>
internal sealed class FakeCredential(TimeSpan lifetime, TimeSpan? latency = null) : TokenCredential
{
    private int _requests;

    public FakeCredential() : this(TimeSpan.FromHours(1)) { }

    public int Requests => Volatile.Read(ref _requests);

    public List<string[]> Scopes { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref _requests);
        lock (Scopes) Scopes.Add(requestContext.Scopes);
        if (latency is { } delay)
            await Task.Delay(delay, cancellationToken);
        return new AccessToken($"token-{number}", DateTimeOffset.UtcNow.Add(lifetime));
    }
}
