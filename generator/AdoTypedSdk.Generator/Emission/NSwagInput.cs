using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Emission;

/// <summary>
/// The document NSwag reads: the repaired one, with each method named for what NSwag generates from it. NSwag's methods return the
/// status and headers with the value (<c>GetBuildsWithResponseAsync</c>); our <c>Client.Class.Body</c> template adds, under the
/// operation's own name (<see cref="MethodNameExtension"/>), the plain method or the pageable one.
/// </summary>
public static class NSwagInput
{
    public const string MethodNameExtension = "x-ado-method";
    public const string ResponseMethodSuffix = "WithResponse";

    public static JObject Create(JObject normalized)
    {
        var input = (JObject)normalized.DeepClone();
        foreach (var operation in (input["paths"] as JObject ?? []).Properties().SelectMany(p => ((JObject)p.Value).Properties()).Select(p => p.Value).OfType<JObject>())
        {
            var name = (string)operation["operationId"]!;
            operation[MethodNameExtension] = name;
            operation["operationId"] = name + ResponseMethodSuffix;
        }
        return input;
    }
}
