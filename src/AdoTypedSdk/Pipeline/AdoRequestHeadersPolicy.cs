using Azure.Core;
using Azure.Core.Pipeline;

namespace AdoTypedSdk.Pipeline;

/// <summary>
/// ADO's request conventions: <c>X-TFS-FedAuthRedirect: Suppress</c> makes a rejected token answer 401 instead of a 203 sign-in page.
/// (The <c>User-Agent</c> naming AdoTypedSdk and its version is Azure.Core's telemetry policy.)
/// </summary>
internal sealed class AdoRequestHeadersPolicy : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message) =>
        message.Request.Headers.SetValue("X-TFS-FedAuthRedirect", "Suppress");
}
