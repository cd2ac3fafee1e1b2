using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AdoTypedSdk.Pipeline;

/// <summary>
/// Turns ADO's ways of rejecting an identity into <see cref="AdoAuthenticationException"/>, for every request of the connection (generated
/// calls, pages, links): HTTP 401, a 203 or a redirect to a sign-in page, and an HTML page where JSON was asked for. Placed before the
/// retry policy, so it sees the last answer.
/// </summary>
internal sealed class AdoRejectedIdentityPolicy : HttpPipelinePolicy
{
    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        if (RejectionReason(message) is { } reason)
            throw Rejected(message, reason, await BodyAsync(message.Response, async: true).ConfigureAwait(false));
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        if (RejectionReason(message) is { } reason)
            throw Rejected(message, reason, BodyAsync(message.Response, async: false).AsTask().GetAwaiter().GetResult());
    }

    private static string? RejectionReason(HttpMessage message)
    {
        var response = message.Response;
        var status = response.Status;
        if (status == 401)
            return "HTTP 401 Unauthorized.";
        if (status == 203)
            return "HTTP 203, ADO's answer with a sign-in page instead of data.";
        if (status is >= 300 and < 400 && response.Headers.TryGetValue("Location", out var location)
            && Uri.TryCreate(location, UriKind.Absolute, out var target) && IsSignIn(target))
            return $"a redirect to the sign-in page {target.GetLeftPart(UriPartial.Path)}.";
        // The Accept header is looked at only for an HTML answer: every response passes here.
        if (status is >= 200 and < 300 && response.Headers.ContentType is { } type && type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)
            && AsksForJson(message.Request))
            return "an HTML page where JSON was expected (a sign-in page).";
        return null;
    }

    private static bool AsksForJson(Request request) =>
        request.Headers.TryGetValue("Accept", out var accept) && accept.Contains("json", StringComparison.OrdinalIgnoreCase);

    private static bool IsSignIn(Uri location) =>
        location.AbsolutePath.Contains("signin", StringComparison.OrdinalIgnoreCase)
        || location.Host.StartsWith("login.", StringComparison.OrdinalIgnoreCase);

    private static async ValueTask<string?> BodyAsync(Response response, bool async)
    {
        if (response.ContentStream is not { } stream)
            return null;
        if (stream.CanSeek)
            stream.Position = 0;
        using var reader = new StreamReader(stream);
        return async ? await reader.ReadToEndAsync().ConfigureAwait(false) : reader.ReadToEnd();
    }

    private static AdoAuthenticationException Rejected(HttpMessage message, string reason, string? body)
    {
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in message.Response.Headers)
            headers[header.Name] = [header.Value];
        return new AdoAuthenticationException(
            $"Azure DevOps did not accept the identity for {message.Request.Uri.ToUri().GetLeftPart(UriPartial.Path)}: {reason} {AdoAuthenticationException.Checklist}",
            message.Response.Status, body, headers);
    }
}
