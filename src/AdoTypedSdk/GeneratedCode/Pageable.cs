using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.GeneratedCode;

/// <summary>
/// For generated code; not part of the supported API, and may change in any release. Builds the <see cref="AsyncPageable{T}"/> of a
/// pageable operation.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Pageable
{
    /// <summary>
    /// Walks the pages of one operation: each page request goes through the client's whole pipeline, and the walk ends when the answer
    /// carries no continuation token (in the <c>x-ms-continuationtoken</c> header or, where the operation has one, in the body), repeats
    /// the token it was sent, or says it is the last page.
    /// </summary>
    /// <param name="getPage">Sends one page request with a continuation token and a page size (both null for the first page by default).</param>
    /// <param name="items">The page's items.</param>
    /// <param name="nextToken">The continuation token in the body, for operations that put it there.</param>
    /// <param name="isLastPage">The body's own end-of-list flag, for operations that have one.</param>
    /// <param name="cancellationToken">Stops the walk, between pages and inside one.</param>
    public static AsyncPageable<TItem> Create<TPage, TItem>(
        Func<string?, int?, CancellationToken, Task<Response<TPage>>> getPage,
        Func<TPage, IEnumerable<TItem>?> items,
        Func<TPage, string?>? nextToken,
        Func<TPage, bool>? isLastPage,
        CancellationToken cancellationToken) where TItem : notnull =>
        new PageWalk<TPage, TItem>(getPage, items, nextToken, isLastPage, cancellationToken);

    /// <summary>
    /// Walks a list that pages by offset (<c>$top</c> and <c>$skip</c>): each page asks for the items after those already received,
    /// advancing by the number the page brought, and the walk ends only on an empty page. A short page is not taken for the last one,
    /// since the service may cap a page below the size asked; that costs one request more, which returns no items. Each page's
    /// continuation token is the skip of the page after it, so <c>AsPages(token)</c> resumes a walk; the empty last page has none.
    /// </summary>
    /// <param name="getPage">Sends one page request with a skip and a page size (null: the service's own).</param>
    /// <param name="cancellationToken">Stops the walk, between pages and inside one.</param>
    public static AsyncPageable<TItem> CreateByOffset<TPage, TItem>(
        Func<int, int?, CancellationToken, Task<Response<TPage>>> getPage,
        CancellationToken cancellationToken) where TPage : IEnumerable<TItem>? where TItem : notnull =>
        new OffsetWalk<TPage, TItem>(getPage, cancellationToken);

    /// <summary>The first of several alternative item lists that the service filled (a model with two arrays of the same items).</summary>
    public static IEnumerable<T>? FirstFilled<T>(params IEnumerable<T>?[] lists) =>
        lists.FirstOrDefault(l => l is not null && l.Any()) ?? lists.FirstOrDefault(l => l is not null);

    /// <summary>
    /// A copy of a query object with the continuation token set, for operations whose token travels in the request body: the caller's
    /// object is left as it was.
    /// </summary>
    public static TBody WithContinuationToken<TBody>(TBody body, string? token, Action<TBody, string> setToken) where TBody : class
    {
        ArgumentNullException.ThrowIfNull(body);
        if (token is null)
            return body;
        var copy = JToken.FromObject(body, AdoJson.Serializer).ToObject<TBody>(AdoJson.Serializer)!;
        setToken(copy, token);
        return copy;
    }

    /// <summary>The walk's token and the enumeration's (<c>WithCancellation</c>), as one: either stops the walk.</summary>
    private static CancellationTokenSource? Either(CancellationToken walk, CancellationToken enumeration, out CancellationToken either)
    {
        var linked = enumeration.CanBeCanceled && walk.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(walk, enumeration) : null;
        either = linked?.Token ?? (enumeration.CanBeCanceled ? enumeration : walk);
        return linked;
    }

    private sealed class OffsetWalk<TPage, TItem>(
        Func<int, int?, CancellationToken, Task<Response<TPage>>> getPage,
        CancellationToken cancellationToken) : AsyncPageable<TItem>(cancellationToken) where TPage : IEnumerable<TItem>? where TItem : notnull
    {
        public override IAsyncEnumerable<Page<TItem>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
        {
            var skip = 0;
            if (continuationToken is not null && (!int.TryParse(continuationToken, NumberStyles.None, CultureInfo.InvariantCulture, out skip)))
                throw new ArgumentException($"'{continuationToken}' is not a continuation token of this list: its tokens are the number of items to skip, such as '200'.", nameof(continuationToken));
            if (pageSizeHint is <= 0)
                throw new ArgumentOutOfRangeException(nameof(pageSizeHint), pageSizeHint, "A page size is a positive number of items ($top).");
            return Pages(skip, pageSizeHint, default);
        }

        private async IAsyncEnumerable<Page<TItem>> Pages(int skip, int? pageSize, [EnumeratorCancellation] CancellationToken enumeration)
        {
            using var linked = Either(CancellationToken, enumeration, out var cancellation);
            BinaryData? previous = null;
            var previousSkip = skip;
            while (true)
            {
                cancellation.ThrowIfCancellationRequested();
                var response = await getPage(skip, pageSize, cancellation).ConfigureAwait(false);
                IReadOnlyList<TItem> values = response.Value as IReadOnlyList<TItem> ?? response.Value?.ToList() ?? [];
                if (values.Count == 0)
                {
                    yield return Page<TItem>.FromValues(values, null, response.GetRawResponse());
                    yield break;
                }
                // A service that ignored $skip would answer the first page again and again: the walk would never end.
                var content = response.GetRawResponse().Content;
                if (previous is not null && content is not null && previous.ToMemory().Span.SequenceEqual(content.ToMemory().Span))
                    throw new InvalidOperationException($"Azure DevOps answered the same {values.Count} items for $skip={skip} as for $skip={previousSkip}: it does not page this list by $skip, so it cannot be walked. Call the single-page method instead.");
                (previous, previousSkip) = (content, skip);
                skip += values.Count;
                yield return Page<TItem>.FromValues(values, skip.ToString(CultureInfo.InvariantCulture), response.GetRawResponse());
            }
        }
    }

    private sealed class PageWalk<TPage, TItem>(
        Func<string?, int?, CancellationToken, Task<Response<TPage>>> getPage,
        Func<TPage, IEnumerable<TItem>?> items,
        Func<TPage, string?>? nextToken,
        Func<TPage, bool>? isLastPage,
        CancellationToken cancellationToken) : AsyncPageable<TItem>(cancellationToken) where TItem : notnull
    {
        public override IAsyncEnumerable<Page<TItem>> AsPages(string? continuationToken = null, int? pageSizeHint = null) =>
            Pages(continuationToken, pageSizeHint, default);

        private async IAsyncEnumerable<Page<TItem>> Pages(string? token, int? pageSize, [EnumeratorCancellation] CancellationToken enumeration)
        {
            using var linked = Either(CancellationToken, enumeration, out var cancellation);
            while (true)
            {
                cancellation.ThrowIfCancellationRequested();
                var response = await getPage(token, pageSize, cancellation).ConfigureAwait(false);
                var raw = response.GetRawResponse();
                var page = response.Value;
                var next = raw.ContinuationToken ?? (page is null || nextToken is null ? null : nextToken(page));
                if (string.IsNullOrEmpty(next) || next == token || (page is not null && isLastPage?.Invoke(page) == true))
                    next = null;
                var values = page is null ? null : items(page);
                yield return Page<TItem>.FromValues(values as IReadOnlyList<TItem> ?? values?.ToList() ?? [], next, raw);
                if (next is null)
                    yield break;
                token = next;
            }
        }
    }
}
