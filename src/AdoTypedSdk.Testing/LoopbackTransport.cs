using System.Net;
using Azure.Core.Pipeline;

namespace AdoTypedSdk.Testing;

/// <summary>
/// An Azure.Core transport for tests and demos: it trusts only <see cref="LoopbackCertificate"/> and refuses, before any network I/O, every
/// request whose host is not loopback — so no test can reach a real service or the instance-metadata address.
/// </summary>
public static class LoopbackTransport
{
    /// <summary>Creates the guarded transport.</summary>
    public static HttpPipelineTransport Create() => new HttpClientTransport(new LoopbackOnlyHandler(new HttpClientHandler
    {
        AllowAutoRedirect = false,
        ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == LoopbackCertificate.Instance.Thumbprint,
    }));

    /// <summary>True for 127.0.0.0/8, ::1 and localhost.</summary>
    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);

    private sealed class LoopbackOnlyHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri is not { } uri || !IsLoopback(uri))
                throw new InvalidOperationException($"Blocked a request to {request.RequestUri}: tests and demos may only reach loopback addresses.");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
