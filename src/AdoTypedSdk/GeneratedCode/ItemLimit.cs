using System.ComponentModel;
using Azure;

namespace AdoTypedSdk.GeneratedCode;

/// <summary>
/// For generated code; not part of the supported API, and may change in any release. Sends a call whose list parameter has a documented
/// maximum (work item ids: 200 a call) with any number of items.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ItemLimit
{
    /// <summary>
    /// Asks for each item once, in calls of at most <paramref name="maxPerCall"/> items, <see cref="AdoClientOptions.SplitCallConcurrency"/>
    /// at a time, each through the whole pipeline; an empty list makes no call. ADO answers such a list item for item, in the order
    /// asked (a null where <c>errorPolicy=Omit</c> leaves out an item it cannot read), so each answer is put back at every place the
    /// caller asked for its key: the result is in the caller's order, a duplicate key answered twice from one item. The first call that
    /// fails cancels the others, and its exception is the call's.
    /// </summary>
    public static async Task<IReadOnlyList<TItem>> SplitAsync<TKey, TItem>(
        AdoClientBase client,
        IEnumerable<TKey>? keys,
        int maxPerCall,
        Func<IEnumerable<TKey>?, CancellationToken, Task<Response<IReadOnlyList<TItem>>>> call,
        CancellationToken cancellationToken) where TKey : notnull
    {
        var asked = keys?.ToList();
        if (asked is null)
            return (await call(null, cancellationToken).ConfigureAwait(false)).Value;
        if (asked.Count == 0)
            return [];
        var distinct = asked.Distinct().ToList();
        if (distinct.Count == asked.Count && asked.Count <= maxPerCall)
            return (await call(asked, cancellationToken).ConfigureAwait(false)).Value;

        var parts = distinct.Chunk(maxPerCall).ToList();
        var answers = new IReadOnlyList<TItem>[parts.Count];
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var gate = new SemaphoreSlim(client.Connection?.Options.SplitCallConcurrency ?? 1);
        var calls = parts.Select(async (part, index) =>
        {
            await gate.WaitAsync(failed.Token).ConfigureAwait(false);
            try
            {
                answers[index] = (await call(part, failed.Token).ConfigureAwait(false)).Value ?? [];
            }
            catch
            {
                await failed.CancelAsync().ConfigureAwait(false);
                throw;
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        try
        {
            await Task.WhenAll(calls).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The calls cancelled because another failed: that failure is the answer.
        }
        if (calls.Select(c => c.Exception?.InnerException).FirstOrDefault(e => e is not null and not OperationCanceledException) is { } failure)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        cancellationToken.ThrowIfCancellationRequested();

        if (parts.Select((part, index) => answers[index].Count == part.Length).All(aligned => aligned))
        {
            var byKey = new Dictionary<TKey, TItem>(distinct.Count);
            for (var index = 0; index < parts.Count; index++)
                for (var item = 0; item < parts[index].Length; item++)
                    byKey[parts[index][item]] = answers[index][item];
            return asked.Select(key => byKey[key]).ToList();
        }
        // An answer that is not item for item cannot be matched to its keys: the items as they came, call after call.
        return answers.SelectMany(answer => answer).ToList();
    }
}
