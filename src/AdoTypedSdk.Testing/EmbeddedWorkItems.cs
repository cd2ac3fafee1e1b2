using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Web;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;

namespace AdoTypedSdk.Testing;

/// <summary>
/// Work items held by an <see cref="EmbeddedAdo"/>, served as ADO serves them, for testing code that reads, queries and edits many of
/// them. It answers, in the shapes of Microsoft's recorded examples and with ADO's limits and errors:
/// <list type="bullet">
/// <item><c>GET …/_apis/wit/workitems?ids=</c> (at most 200 ids, <c>VS403474</c>; <c>errorPolicy=Fail</c> answers 404 <c>TF401232</c>
/// naming the first id it cannot return, <c>Omit</c> a null in its place), <c>GET …/workitems/{id}</c> and <c>POST …/workitemsbatch</c>;</item>
/// <item><c>PATCH …/workitems/{id}</c> with JSON Patch (fields, relations, <c>test /rev</c>: a stale revision answers 412) and
/// <c>POST …/workitems/${type}</c>;</item>
/// <item><c>POST …/_apis/wit/wiql</c>: flat queries (<c>FROM WorkItems</c>) and link queries (<c>FROM WorkItemLinks</c>) with conditions
/// combined by AND, OR, NOT and parentheses over <c>=</c>, <c>&lt;&gt;</c>, <c>&lt;</c>, <c>&gt;</c>, <c>&lt;=</c>, <c>&gt;=</c>,
/// <c>IN</c>, <c>CONTAINS</c> and <c>UNDER</c>, <c>@project</c>, <c>ORDER BY</c> and <c>$top</c>; more than 20,000 results without
/// <c>$top</c> answer 400 <c>VS402337</c>, as ADO does.</item>
/// </list>
/// Items are JSON, as ADO holds them: <c>{ "System.Title": "…" }</c>. Every request is recorded in <see cref="Requests"/>.
/// </summary>
/// <example>
/// <code>
/// using var ado = new EmbeddedAdo();
/// var store = new EmbeddedWorkItems(ado);
/// store.AddMany(450, id => new() { ["System.Title"] = $"Item {id}", ["System.State"] = "Active" });
/// </code>
/// </example>
public sealed partial class EmbeddedWorkItems
{
    private const int MaxIdsPerCall = 200, MaxQueryResults = 20_000;

    private readonly EmbeddedAdo _ado;
    private readonly object _gate = new();
    private readonly SortedDictionary<int, JObject> _items = [];
    private readonly HashSet<int> _hidden = [];
    private readonly List<(int Source, int Target, string Type)> _links = [];
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    /// <summary>Serves work items from <paramref name="ado"/>, in front of any stubs of its own for these routes.</summary>
    public EmbeddedWorkItems(EmbeddedAdo ado)
    {
        ArgumentNullException.ThrowIfNull(ado);
        _ado = ado;
        var org = Regex.Escape("/" + ado.Organization);
        ado.Server.Given(Request.Create().WithPath(new WireMock.Matchers.RegexMatcher(
                $"^{org}(/[^/]+){{0,2}}/_apis/wit/(workitems|workitemsbatch|wiql)(/.*)?$", ignoreCase: true)))
            .AtPriority(1)
            .RespondWith(Response.Create().WithCallback(AnswerAsync));
    }

    /// <summary>How long each answer waits, as a server's latency: for measuring how calls overlap.</summary>
    public TimeSpan CallDelay { get; set; }

    /// <summary>Every request answered, in order of arrival.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>How many work items the store holds (hidden ones included).</summary>
    public int Count
    {
        get { lock (_gate) return _items.Count; }
    }

    /// <summary>Adds a work item at revision 1 with the next free id, and returns the id.</summary>
    public int Add(IReadOnlyDictionary<string, object?> fields)
    {
        lock (_gate)
        {
            var id = _items.Count == 0 ? 1 : _items.Keys.Max() + 1;
            Put(id, fields);
            return id;
        }
    }

