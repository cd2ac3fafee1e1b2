using Azure;

namespace AdoTypedSdk;

/// <summary>
/// ADO's headers of any answer (<c>GetRawResponse()</c> of a call, a page, an <see cref="AdoApiException"/>), read where they are:
/// <c>response.ActivityId</c> for a support ticket, <c>response.ETag</c> for a later <c>If-Match</c>, <c>response.RateLimit</c>,
/// <c>response.ContinuationToken</c>.
/// </summary>
public static class AdoResponseExtensions
{
    private const string ContinuationTokenHeader = "x-ms-continuationtoken";

    extension(Response response)
    {
        /// <summary>ADO's <c>ActivityId</c> of the request: quote it in a support ticket.</summary>
        public string? ActivityId => ResponseHeaderValues.Get(response, "ActivityId");

        /// <summary>
        /// The <c>ETag</c> header as ADO sent it, quotes included: pass it as it is to the <c>If-Match</c> parameter of a later edit
        /// (<c>Headers.ETag</c> gives it parsed).
        /// </summary>
        public string? ETag => ResponseHeaderValues.Get(response, "ETag");

        /// <summary>The <c>x-ms-continuationtoken</c> header: where a list continues, when it does.</summary>
        public string? ContinuationToken =>
            ResponseHeaderValues.Get(response, ContinuationTokenHeader) is { Length: > 0 } token ? token : null;

        /// <summary>The rate-limit headers ADO sent with this answer, or null.</summary>
        public AdoRateLimit? RateLimit => AdoRateLimit.FromResponse(response);
    }
}
