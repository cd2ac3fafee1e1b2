using System.Web;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// Microsoft's recordings send a few query parameters their documents leave out (<c>options</c> when reading identities,
/// <c>watermark</c> when reading reporting revisions). Each becomes an optional string parameter, so a caller can send what ADO accepts.
/// Each is marked <see cref="RecordedExtension"/>: its type is a guess, which a later rule that knows the parameter's role may correct (the
/// page size of a pageable operation is a number). A required query parameter a recording goes without (<c>path</c> of a Git item, given as <c>scopePath</c>) becomes optional.
/// Only recordings whose URL follows the operation's route count (others record a neighbouring resource, or an older form of it);
/// <c>api-version</c>, fixed route queries and parameters the operation has under a dotted name (<c>searchCriteria.status</c>) are not added.
/// </summary>
public sealed class RecordedQueryParameterRule : ISpecRule
{
    /// <summary>Marks a parameter this rule added: the recordings show its name, not its type.</summary>
    public const string RecordedExtension = "x-ado-recorded";

    public void Apply(SpecDocument document)
    {
        foreach (var operation in document.Operations)
        {
            var known = operation.Parameters.OfType<JObject>().Select(p => document.Resolve(p)?["name"]?.ToString()).OfType<string>()
                .Concat(operation.FixedQuery.Keys).Append("api-version").ToList();
            foreach (var example in document.Examples.Of(operation))
            {
                if (example.RequestUrl is not { } url || !operation.Follows(url))
                    continue;
                var query = HttpUtility.ParseQueryString(url.Query);
                foreach (var required in operation.ParametersIn("query").Where(p => p["required"]?.Value<bool>() == true && !query.AllKeys.OfType<string>().Any(k => Names((string)p["name"]!, k))))
                    required["required"] = false;
                foreach (var name in query.AllKeys.OfType<string>().Where(k => k.Length > 0 && !known.Any(n => Names(n, k))))
                {
                    operation.Parameters.Add(new JObject
                    {
                        ["in"] = "query", ["name"] = name, ["required"] = false, ["type"] = "string",
                        ["description"] = "Sent by ADO's own recordings of this operation; the document does not describe it.", [RecordedExtension] = true,
                    });
                    known.Add(name);
                }
            }
        }
    }

    private static bool Names(string parameter, string key) =>
        Identifiers.SameParameterName(parameter, key) || parameter.EndsWith("." + key, StringComparison.OrdinalIgnoreCase);
}
