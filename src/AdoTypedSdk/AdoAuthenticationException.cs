namespace AdoTypedSdk;

/// <summary>
/// Azure DevOps did not accept the caller's identity: HTTP 401, a 203 or redirect to a sign-in page, or an HTML page where JSON was
/// expected. The message says what to check.
/// </summary>
public sealed class AdoAuthenticationException : AdoApiException
{
    internal const string Checklist =
        "Check that the identity (managed identity, service principal or user) has been added as a user of the organization with access to the project, " +
        "and that its token comes from the organization's Microsoft Entra tenant.";

    /// <summary>Creates the exception for a rejected identity.</summary>
    public AdoAuthenticationException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers)
        : base(message, statusCode, response, headers, AdoServerError.Parse(response), innerException: null, keepMessage: true)
    {
    }

    /// <summary>Creates the exception for a request refused before sending (credentials over plain http).</summary>
    public AdoAuthenticationException(string message)
        : base(message, 0, null, new Dictionary<string, IEnumerable<string>>(), serverError: null, innerException: null)
    {
    }
}
