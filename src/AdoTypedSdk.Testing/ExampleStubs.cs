using Newtonsoft.Json;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace AdoTypedSdk.Testing;

/// <summary>Serves Microsoft's recorded examples from an <see cref="EmbeddedAdo"/>: the recorded request's method and path get the recorded response.</summary>
public static class ExampleStubs
{
    /// <summary>
    /// Serves <paramref name="examplePath"/> (relative to <c>specification/</c>, e.g. <c>wit/7.2/httpExamples/workItems/GET__wit_WorkItems_id.json</c>)
    /// from the examples this app's build restored (<see cref="GeneratedSpecs.SpecRoot"/>).
    /// </summary>
    public static HttpExample Serve(this EmbeddedAdo ado, string examplePath) => ado.Serve(GeneratedSpecs.SpecRoot, examplePath);

    /// <summary>
    /// Reads <paramref name="examplePath"/> (relative to <c>specification/</c> under <paramref name="specRoot"/>) and answers requests for its
    /// URL's path, with the organization segment replaced by the server's, with its recorded success response.
    /// </summary>
    public static HttpExample Serve(this EmbeddedAdo ado, string specRoot, string examplePath)
    {
        var file = Path.Combine(specRoot, "specification", examplePath);
        if (!File.Exists(file))
            throw new FileNotFoundException($"The example {examplePath} is not in {specRoot}; build the SDK first so it restores the pinned examples.", file);
        var example = HttpExample.Read(file, examplePath);
        var url = example.RequestUrl ?? throw new InvalidOperationException($"{examplePath} records no request URL.");
        // The recorded organization (or collection) gives way to the server's; an on-premises recording made at a server's root has none.
        var recorded = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var path = "/" + ado.Organization + "/" + string.Join('/', recorded.Skip(recorded is ["_apis", ..] ? 0 : 1));
        var (status, response) = example.PrimaryResponse ?? throw new InvalidOperationException($"{examplePath} records no response.");
        var reply = Response.Create().WithStatusCode(status);
        if (response.Body is { } body)
            reply = reply.WithHeader("Content-Type", "application/json; charset=utf-8").WithBody(body.ToString(Formatting.None));
        ado.Server.Given(Request.Create().UsingMethod(example.Method ?? "GET").WithPath(new WildcardMatcher(path, ignoreCase: true))).RespondWith(reply);
        return example;
    }
}
