using System.ComponentModel;
using Azure;

namespace AdoTypedSdk.GeneratedCode;

/// <summary>For generated code; not part of the supported API, and may change in any release.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ResponseValue
{
    /// <summary>
    /// The value of <paramref name="response"/> once it arrives. Every generated plain method returns this instead of awaiting its
    /// <c>…WithResponseAsync</c> sibling itself, so the clients compile without a state machine per operation.
    /// </summary>
    public static async Task<T> Of<T>(Task<Response<T>> response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return (await response.ConfigureAwait(false)).Value;
    }
}
