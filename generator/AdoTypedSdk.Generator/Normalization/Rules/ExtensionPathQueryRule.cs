using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// <c>x-ms-paths</c> keys carry a query (<c>/items?path={path}</c>, <c>/pools?</c>) to tell apart operations that share a path.
/// The query leaves the route: <c>{name}</c> placeholders become required query parameters, literal pairs are sent as fixed query values.
/// </summary>
public sealed class ExtensionPathQueryRule : ISpecRule
{
    public void Apply(SpecDocument document)
    {
        foreach (var operation in document.Operations)
        {
            var separator = operation.Route.IndexOf('?');
            if (separator < 0)
                continue;
            var query = operation.Route[(separator + 1)..];
            operation.Route = operation.Route[..separator];
            foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=');
                var name = equals < 0 ? pair : pair[..equals];
                var value = equals < 0 ? "" : pair[(equals + 1)..];
                if (value.StartsWith('{') && value.EndsWith('}'))
                    RequireQueryParameter(operation, value[1..^1]);
                else if (value.Length > 0)
                    operation.FixedQuery[name] = value;
            }
        }
    }

    private static void RequireQueryParameter(SpecOperation operation, string name)
    {
        var parameter = operation.ParametersIn("query").FirstOrDefault(p => string.Equals((string?)p["name"], name, StringComparison.OrdinalIgnoreCase));
        if (parameter is null)
            operation.Parameters.Add(new JObject { ["in"] = "query", ["name"] = name, ["required"] = true, ["type"] = "string" });
        else
            parameter["required"] = true;
    }
}
