using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using AdoTypedSdk.Common;
using Azure;

namespace AdoTypedSdk.WorkItemTracking;

partial class WiqlClient
{
    /// <summary>ADO's error code for a query that matches more than <see cref="AdoLimits.QueryResults"/> items.</summary>
    private const string QueryResultLimitCode = "VS402337";

    /// <summary>
    /// Every id a WIQL query matches, however many: ADO answers one query with at most <see cref="AdoLimits.QueryResults"/> ids, so a
    /// flat query (<c>FROM WorkItems</c>) is walked in windows of ids: each window adds <c>[System.Id] &gt; last</c> to the query, orders it
    /// by id and caps it with <c>$top</c>, so no id is returned twice or skipped, and every window goes through the pipeline.
    /// </summary>
    /// <remarks>
    /// A flat query ordered by another field keeps its order: it is sent once, as written, and answers up to ADO's limit; past it, the call
    /// fails with an <see cref="AdoApiException"/> that says to drop the <c>ORDER BY</c> (the walk orders by id) or narrow the query. A
    /// link or tree query (<c>FROM WorkItemLinks</c>) cannot be walked: it is sent once, its ids are the links' targets in ADO's order, and
    /// past the limit it fails the same way, never with a truncated result. The query is checked against ADO's
    /// <see cref="AdoLimits.QueryLength"/> before anything is sent.
    /// </remarks>
    /// <param name="wiql">The query: <c>SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = @project</c>.</param>
    /// <param name="project">Project ID or project name (for <c>@project</c>).</param>
    /// <param name="team">Team ID or team name (for <c>@currentIteration</c>).</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    /// <exception cref="ArgumentException">The query has no <c>FROM WorkItems</c> or <c>FROM WorkItemLinks</c>, or is longer than ADO takes.</exception>
    public virtual AsyncPageable<int> QueryWorkItemIdsAsync(string wiql, string? project = null, string? team = null, CancellationToken cancellationToken = default) =>
        new IdWalk(this, WiqlQuery.Parse(wiql), project, team, cancellationToken);

