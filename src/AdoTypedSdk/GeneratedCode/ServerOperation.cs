using System.ComponentModel;
using Azure;

namespace AdoTypedSdk.GeneratedCode;

/// <summary>
/// For generated code; not part of the supported API, and may change in any release. Starts the work of a call whose answer is an
/// operation reference, and follows it as an <see cref="AdoServerOperation{T}"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ServerOperation
{
    /// <summary>
    /// Sends the call that starts the work (once: it is a write, which the pipeline never repeats), then, with
    /// <see cref="WaitUntil.Completed"/>, waits until the work has ended.
    /// </summary>
    public static async Task<Operation<T>> StartAsync<T>(AdoClientBase client, Func<Task<Response>> start, WaitUntil waitUntil, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(start);
        return await PollingOperation.WaitIfAskedAsync<Operation<T>>(AdoServerOperation<T>.Started(client.Connection, await start().ConfigureAwait(false)),
            waitUntil, cancellationToken).ConfigureAwait(false);
    }
}
