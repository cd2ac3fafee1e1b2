using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// Marks the operations that answer one page of a longer list, so that the client can walk every page (<c>AsyncPageable</c>) instead of
/// stopping silently at the first. An operation pages when it can send a continuation token back and its answer carries items:
/// <list type="bullet">
/// <item>the token goes back in a query or header parameter (<c>continuationToken</c>, <c>pagingToken</c>), or in a <c>continuationToken</c>
/// property of a request body whose schema is also the answer's (a query object the service fills in);</item>
/// <item>the items are the answer itself when it is a list, or the array property of the answer's model (several arrays of one item schema
/// are alternatives: the service fills one);</item>
/// <item>the next token comes in the <c>x-ms-continuationtoken</c> header (ADO's convention for lists, declared or not), or in the answer's
/// <c>continuationToken</c> (or <c>…ContinuationToken</c>) property; a <c>isLastBatch</c> or <c>hasMore</c> flag, where the model has one, ends the walk too;</item>
/// <item>a token parameter typed as a number or a date becomes text: the token goes back exactly as it came;</item>
/// <item><c>$top</c>, <c>top</c>, <c>maxPageSize</c>, <c>maxResults</c> or <c>batchSize</c>, where the operation has one as a number (or
/// only the recordings show it, typed as a guess), is the page size, sent as a number;</item>
/// <item>the token and the page size are optional, since the first page goes without them.</item>
/// </list>
/// The findings go in the operation's <c>x-ado-paging</c> extension, which the client template reads.
/// </summary>
public sealed class PageableOperationRule : ISpecRule
{
    public const string Extension = "x-ado-paging";

    private static readonly string[] TokenParameters = ["continuationToken", "pagingToken"];
    private static readonly string[] PageSizeParameters = ["$top", "top", "maxPageSize", "maxResults", "batchSize"];

    public void Apply(SpecDocument document)
    {
        foreach (var operation in document.Operations)
        {
            var answer = SuccessSchema(operation);
            if (answer is null)
                continue;
            var tokenParameter = operation.Parameters.OfType<JObject>()
                .FirstOrDefault(p => (string?)p["in"] is "query" or "header" && Named(p, TokenParameters));
            var tokenInBody = tokenParameter is null && SendsTokenInBody(document, operation, answer);
            if (tokenParameter is null && !tokenInBody)
                continue;

            var pageSize = PageSizeParameter(operation);
            var paging = new JObject
            {
                ["tokenParameter"] = (string?)tokenParameter?["name"] ?? "",
                ["tokenInBody"] = tokenInBody,
                ["pageSizeParameter"] = (string?)pageSize?["name"] ?? "",
            };
            if ((string?)answer["type"] == "array")
            {
                paging["itemsProperties"] = "";
                paging["itemType"] = "";
            }
            else if (answer["$ref"] is not null && document.Resolve(answer) is { } model)
            {
                var properties = document.AllProperties(model);
                var arrays = properties.Where(p => (string?)p.Value["type"] == "array").ToList();
                var itemSchemas = arrays.Select(a => a.Value["items"]?.ToString(Newtonsoft.Json.Formatting.None)).Distinct().ToList();
                var nextToken = properties.FirstOrDefault(p => p.Name.Equals("continuationToken", StringComparison.OrdinalIgnoreCase))
                    ?? properties.FirstOrDefault(p => p.Name.EndsWith("ContinuationToken", StringComparison.OrdinalIgnoreCase));
                // A model with no items, or with items of two kinds, is one answer, not a page of a list.
                if (arrays.Count == 0 || itemSchemas.Count != 1 || ItemType(arrays[0].Value["items"]) is not { } itemType)
                    continue;
                paging["itemsProperties"] = string.Join(",", arrays.Select(a => a.Name));
                paging["itemType"] = itemType;
                paging["nextTokenProperty"] = nextToken?.Name ?? "";
                paging["nextTokenIsText"] = (string?)nextToken?.Value["type"] == "string" && nextToken.Value["format"] is null;
                paging["lastPageProperty"] = BooleanProperty(properties, "isLastBatch");
                paging["morePagesProperty"] = BooleanProperty(properties, "hasMore");
            }
            else
                continue;
            // The token is the text the service sent, passed back as it came: a token typed as a number or a date would be parsed and
            // formatted again on the way (and a date could come back in another format).
            // Both are the walk's to fill in, page by page: the first page goes without them.
            if (tokenParameter is not null)
            {
                tokenParameter["type"] = "string";
                tokenParameter.Remove("format");
                tokenParameter["required"] = false;
            }
            if (pageSize is not null)
            {
                pageSize["type"] = "integer";
                pageSize["format"] = "int32";
                pageSize["required"] = false;
            }
            operation.Operation[Extension] = paging;
        }
    }

    /// <summary>
    /// The query parameter that sets the page size: one of the known names, a number, or a parameter only the recordings show, whose
    /// type (text) was a guess. A page size the document types as anything else is not one the walk can fill in.
    /// </summary>
    private static JObject? PageSizeParameter(SpecOperation operation) =>
        operation.ParametersIn("query").FirstOrDefault(p => Named(p, PageSizeParameters)
            && ((string?)p["type"] == "integer" || p[RecordedQueryParameterRule.RecordedExtension]?.Value<bool>() == true));

    private static bool Named(JObject parameter, string[] names) =>
        (string?)parameter["name"] is { } name && names.Any(n => Identifiers.SameParameterName(n, name));

    private static JObject? SuccessSchema(SpecOperation operation) =>
        (operation.Operation["responses"] as JObject)?.Properties()
            .Where(r => r.Name.StartsWith('2'))
            .Select(r => r.Value["schema"] as JObject)
            .FirstOrDefault(s => s is not null);

    /// <summary>A query object (<c>TestHistoryQuery</c>) that the service returns filled in, continuation token included.</summary>
    private static bool SendsTokenInBody(SpecDocument document, SpecOperation operation, JObject answer) =>
        operation.BodyParameter?["schema"] is JObject body
        && (string?)body["$ref"] is { } reference && reference == (string?)answer["$ref"]
        && document.Resolve(body) is { } model
        && document.AllProperties(model).Any(p => p.Name == "continuationToken" && (string?)p.Value["type"] == "string");

    /// <summary>The item schema's definition name, which is its generated class; <c>object</c> for items that may be any JSON.</summary>
    private static string? ItemType(JToken? items) => items switch
    {
        JObject { Count: 0 } => "object",
        JObject item when (string?)item["$ref"] is { } reference && reference.StartsWith("#/definitions/", StringComparison.Ordinal) =>
            reference["#/definitions/".Length..],
        _ => null,
    };

    private static string BooleanProperty(List<JProperty> properties, string name) =>
        properties.FirstOrDefault(p => p.Name == name && (string?)p.Value["type"] == "boolean")?.Name ?? "";
}
