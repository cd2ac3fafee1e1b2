using Azure;

namespace AdoTypedSdk;

/// <summary>
/// Azure DevOps did not accept the caller's identity: HTTP 401, a 203 or redirect to a sign-in page, or an HTML page where JSON was
/// expected. The message says what to check, beside ADO's own message when it sent one.
/// </summary>
public sealed class AdoAuthenticationException : AdoApiException
{
    internal const string Checklist =
        "Check that the identity (managed identity, service principal or user) has been added as a user of the organization with access to the project, " +
        "and that its token comes from the organization's Microsoft Entra tenant.";

    /// <summary>A rejected identity: <paramref name="reason"/> says how ADO rejected it.</summary>
    internal AdoAuthenticationException(Response response, AdoOperation? operation, string target, string reason)
        : base(response, operation, null, (_, error) =>
            $"Azure DevOps did not accept the identity for {target}: {reason}{(error?.Message is { } said ? " ADO said: " + said : "")} {Checklist}")
    {
    }

    /// <summary>A request refused before sending (credentials over plain http).</summary>
    internal AdoAuthenticationException(string message, AdoOperation? operation)
        : base(message, operation, null)
    {
    }
}