    /// <summary>
    /// Every work item a WIQL query matches, however many: the ids of <see cref="QueryWorkItemIdsAsync"/>, read in calls of
    /// <see cref="AdoLimits.WorkItemIdsPerCall"/> (<see cref="AdoClientOptions.SplitCallConcurrency"/> at a time), a page per group of
    /// calls, in the query's order. An item deleted between the query and the read is left out.
    /// </summary>
    /// <param name="wiql">The query.</param>
    /// <param name="fields">The fields to read (<c>WorkItemFields.Title</c> converts to its name); null: all.</param>
    /// <param name="project">Project ID or project name.</param>
    /// <param name="team">Team ID or team name.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public virtual AsyncPageable<WorkItem> QueryWorkItemsAsync(string wiql, IEnumerable<string>? fields = null, string? project = null, string? team = null,
        CancellationToken cancellationToken = default)
    {
        var ids = QueryWorkItemIdsAsync(wiql, project, team, cancellationToken);
        var fieldList = fields?.ToList();
        return new ItemWalk(ids, Connection.GetClient<WorkItemsClient>(), fieldList, project, Connection.Options.SplitCallConcurrency * AdoLimits.WorkItemIdsPerCall, cancellationToken);
    }

    /// <summary>The windows of a query's ids; each page's continuation token is the last id it brought.</summary>
    private sealed class IdWalk(WiqlClient client, WiqlQuery query, string? project, string? team, CancellationToken cancellationToken) : AsyncPageable<int>(cancellationToken)
    {
        public override IAsyncEnumerable<Page<int>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
        {
            var after = 0;
            if (continuationToken is not null && !int.TryParse(continuationToken, NumberStyles.None, CultureInfo.InvariantCulture, out after))
                throw new ArgumentException($"'{continuationToken}' is not a continuation token of this walk: its tokens are the last id of a page, such as '20000'.", nameof(continuationToken));
            if (pageSizeHint is <= 0 or > AdoLimits.QueryResults)
                throw new ArgumentOutOfRangeException(nameof(pageSizeHint), pageSizeHint, $"A page holds 1 to {AdoLimits.QueryResults} ids (ADO's limit).");
            if (continuationToken is not null && !query.IsWalkable)
                throw new ArgumentException("Only a flat query without its own ORDER BY resumes from a token: this one is answered in one page.", nameof(continuationToken));
            return Pages(after, pageSizeHint ?? AdoLimits.QueryResults, default);
        }

        private async IAsyncEnumerable<Page<int>> Pages(int after, int pageSize, [EnumeratorCancellation] CancellationToken enumeration)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken, enumeration);
            var cancellation = linked.Token;
            if (!query.IsWalkable)
            {
                var response = await OnceAsync(query.Text, null, cancellation).ConfigureAwait(false);
                yield return Page<int>.FromValues(IdsOf(response.Value), null, response.GetRawResponse());
                yield break;
            }
            while (true)
            {
                cancellation.ThrowIfCancellationRequested();
                var response = await OnceAsync(query.Window(after), pageSize, cancellation).ConfigureAwait(false);
                var ids = IdsOf(response.Value);
                // Ids ascend within a window; one that does not would repeat or skip ids in the next window.
                if (ids.Count > 0 && (ids[0] <= after || ids.Zip(ids.Skip(1)).Any(pair => pair.Second <= pair.First)))
                    throw new InvalidOperationException($"Azure DevOps answered the window after id {after} out of id order, so the walk cannot go on without repeating or skipping ids.");
                var last = ids.Count == pageSize ? ids[^1] : (int?)null;
                yield return Page<int>.FromValues(ids, last?.ToString(CultureInfo.InvariantCulture), response.GetRawResponse());
                if (last is null)
                    yield break;
                after = last.Value;
            }
        }

        private async Task<Response<WorkItemQueryResult>> OnceAsync(string text, int? top, CancellationToken cancellation)
        {
            try
            {
                return await client.QueryByWiqlWithResponseAsync(new Wiql { Query = text }, project, team, top: top, cancellationToken: cancellation).ConfigureAwait(false);
            }
            catch (AdoApiException failure) when (failure.ServerMessage?.Contains(QueryResultLimitCode, StringComparison.Ordinal) == true)
            {
                throw new AdoApiException(failure, OverLimit());
            }
        }

        private string OverLimit() => query.IsLinkQuery
            ? $"the link query matches more than {AdoLimits.QueryResults:N0} links, the most ADO returns for one query ({QueryResultLimitCode}), and a link query cannot be walked in windows. Narrow it: add conditions on the source ([Source].[System.ChangedDate] > @today - 30, [Source].[System.AreaPath] UNDER '…'), or query the items flat (FROM WorkItems) and read their relations."
            : $"the query is ordered by {query.OrderBy}, and matches more than {AdoLimits.QueryResults:N0} items, the most ADO returns for one query ({QueryResultLimitCode}). Drop its ORDER BY, so that it is walked in windows of ids (ordered by [System.Id]), or narrow it.";

        /// <summary>The ids of an answer: the items of a flat query, the links' targets of a link query (each once, in ADO's order).</summary>
        private static List<int> IdsOf(WorkItemQueryResult? result) =>
            result?.WorkItemRelations is { Count: > 0 } links
                ? links.Select(link => link.Target?.Id).OfType<int>().Distinct().ToList()
                : (result?.WorkItems ?? []).Select(item => item.Id).OfType<int>().ToList();
    }

    /// <summary>The work items of an id walk: each id page read in groups, a page per group.</summary>
    private sealed class ItemWalk(AsyncPageable<int> ids, WorkItemsClient workItems, List<string>? fields, string? project, int groupSize, CancellationToken cancellationToken)
        : AsyncPageable<WorkItem>(cancellationToken)
    {
        public override IAsyncEnumerable<Page<WorkItem>> AsPages(string? continuationToken = null, int? pageSizeHint = null) =>
            Pages(continuationToken, pageSizeHint, default);

        private async IAsyncEnumerable<Page<WorkItem>> Pages(string? continuationToken, int? pageSizeHint, [EnumeratorCancellation] CancellationToken enumeration)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken, enumeration);
            await foreach (var idPage in ids.AsPages(continuationToken, pageSizeHint).WithCancellation(linked.Token).ConfigureAwait(false))
            {
                var groups = idPage.Values.Chunk(groupSize).ToList();
                for (var index = 0; index < groups.Count; index++)
                {
                    // ReadWorkItemsAsync splits at ADO's limit in every profile, also where a document does not state it (TFS 2018).
                    var read = await workItems.ReadWorkItemsAsync(groups[index], project, fields, cancellationToken: linked.Token).ConfigureAwait(false);
                    // The id page's token resumes after its last id, so only the page's last group carries it.
                    yield return Page<WorkItem>.FromValues(read.Items,
                        index == groups.Count - 1 ? idPage.ContinuationToken : null, idPage.GetRawResponse());
                }
                if (groups.Count == 0)
                    yield return Page<WorkItem>.FromValues([], idPage.ContinuationToken, idPage.GetRawResponse());
            }
        }
    }

    /// <summary>
    /// A WIQL query taken apart where the walk changes it: its <c>FROM</c>, <c>WHERE</c>, <c>ORDER BY</c> and <c>ASOF</c> clauses, found
    /// outside string literals ('…', with '' for a quote), so a value that contains a keyword is left alone.
    /// </summary>
    private sealed class WiqlQuery
    {
        private string _head = "", _condition = "", _asOf = "";

        private WiqlQuery(string text) => Text = text;

        public string Text { get; }

        public bool IsLinkQuery { get; private set; }

        /// <summary>The query's own ORDER BY list; null when it has none or orders by id ascending.</summary>
        public string? OrderBy { get; private set; }

        /// <summary>Whether the query is walked in windows of ids: a flat query that orders by id or not at all.</summary>
        public bool IsWalkable => !IsLinkQuery && OrderBy is null;

        public static WiqlQuery Parse(string wiql)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(wiql);
            var query = new WiqlQuery(wiql.Trim());
            var text = query.Text;
            CheckLength(text, "");
            // Same length as the text, with each literal's content blanked: clause keywords are searched here and cut from the text.
            var masked = Literal.Replace(text, m => "'" + new string('_', m.Length - 2) + "'");
            var from = From.Match(masked);
            if (!from.Success)
                throw new ArgumentException("The WIQL query has no FROM WorkItems (a flat query) or FROM WorkItemLinks (a link or tree query).", nameof(wiql));
            query.IsLinkQuery = from.Groups[1].Value.Equals("WorkItemLinks", StringComparison.OrdinalIgnoreCase);

            var end = masked.Length;
            if (AsOf.Match(masked) is { Success: true } asOf)
                (query._asOf, end) = (" " + text[asOf.Index..].Trim(), asOf.Index);
            var orderBy = OrderByClause.Match(masked[..end]);
            if (orderBy.Success)
            {
                var list = text[(orderBy.Index + orderBy.Length)..end].Trim();
                query.OrderBy = ById.IsMatch(list) ? null : list;
                end = orderBy.Index;
            }
            var where = Where.Match(masked[..end]);
            query._head = text[..(where.Success ? where.Index : end)].TrimEnd();
            query._condition = where.Success ? text[(where.Index + where.Length)..end].Trim() : "";
            return query;
        }

        /// <summary>The query for the ids after <paramref name="after"/>, in id order.</summary>
        public string Window(int after)
        {
            var idCondition = "[System.Id] > " + after.ToString(CultureInfo.InvariantCulture);
            var window = $"{_head} WHERE {(_condition.Length > 0 ? $"({_condition}) AND " : "")}{idCondition} ORDER BY [System.Id] ASC{_asOf}";
            CheckLength(window, " with the walk's id condition");
            return window;
        }

        private static void CheckLength(string text, string what)
        {
            if (text.Length > AdoLimits.QueryLength)
                throw new ArgumentException($"The WIQL query is {text.Length:N0} characters{what}; ADO takes at most {AdoLimits.QueryLength:N0} (AdoLimits.QueryLength).", "wiql");
        }

        // Plain Regex objects: the clients assembly is compiled without analyzers, so without the regex source generator.
        private static readonly Regex Literal = new("'(?:[^']|'')*'", RegexOptions.CultureInvariant);
        private static readonly Regex From = new(@"\bFROM\s+(WorkItems|WorkItemLinks)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex Where = new(@"\bWHERE\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex OrderByClause = new(@"\bORDER\s+BY\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex AsOf = new(@"\bASOF\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex ById = new(@"^\[?System\.Id\]?(\s+ASC)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
