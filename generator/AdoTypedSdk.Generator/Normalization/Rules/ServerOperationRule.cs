using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// An operation whose answer is a reference to work ADO runs on the server (a model with a GUID <c>id</c>, a <c>url</c> to read the work
/// at, and a <c>status</c> that can be <c>inProgress</c>, <c>succeeded</c> and <c>failed</c>: ADO's <c>OperationReference</c>) gets a
/// second method, <c>{Name}Async(WaitUntil, …)</c> (a write's only: a read of such work starts none), that returns an <c>Operation&lt;T&gt;</c> following the work until it ends. The
/// operation is marked with the <c>x-ado-server-operation</c> extension.
/// </summary>
public sealed class ServerOperationRule : ISpecRule
{
    public const string Extension = "x-ado-server-operation";

    public void Apply(SpecDocument document)
    {
        // A read of such work (the operations resource itself) is not work started: only writes start it.
        foreach (var operation in document.Operations.Where(o => o.Method != "get"))
        {
            var answer = (operation.Operation["responses"] as JObject)?.Properties().Where(r => r.Name.StartsWith('2'))
                .Select(r => document.Resolve(r.Value["schema"])).OfType<JObject>().FirstOrDefault();
            if (answer is not null && IsWorkReference(document, answer))
                operation.Operation[Extension] = true;
        }
    }

    private static bool IsWorkReference(SpecDocument document, JObject model)
    {
        var properties = document.AllProperties(model).GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.First().Value);
        var statuses = properties.GetValueOrDefault("status") is { } status ? (document.Resolve(status) ?? (JObject)status)["enum"]?.Values<string>().ToHashSet() : null;
        return properties.GetValueOrDefault("id")?["format"]?.ToString() == "uuid"
            && (string?)properties.GetValueOrDefault("url")?["type"] == "string"
            && statuses is not null && statuses.Contains("inProgress") && statuses.Contains("succeeded") && statuses.Contains("failed");
    }
}
