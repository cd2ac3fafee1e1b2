using AdoTypedSdk.GeneratedCode;
using Azure;
using Azure.Core;

namespace AdoTypedSdk;

public sealed partial class AdoConnection
{
    /// <summary>
    /// Follows a URL from a response's <c>_links</c> (or any absolute URL) with a GET through this connection's pipeline and reads the JSON
    /// answer as <typeparamref name="T"/>. Credentials go with it only when it points at one of the organization's ADO hosts; the
    /// pipeline's rate-limit reports and detection of a rejected identity apply as to any call.
    /// </summary>
    /// <exception cref="AdoApiException">ADO answered with an error, or no complete answer arrived.</exception>
    public async Task<T?> GetLinkAsync<T>(Uri link, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (!link.IsAbsoluteUri)
            throw new ArgumentException($"'{link}' is not an absolute URL; _links hold absolute URLs.", nameof(link));
        return (await ReadAsync<T?>(link, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <summary>A GET of <paramref name="uri"/> through the pipeline, its JSON answer read as <typeparamref name="T"/> (default for a 204).</summary>
    internal async Task<Response<T>> ReadAsync<T>(Uri uri, CancellationToken cancellationToken)
    {
        using var message = Pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Get;
        message.Request.Uri.Reset(uri);
        message.Request.Headers.SetValue(HttpHeader.Names.Accept, "application/json");
        await OperationRequest.SendAsync(Pipeline, message, null, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        await OperationRequest.BufferAsync(response, cancellationToken).ConfigureAwait(false);
        if (response.Status is < 200 or >= 300)
            throw new AdoApiException(response, null, $"GET {uri.GetLeftPart(UriPartial.Path)} failed.");
        return Response.FromValue(response.Status == 204 ? default! : AdoJson.Read<T>(response, null), response);
    }
}
