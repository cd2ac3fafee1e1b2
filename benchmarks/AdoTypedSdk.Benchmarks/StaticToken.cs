using Azure.Core;

/// <summary>A credential whose token never expires during a run: the bearer policy's cache answers every call after the first.</summary>
internal sealed class StaticToken : TokenCredential
{
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => new("benchmark", DateTimeOffset.UtcNow.AddHours(1));

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(GetToken(requestContext, cancellationToken));
}
