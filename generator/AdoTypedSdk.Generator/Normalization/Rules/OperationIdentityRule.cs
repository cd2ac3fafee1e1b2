using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// One client per spec tag (<c>Work Items</c> → <c>WorkItemsClient</c>), one method per operation named after ADO's own
/// <c>x-ms-vss-method</c> (<c>GetWorkItem</c> → <c>GetWorkItemAsync</c>; an <c>Async</c> ADO already put there is not doubled). Names that repeat within a client
/// (<c>HEAD</c> and <c>GET</c> of one route both called <c>QueryById</c>) keep the name for the first by HTTP method order;
/// the others add their HTTP method (<c>QueryByIdHead</c>).
/// </summary>
public sealed class OperationIdentityRule : ISpecRule
{
    private static readonly string[] MethodOrder = ["get", "post", "put", "patch", "delete", "head", "options"];

    public void Apply(SpecDocument document)
    {
        foreach (var operation in document.Operations)
        {
            var tag = operation.Tag ?? (string?)document.Root["info"]?["title"] ?? "Default";
            operation.Operation["tags"] = new JArray(Identifiers.Pascal(tag));
            var vssMethod = (string?)operation.Operation["x-ms-vss-method"];
            var operationId = (string?)operation.Operation["operationId"] ?? operation.Method + " " + operation.Route;
            var name = vssMethod ?? (operationId.Contains('_') ? operationId[(operationId.IndexOf('_') + 1)..] : operationId);
            // The generated method adds "Async" itself: GetRequestsAsync, not GetRequestsAsyncAsync.
            var pascal = Identifiers.Pascal(name);
            operation.Operation["operationId"] = pascal.Length > 5 && pascal.EndsWith("Async", StringComparison.Ordinal) ? pascal[..^5] : pascal;
        }

        foreach (var client in document.Operations.GroupBy(o => o.Tag))
        {
            var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var ordered = client
                .OrderBy(o => Array.IndexOf(MethodOrder, o.Method))
                .ThenBy(o => o.Route, StringComparer.Ordinal);
            foreach (var group in ordered.GroupBy(o => (string)o.Operation["operationId"]!, StringComparer.OrdinalIgnoreCase).ToList())
            {
                foreach (var (operation, index) in group.Select((o, i) => (o, i)))
                {
                    var name = (string)operation.Operation["operationId"]!;
                    if (index > 0 || taken.Contains(name))
                        name = Identifiers.Unique(name + Identifiers.Pascal(operation.Method), taken.Contains);
                    taken.Add(name);
                    operation.Operation["operationId"] = name;
                }
            }
        }
    }
}
