using System.Text.RegularExpressions;
using AdoTypedSdk.Testing;
using AdoTypedSdk.Tests.Contracts;
using AdoTypedSdk.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Tests.RoundTrip;

/// <summary>
/// Every operation of the built version, called with values made up from its schemas (<see cref="SchemaSamples"/>), against the embedded
/// ADO answering with a made-up body of the success the document declares. Checked as contract replay checks a recording: method, path,
/// query, body sent, and every value of the answer kept. One case per operation, named <c>document/operation</c>. Operations that still
/// fail are listed in <c>RoundTripFailures.json</c> with the reason observed, and are expected to fail until fixed.
/// </summary>
public sealed partial class RoundTripTests(ReplayServer fixture) : IClassFixture<ReplayServer>
{
    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "options", "head", "patch"];
    private static readonly Lazy<Dictionary<string, ContractCase>> Operations = new(Discover);
    private static readonly IReadOnlyDictionary<string, string> Failures = ContractData.Load("RoundTripFailures.json", "RoundTrip");
    private static readonly Dictionary<string, bool> Outcomes = new(StringComparer.Ordinal);

    public static TheoryData<ExamplePath> All() => ExamplePath.Data(Operations.Value.Keys);

    [Theory]
    [MemberData(nameof(All))]
    public async Task Calls(ExamplePath operation)
    {
        var call = fixture.Replay(Operations.Value[operation.Path]);
        await ExpectedOutcome.CheckAsync(call, operation.Path, Failures, "RoundTripFailures.json", passed => Tally(operation.Path, passed));
    }

    /// <summary>
    /// The same call answered with a success the document does not name for it (202, or 201 where it names 202) and the body in ADO's
    /// <c>{count, value}</c> envelope, which the service puts around lists, maps and single values alike: the method returns the same values.
    /// </summary>
    [Theory]
    [MemberData(nameof(All))]
    public async Task Calls_answered_with_another_success_and_an_envelope(ExamplePath operation)
    {
        var contract = Operations.Value[operation.Path];
        var (status, response) = contract.Example.PrimaryResponse!.Value;
        var isFile = contract.Operation["responses"]?[status.ToString()]?["schema"]?["type"]?.Value<string>() == "file";
        // A model with a count or value of its own is sent bare (the SDK cannot tell an envelope from it, and ADO does not wrap it).
        var ownEnvelope = SchemaSamples.PropertyNames(contract.Document, contract.Operation["responses"]?[status.ToString()]?["schema"]).Any(n => n is "count" or "value");
        var enveloped = response.Body is null || isFile || ownEnvelope ? response.Body : new JObject { ["count"] = response.Body is JArray list ? list.Count : 1, ["value"] = response.Body };
        var served = new KeyValuePair<int, HttpExampleResponse>(status == 202 ? 201 : 202, response with { Body = enveloped });
        var call = fixture.Replay(contract, served);
        await ExpectedOutcome.CheckAsync(call, operation.Path + " (enveloped)", Failures, "RoundTripFailures.json", _ => { });
    }

    [Fact]
    public void Listed_failures_name_operations_of_this_version()
    {
        // An entry of a document this version has names one of its operations; entries of other versions' documents are theirs.
        var documents = Operations.Value.Keys.Select(k => k[..k.IndexOf('/')]).ToHashSet(StringComparer.Ordinal);
        Assert.All(Failures.Keys.Select(k => k.Replace(" (enveloped)", "", StringComparison.Ordinal)), name =>
            Assert.True(Operations.Value.ContainsKey(name) || !documents.Contains(name[..name.IndexOf('/')]), $"{name} is no operation of {RepositoryFiles.ApiVersion}"));
        Assert.NotEmpty(Operations.Value);
    }

    private static void Tally(string name, bool passed)
    {
        lock (Outcomes)
        {
            Outcomes[name] = passed;
            if (Outcomes.Count == Operations.Value.Count)
                File.WriteAllText(Path.Combine(AppContext.BaseDirectory, $"roundtrip-summary-{RepositoryFiles.ApiVersion}.txt"),
                    $"total {Outcomes.Count(o => o.Value)} {Outcomes.Count(o => !o.Value)}\n");
        }
    }

    /// <summary>Each operation with a made-up example: its parameters, the URL they make, and an answer.</summary>
    private static Dictionary<string, ContractCase> Discover()
    {
        var cases = new Dictionary<string, ContractCase>(StringComparer.Ordinal);
        foreach (var area in AdoConnection.Areas)
        {
            var documentName = Path.GetFileNameWithoutExtension(area.DocumentPath);
            var document = JObject.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.NormalizedRoot, documentName + ".json")));
            foreach (var (routeKey, pathItem) in (JObject)document["paths"]!)
                foreach (var method in HttpMethods.Where(m => pathItem![m] is JObject))
                {
                    var operation = (JObject)pathItem![method]!;
                    var name = $"{documentName}/{(string)operation["operationId"]!}";
                    var samples = new SchemaSamples(document, StableHash(name));
                    var example = MadeUp(samples, document, routeKey, method, operation, name);
                    cases[name] = new ContractCase(name, example, area, (string)operation["tags"]![0]!, (string)operation["operationId"]!, routeKey, method, operation, document);
                    foreach (var representation in operation["x-ado-representations"]?.OfType<JObject>() ?? [])
                        AddRepresentation(cases, cases[name], representation);
                }
        }
        return cases;
    }

    /// <summary>
    /// A download beside an operation's typed call (<c>GetBuildLogText</c>): the same request, asking for the representation's media
    /// type, answered with a body of that type, which the download returns as it came.
    /// </summary>
    private static void AddRepresentation(Dictionary<string, ContractCase> cases, ContractCase typed, JObject representation)
    {
        var operationId = typed.OperationId + (string)representation["suffix"]!;
        var name = typed.ExamplePath[..(typed.ExamplePath.IndexOf('/') + 1)] + operationId;
        var operation = (JObject)typed.Operation.DeepClone();
        operation["produces"] = new JArray((string)representation["mediaType"]!);
        foreach (var success in ((JObject)operation["responses"]!).Properties().Where(r => r.Name.StartsWith('2') && r.Name != "204"))
            success.Value["schema"] = new JObject { ["type"] = "file" };
        var body = new JValue($"{operationId} as {representation["mediaType"]}\nline 2");
        var example = typed.Example with { Path = name, Responses = new Dictionary<int, HttpExampleResponse> { [200] = new(new Dictionary<string, string>(), body) } };
        cases[name] = typed with { ExamplePath = name, Example = example, OperationId = operationId, Operation = operation };
    }

    private static HttpExample MadeUp(SchemaSamples samples, JObject document, string routeKey, string method, JObject operation, string name)
    {
        var parameters = new JObject();
        var query = new List<string>();
        var path = routeKey.Split('?')[0];
        foreach (var parameter in operation["parameters"]?.OfType<JObject>() ?? [])
        {
            var parameterName = (string)parameter["name"]!;
            var location = (string?)parameter["in"];
            var value = location == "body" ? samples.For(parameter["schema"]) : samples.For(parameter);
            if (location == "path" && value.Type == JTokenType.String && parameter["format"] is null && parameter["x-schema"] is null && parameter["enum"] is null)
                value = "v" + Math.Abs(StableHash(name + parameterName) % 1000); // a segment value: no characters the URL would escape
            parameters[parameterName] = value;
            if (location == "path")
                path = Placeholder().Replace(path, m => m.Groups[1].Value.Equals(parameterName, StringComparison.OrdinalIgnoreCase) ? Uri.EscapeDataString(Text(value)) : m.Value);
            else if (location == "query")
                query.Add(Uri.EscapeDataString(parameterName) + "=" + Uri.EscapeDataString(Text(value)));
        }
        var url = new Uri("https://dev.azure.com" + path.Replace("/~", "/fabrikam") + (query.Count > 0 ? "?" + string.Join("&", query) : ""));

        var successes = (operation["responses"] as JObject)?.Properties().Where(r => r.Name.StartsWith('2')).ToList() ?? [];
        var success = successes.FirstOrDefault(r => r.Value["schema"] is not null) ?? successes.FirstOrDefault();
        var status = success is null ? 200 : int.Parse(success.Name);
        var body = success?.Value["schema"] is { } schema && status != 204 ? samples.For(schema) : null;
        return new HttpExample(name, method.ToUpperInvariant(), url, parameters,
            new Dictionary<int, HttpExampleResponse> { [status] = new(new Dictionary<string, string>(), body) });
    }

    /// <summary>A query or path value as the URL carries it: arrays comma-separated, as ADO reads them.</summary>
    private static string Text(JToken value) => value switch
    {
        JArray items => string.Join(",", items.Select(Text)),
        JValue { Type: JTokenType.Boolean } flag => (bool)flag! ? "true" : "false",
        JValue scalar => Convert.ToString(scalar.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        _ => value.ToString(Newtonsoft.Json.Formatting.None),
    };

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
            hash = unchecked(hash * 31 + c);
        return hash;
    }

    [GeneratedRegex(@"\{\*?([^}]+)\}")]
    private static partial Regex Placeholder();
}
