using Newtonsoft.Json;

namespace AdoTypedSdk;

public sealed partial class AdoConnection
{
    /// <summary>
    /// Follows a URL from a response's <c>_links</c> (or any absolute URL) with a GET through this connection's pipeline and reads the JSON
    /// answer as <typeparamref name="T"/>. Credentials go with it only when it points at one of the organization's ADO hosts; the
    /// pipeline's rate-limit reports and detection of a rejected identity apply as to any call.
    /// </summary>
    public async Task<T?> GetLinkAsync<T>(Uri link, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (!link.IsAbsoluteUri)
            throw new ArgumentException($"'{link}' is not an absolute URL; _links hold absolute URLs.", nameof(link));
        using var request = new HttpRequestMessage(HttpMethod.Get, link);
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
            throw new AdoApiException($"GET {link.GetLeftPart(UriPartial.Path)} failed.", (int)response.StatusCode, body, headers, null);
        }
        using var reader = new JsonTextReader(new StringReader(body)) { ArrayPool = Serialization.JsonCharPool.Instance };
        return AdoJson.Serializer.Deserialize<T>(reader);
    }
}