    /// <summary>Adds (or replaces) work item <paramref name="id"/> at revision 1.</summary>
    public void Add(int id, IReadOnlyDictionary<string, object?> fields)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id);
        lock (_gate)
            Put(id, fields);
    }

    /// <summary>Adds work items 1 to <paramref name="count"/> (after those held), each with the fields <paramref name="fields"/> gives its id.</summary>
    public void AddMany(int count, Func<int, Dictionary<string, object?>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        lock (_gate)
        {
            var first = _items.Count == 0 ? 1 : _items.Keys.Max() + 1;
            for (var id = first; id < first + count; id++)
                Put(id, fields(id));
        }
    }

    /// <summary>Makes work item <paramref name="id"/> unreadable to the caller: ADO then answers as if it did not exist.</summary>
    public void Hide(int id)
    {
        lock (_gate)
            _hidden.Add(id);
    }

    /// <summary>Someone else's edit: sets a field of work item <paramref name="id"/> and adds a revision.</summary>
    public void Change(int id, string referenceName, object? value)
    {
        lock (_gate)
        {
            var item = _items[id];
            ((JObject)item["fields"]!)[referenceName] = value is null ? JValue.CreateNull() : JToken.FromObject(value);
            Revise(item);
        }
    }

    /// <summary>Links work item <paramref name="source"/> to <paramref name="target"/> (a parent to its child by default).</summary>
    public void AddLink(int source, int target, string type = "System.LinkTypes.Hierarchy-Forward")
    {
        lock (_gate)
            _links.Add((source, target, type));
    }

    /// <summary>Work item <paramref name="id"/> as ADO would return it (a copy), or null.</summary>
    public JObject? Get(int id)
    {
        lock (_gate)
            return _items.TryGetValue(id, out var item) ? WithRelations(id, (JObject)item.DeepClone()) : null;
    }

    /// <summary>The value of a field of work item <paramref name="id"/>, or null.</summary>
    public JToken? GetField(int id, string referenceName) => Get(id)?["fields"]?[referenceName];

    private void Put(int id, IReadOnlyDictionary<string, object?> fields)
    {
        var values = new JObject();
        foreach (var (name, value) in fields)
            values[name] = value is null ? JValue.CreateNull() : JToken.FromObject(value);
        values["System.Id"] = id;
        values["System.Rev"] = 1;
        values["System.ChangedDate"] ??= DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture);
        _items[id] = new JObject { ["id"] = id, ["rev"] = 1, ["fields"] = values, ["url"] = ItemUrl(id) };
        _hidden.Remove(id);
    }

    private static void Revise(JObject item)
    {
        var rev = (int)item["rev"]! + 1;
        item["rev"] = rev;
        item["fields"]!["System.Rev"] = rev;
        item["fields"]!["System.ChangedDate"] = DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture);
    }

    private string ItemUrl(int id) => $"{_ado.OrganizationUrl.AbsoluteUri.TrimEnd('/')}/_apis/wit/workItems/{id}";

    private JObject WithRelations(int id, JObject item)
    {
        var links = _links.Where(l => l.Source == id).Select(l => new JObject { ["rel"] = l.Type, ["url"] = ItemUrl(l.Target), ["attributes"] = new JObject() });
        var stored = item["relations"] as JArray ?? [];
        item["relations"] = new JArray(stored.Concat(links));
        return item;
    }

    private async Task<IResponseMessage> AnswerAsync(IRequestMessage request)
    {
        var query = HttpUtility.ParseQueryString(new Uri(request.AbsoluteUrl).Query);
        _requests.Enqueue(new RecordedRequest(request.Method, new Uri(request.AbsoluteUrl).PathAndQuery, request.Body));
        if (CallDelay > TimeSpan.Zero)
            await Task.Delay(CallDelay).ConfigureAwait(false);
        var path = Uri.UnescapeDataString(new Uri(request.AbsoluteUrl).AbsolutePath)[(_ado.Organization.Length + 1)..];
        var route = Regex.Match(path, @"^(?:/(?<project>[^/]+))?(?:/(?<team>[^/]+))?/_apis/wit/(?<resource>workitems|workitemsbatch|wiql)(?:/(?<rest>.*))?$", RegexOptions.IgnoreCase);
        var project = route.Groups["project"].Success ? route.Groups["project"].Value : null;
        var rest = route.Groups["rest"].Value;
        try
        {
            lock (_gate)
            {
                return (route.Groups["resource"].Value.ToLowerInvariant(), request.Method.ToUpperInvariant()) switch
                {
                    ("workitems", "GET") when rest.Length == 0 => GetMany(ParseIds(query["ids"]), query["fields"], query["$expand"], query["errorPolicy"]),
                    ("workitems", "GET") => GetOne(ParseId(rest), query["$expand"]),
                    ("workitems", "PATCH") => Update(ParseId(rest), JArray.Parse(request.Body ?? "[]"), query["validateOnly"] == "true"),
                    ("workitems", "POST") when rest.StartsWith('$') => Create(rest[1..], project, JArray.Parse(request.Body ?? "[]")),
                    ("workitemsbatch", "POST") => GetBatch(JObject.Parse(request.Body ?? "{}")),
                    ("wiql", "POST") => Query((string?)JObject.Parse(request.Body ?? "{}")["query"] ?? "", project, query["$top"]),
                    var (resource, method) => Error(404, $"The embedded ADO does not serve {method} {resource}/{rest}.", "RouteNotServed"),
                };
            }
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException)
        {
            return Error(400, "VS402625: " + e.Message, "InvalidArgumentValueException");
        }
    }

    private static List<int> ParseIds(string? ids) =>
        (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(id => int.Parse(id, CultureInfo.InvariantCulture)).ToList();

    private static int ParseId(string text) => int.Parse(text.Trim('/'), NumberStyles.None, CultureInfo.InvariantCulture);

    private bool Readable(int id) => _items.ContainsKey(id) && !_hidden.Contains(id);

    private IResponseMessage GetMany(List<int> ids, string? fields, string? expand, string? errorPolicy)
    {
        if (ids.Count > MaxIdsPerCall)
            return Error(400, $"VS403474: You requested {ids.Count} work items which exceeds the limit of {MaxIdsPerCall}", "WorkItemTrackingMaxWorkItemsExceededException");
        var omit = string.Equals(errorPolicy, "omit", StringComparison.OrdinalIgnoreCase);
        if (!omit && ids.FirstOrDefault(id => !Readable(id)) is var missing and > 0)
            return NotFound(missing);
        var wanted = fields?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var value = new JArray(ids.Select(id => Readable(id) ? (JToken)Shape(id, wanted, expand) : JValue.CreateNull()));
        return Json(200, new JObject { ["count"] = value.Count, ["value"] = value });
    }

    private IResponseMessage GetBatch(JObject body)
    {
        var ids = body["ids"]?.ToObject<List<int>>() ?? [];
        var fields = body["fields"]?.ToObject<List<string>>();
        return GetMany(ids, fields is null ? null : string.Join(",", fields), (string?)body["$expand"], (string?)body["errorPolicy"]);
    }

    private IResponseMessage GetOne(int id, string? expand) =>
        Readable(id) ? Json(200, Shape(id, null, expand)) : NotFound(id);

    private JObject Shape(int id, string[]? fields, string? expand)
    {
        var item = (JObject)_items[id].DeepClone();
        if (fields is { Length: > 0 })
            item["fields"] = new JObject(((JObject)item["fields"]!).Properties().Where(p => fields.Contains(p.Name, StringComparer.OrdinalIgnoreCase)));
        return expand is not null && (expand.Equals("relations", StringComparison.OrdinalIgnoreCase) || expand.Equals("all", StringComparison.OrdinalIgnoreCase))
            ? WithRelations(id, item)
            : item;
    }

    private IResponseMessage Update(int id, JArray operations, bool validateOnly)
    {
        if (!Readable(id))
            return NotFound(id);
        var item = WithRelations(id, (JObject)_items[id].DeepClone());
        foreach (var operation in operations.Cast<JObject>())
        {
            var (op, path, value) = ((string?)operation["op"], (string?)operation["path"] ?? "", operation["value"]);
            if (op == "test" && path == "/rev")
            {
                if ((int?)value != (int)item["rev"]!)
                    return Error(412, $"TF26071: Work item {id} is at revision {item["rev"]}, not {value}: someone changed it since it was read. Read it again and reapply the change.", "WorkItemRevisionMismatchException");
                continue;
            }
            if (!Apply(item, op, path, value, out var problem))
                return Error(400, $"VS403691: {problem}", "WorkItemPatchException");
        }
        if (validateOnly)
            return Json(200, item);
        // Relations to work items of this store live in the link list, the rest on the item.
        var relations = (JArray)item["relations"]!;
        _links.RemoveAll(l => l.Source == id);
        var kept = new JArray();
        foreach (var relation in relations.Cast<JObject>())
            if (Regex.Match((string?)relation["url"] ?? "", @"/_apis/wit/workItems/(\d+)$", RegexOptions.IgnoreCase) is { Success: true } target)
                _links.Add((id, int.Parse(target.Groups[1].Value, CultureInfo.InvariantCulture), (string)relation["rel"]!));
            else
                kept.Add(relation);
        item["relations"] = kept;
        Revise(item);
        _items[id] = item;
        return Json(200, WithRelations(id, (JObject)item.DeepClone()));
    }

    private IResponseMessage Create(string type, string? project, JArray operations)
    {
        var id = _items.Count == 0 ? 1 : _items.Keys.Max() + 1;
        Put(id, new Dictionary<string, object?> { ["System.WorkItemType"] = type, ["System.TeamProject"] = project, ["System.State"] = "New" });
        var update = Update(id, operations, validateOnly: false);
        if (update.StatusCode is not 200)
            _items.Remove(id);
        else
        {
            // A new item starts at revision 1, however many operations made it.
            var item = _items[id];
            item["rev"] = 1;
            item["fields"]!["System.Rev"] = 1;
            return Json(200, WithRelations(id, (JObject)item.DeepClone()));
        }
        return update;
    }

    private static bool Apply(JObject item, string? op, string path, JToken? value, out string? problem)
    {
        problem = null;
        var fields = (JObject)item["fields"]!;
        var relations = (JArray)item["relations"]!;
        if (path.StartsWith("/fields/", StringComparison.Ordinal))
        {
            var name = path["/fields/".Length..];
            switch (op)
            {
                case "add" when name == "System.Tags":
                    // ADO's 'add' on tags adds them to the item's own.
                    var tags = Split((string?)fields[name]).Concat(Split((string?)value)).Distinct(StringComparer.OrdinalIgnoreCase);
                    fields[name] = string.Join("; ", tags);
                    return true;
                case "add" or "replace":
                    fields[name] = value?.DeepClone() ?? JValue.CreateNull();
                    return true;
                case "remove":
                    fields.Remove(name);
                    return true;
            }
        }
        else if (path == "/relations/-" && op == "add" && value is JObject relation)
        {
            relations.Add(relation.DeepClone());
            return true;
        }
        else if (path.StartsWith("/relations/", StringComparison.Ordinal) && op == "remove"
                 && int.TryParse(path["/relations/".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            if (index < relations.Count)
            {
                relations.RemoveAt(index);
                return true;
            }
            problem = $"The work item has no relation at index {index}.";
            return false;
        }
        problem ??= $"The operation '{op} {path}' is not one the embedded ADO applies.";
        return false;
    }

    private static IEnumerable<string> Split(string? tags) => (tags ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private IResponseMessage Query(string wiql, string? project, string? top)
    {
        Wiql parsed;
        try
        {
            parsed = Wiql.Parse(wiql);
        }
        catch (FormatException e)
        {
            return Error(400, "VS402782: " + e.Message, "WorkItemTrackingQueryInvalidSyntaxException");
        }
        var cap = top is null ? (int?)null : int.Parse(top, CultureInfo.InvariantCulture);
        var context = new Wiql.Context(project);
        var result = new JObject
        {
            ["queryType"] = parsed.IsLinkQuery ? "oneHop" : "flat",
            ["queryResultType"] = parsed.IsLinkQuery ? "workItemLink" : "workItem",
            ["asOf"] = DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture),
            ["columns"] = new JArray(parsed.Columns.Select(c => new JObject { ["referenceName"] = c, ["name"] = c, ["url"] = $"{_ado.OrganizationUrl.AbsoluteUri.TrimEnd('/')}/_apis/wit/fields/{c}" })),
            ["sortColumns"] = new JArray(),
        };
        if (parsed.IsLinkQuery)
        {
            var links = _links.Where(l => Readable(l.Source) && Readable(l.Target))
                .Where(l => parsed.Matches(name => LinkValue(l, name), context)).ToList();
            if (cap is null && links.Count > MaxQueryResults)
                return OverLimit();
            var relations = new JArray();
            foreach (var group in links.Take(cap ?? int.MaxValue).GroupBy(l => l.Source))
            {
                relations.Add(new JObject { ["rel"] = null, ["source"] = null, ["target"] = Reference(group.Key) });
                foreach (var link in group)
                    relations.Add(new JObject { ["rel"] = link.Type, ["source"] = Reference(link.Source), ["target"] = Reference(link.Target) });
            }
            result["workItemRelations"] = relations;
            return Json(200, result);
        }
        var matched = _items.Keys.Where(Readable).Where(id => parsed.Matches(name => (JToken?)_items[id]["fields"]![name], context));
        var ordered = parsed.Order(matched, id => (JObject)_items[id]["fields"]!).ToList();
        if (cap is null && ordered.Count > MaxQueryResults)
            return OverLimit();
        result["workItems"] = new JArray(ordered.Take(cap ?? int.MaxValue).Select(Reference));
        return Json(200, result);
    }

    private JToken? LinkValue((int Source, int Target, string Type) link, string name) =>
        name.Equals("System.Links.LinkType", StringComparison.OrdinalIgnoreCase) ? link.Type
        : name.StartsWith("Target.", StringComparison.OrdinalIgnoreCase) ? _items[link.Target]["fields"]![name["Target.".Length..]]
        : _items[link.Source]["fields"]![name.StartsWith("Source.", StringComparison.OrdinalIgnoreCase) ? name["Source.".Length..] : name];

    private JObject Reference(int id) => new() { ["id"] = id, ["url"] = ItemUrl(id) };

    private static IResponseMessage OverLimit() =>
        Error(400, $"VS402337: The number of work items returned exceeds the size limit of {MaxQueryResults}. Change the query to return fewer items.", "WorkItemTrackingQueryResultSizeLimitExceededException");

    private static IResponseMessage NotFound(int id) =>
        Error(404, $"TF401232: Work item {id} does not exist, or you do not have permissions to read it.", "WorkItemUnauthorizedAccessException");

    private static IResponseMessage Error(int status, string message, string typeKey) =>
        Json(status, new JObject { ["$id"] = "1", ["innerException"] = null, ["message"] = message, ["typeName"] = $"Microsoft.TeamFoundation.WorkItemTracking.Server.{typeKey}", ["typeKey"] = typeKey, ["errorCode"] = 0, ["eventId"] = 3200 });

    private static ResponseMessage Json(int status, JToken body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json; charset=utf-8") },
        BodyData = new BodyData { BodyAsString = body.ToString(Formatting.None), DetectedBodyType = BodyType.String, Encoding = System.Text.Encoding.UTF8 },
    };

    /// <summary>A request the store answered.</summary>
    /// <param name="Method">The HTTP method.</param>
    /// <param name="PathAndQuery">The path and query, as sent.</param>
    /// <param name="Body">The body, if any.</param>
    public sealed record RecordedRequest(string Method, string PathAndQuery, string? Body);
}
