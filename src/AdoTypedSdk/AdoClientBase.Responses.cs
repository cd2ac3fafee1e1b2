using System.Net;

namespace AdoTypedSdk;

public abstract partial class AdoClientBase
{
    /// <summary>
    /// Called by the generated methods with every response before its status is examined: reports rate-limit headers and turns ADO's
    /// ways of rejecting an identity (401, a 203 or redirect to a sign-in page, HTML instead of JSON) into <see cref="AdoAuthenticationException"/>.
    /// </summary>
    protected virtual async Task ProcessResponseAsync(HttpClient client, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // Read in place: every response passes here, and few carry rate-limit headers or are rejections.
        if (AdoRateLimit.FromResponse(response) is { } rateLimit)
            Connection.Report(rateLimit);

        var reason = RejectionReason(response);
        if (reason is null)
            return;
        var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        throw new AdoAuthenticationException(
            $"Azure DevOps did not accept the identity for {response.RequestMessage?.RequestUri?.GetLeftPart(UriPartial.Path)}: {reason} {AdoAuthenticationException.Checklist}",
            (int)response.StatusCode, body, headers);
    }

    private static string? RejectionReason(HttpResponseMessage response)
    {
        var status = response.StatusCode;
        if (status == HttpStatusCode.Unauthorized)
            return "HTTP 401 Unauthorized.";
        if (status == HttpStatusCode.NonAuthoritativeInformation)
            return "HTTP 203, ADO's answer with a sign-in page instead of data.";
        if ((int)status is >= 300 and < 400 && response.Headers.Location is { } location && IsSignIn(location))
            return $"a redirect to the sign-in page {location.GetLeftPart(UriPartial.Path)}.";
        var expectsJson = response.RequestMessage is { } request && request.Headers.Accept.Count > 0 && Pipeline.AdoPipelineHandler.ExpectsJson(request);
        if (response.IsSuccessStatusCode && expectsJson && response.Content.Headers.ContentType?.MediaType == "text/html")
            return "an HTML page where JSON was expected (a sign-in page).";
        return null;
    }

    private static bool IsSignIn(Uri location) =>
        location.AbsolutePath.Contains("signin", StringComparison.OrdinalIgnoreCase)
        || location.Host.StartsWith("login.", StringComparison.OrdinalIgnoreCase);
}
