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
        {
            if (message.Response.ContentStream is { CanSeek: false } stream)
                await BufferAsync(message.Response, stream).ConfigureAwait(false);
            throw Rejected(message, reason);
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        if (RejectionReason(message) is { } reason)
            throw Rejected(message, reason);
    }

    private static string? RejectionReason(HttpMessage message)
    {
        var response = message.Response;
        var status = response.Status;
        if (status == 401)
            return "HTTP 401 Unauthorized.";
        if (status == 203)
            return "HTTP 203, ADO's answer with a sign-in page instead of data.";
        if (status is >= 300 and < 400 && ResponseHeaderValues.Get(response, "Location") is { } location
            && Uri.TryCreate(location, UriKind.Absolute, out var target) && IsSignIn(target))
            return $"a redirect to the sign-in page {target.GetLeftPart(UriPartial.Path)}.";
        // The Accept header is looked at only for an HTML answer: every response passes here.
        if (status is >= 200 and < 300 && ResponseHeaderValues.Get(response, "Content-Type") is { } type && type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)
            && AsksForJson(message.Request))
            return "an HTML page where JSON was expected (a sign-in page).";
        return null;
    }

    private static bool AsksForJson(Request request) =>
        request.Headers.TryGetValue("Accept", out var accept) && accept.Contains("json", StringComparison.OrdinalIgnoreCase);

    private static bool IsSignIn(Uri location) =>
        location.AbsolutePath.Contains("signin", StringComparison.OrdinalIgnoreCase)
        || location.Host.StartsWith("login.", StringComparison.OrdinalIgnoreCase);

    /// <summary>A download's answer is a network stream: the page is read, so the exception can quote it.</summary>
    private static async ValueTask BufferAsync(Response response, Stream stream)
    {
        var buffered = new MemoryStream();
        await stream.CopyToAsync(buffered).ConfigureAwait(false);
        buffered.Position = 0;
        response.ContentStream = buffered;
    }

    private static AdoAuthenticationException Rejected(HttpMessage message, string reason) =>
        new(message.Response, message.TryGetProperty(typeof(AdoOperation), out var operation) ? operation as AdoOperation : null,
            message.Request.Uri.ToUri().GetLeftPart(UriPartial.Path), reason);
}
