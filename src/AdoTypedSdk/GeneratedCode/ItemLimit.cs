using System.ComponentModel;
using Azure;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.GeneratedCode;

/// <summary>
/// For generated code; not part of the supported API, and may change in any release. Sends a call whose list parameter (or list in its
/// request body) has a documented maximum (work item ids: 200 a call) with any number of items.
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

    /// <summary>
    /// <see cref="SplitAsync"/> for a list in the request body (<c>{ "ids": [...], "fields": [...] }</c>): each call sends a copy of
    /// <paramref name="body"/> whose <paramref name="listProperty"/> (its JSON name) holds that call's items, the rest of the body alike;
    /// the caller's body is left as it was. A body whose list fits one call is sent as it is.
    /// </summary>
    public static Task<IReadOnlyList<TItem>> SplitBodyAsync<TBody, TItem>(
        AdoClientBase client,
        TBody body,
        string listProperty,
        int maxPerCall,
        Func<TBody, CancellationToken, Task<Response<IReadOnlyList<TItem>>>> call,
        CancellationToken cancellationToken) where TBody : class
    {
        ArgumentNullException.ThrowIfNull(body);
        var json = JObject.FromObject(body, AdoJson.Serializer);
        // Each item by its JSON text: ids of any type are told apart and put back in their calls as they were.
        var keys = (json[listProperty] as JArray)?.Select(item => item.ToString(Formatting.None)).ToList();
        if (keys is null || (keys.Count <= maxPerCall && keys.Distinct().Count() == keys.Count))
            return ValueOf(call(body, cancellationToken));
        return SplitAsync(client, keys, maxPerCall, (part, cancellation) =>
        {
            var copy = (JObject)json.DeepClone();
            copy[listProperty] = new JArray(part!.Select(JToken.Parse));
            return call(copy.ToObject<TBody>(AdoJson.Serializer)!, cancellation);
        }, cancellationToken);
    }

    private static async Task<IReadOnlyList<TItem>> ValueOf<TItem>(Task<Response<IReadOnlyList<TItem>>> call) => (await call.ConfigureAwait(false)).Value;
}
