using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// Marks the list operations that page by offset: their answer is a list, they take a page size and a number of items to skip as
/// query numbers (<c>$top</c> and <c>$skip</c>, <c>top</c> and <c>skip</c>, or prefixed alike: <c>searchCriteria.$top</c> and
/// <c>searchCriteria.$skip</c>), and they have no continuation token (<see cref="PageableOperationRule"/> marks those). Such a
/// call returns one page, and the client stops early if it guesses the end from a short page (the service may cap a page below the
/// size asked); marked, the client gets a walk beside the call, which advances by the number of items each page brought and ends
/// only on an empty page. The marks go in the <c>x-ado-offset-paging</c> extension, with the walk's method name: <c>GetPullRequests</c>
/// walks as <c>GetAllPullRequests</c> (<c>All</c> after the name's first word, its verb; <c>…EveryPage</c> where the name has
/// <c>All</c> there already, is one word, or another method of the client has that name).
/// </summary>
public sealed class OffsetPageableOperationRule : ISpecRule
{
    public const string Extension = "x-ado-offset-paging";

    public void Apply(SpecDocument document)
    {
        foreach (var client in document.Operations.GroupBy(o => o.Tag))
        {
            var names = document.MethodNamesOf(client.Key);
            foreach (var operation in client)
            {
                if (operation.Operation[PageableOperationRule.Extension] is not null || !AnswersList(operation))
                    continue;
                var numbers = operation.ParametersIn("query").Where(p => (string?)p["type"] == "integer").ToList();
                var (top, skip) = (Find(numbers, "top"), Find(numbers, "skip"));
                if (top is null || skip is null || Prefix((string)top["name"]!) != Prefix((string)skip["name"]!))
                    continue;
                top["required"] = false;
                skip["required"] = false;
                var name = (string)operation.Operation["operationId"]!;
                var walk = WalkName(name);
                if (!names.Add(walk))
                    walk = name + "EveryPage";
                operation.Operation[Extension] = new JObject
                {
                    ["pageSizeParameter"] = (string)top["name"]!,
                    ["skipParameter"] = (string)skip["name"]!,
                    ["walkName"] = walk,
                };
            }
        }
    }

    /// <summary>
    /// <c>All</c> after the name's first word, its verb: <c>GetPullRequests</c> → <c>GetAllPullRequests</c>; a name of one word, or with
    /// <c>All</c> there already, takes <c>EveryPage</c> at its end: <c>GetAllTeams</c> → <c>GetAllTeamsEveryPage</c>.
    /// </summary>
    private static string WalkName(string name)
    {
        var verb = 1;
        while (verb < name.Length && !char.IsAsciiLetterUpper(name[verb]))
            verb++;
        return verb == name.Length || name.AsSpan(verb).StartsWith("All", StringComparison.Ordinal) ? name + "EveryPage" : name[..verb] + "All" + name[verb..];
    }

    private static bool AnswersList(SpecOperation operation) =>
        (operation.Operation["responses"] as JObject)?.Properties().Where(r => r.Name.StartsWith('2')).Select(r => r.Value["schema"]).OfType<JObject>().FirstOrDefault()
            is { } schema && (string?)schema["type"] == "array";

    /// <summary>The number parameter named <c>top</c> or <c>skip</c>, with or without <c>$</c> and a prefix (<c>searchCriteria.$top</c>).</summary>
    private static JObject? Find(List<JObject> numbers, string word) =>
        numbers.FirstOrDefault(p => Identifiers.SameParameterName(Last((string)p["name"]!), word));

    private static string Last(string name) => name[(name.LastIndexOf('.') + 1)..];

    private static string Prefix(string name) => name[..(name.LastIndexOf('.') + 1)];
}
