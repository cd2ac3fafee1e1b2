using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Web;
using AdoTypedSdk.Testing;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AdoTypedSdk.Tests.Contracts;

/// <summary>
/// Replays one recorded example through its generated method: the call's arguments come from the example's parameters, completed from
/// its URL; the stand-in server answers with the recorded response; then the request the server saw and the value the method returned are
/// checked against the recording.
/// </summary>
/// <param name="served">What the server answers instead of the recorded success, when not null (another 2xx, an enveloped body); the
/// call is still expected to return the recorded values.</param>
internal sealed partial class ExampleReplay(ContractCase contract, HttpExample example, WireMockServer server, AdoConnection connection, KeyValuePair<int, HttpExampleResponse>? served = null)
{
    public async Task RunAsync()
    {
        var method = GeneratedMethod();
        var aligned = example.RequestUrl is null ? null : contract.MatchRecorded(example.RequestUrl)
            ?? throw new ContractMismatchException($"The recorded URL {example.RequestUrl!.AbsolutePath} does not follow the operation's route {contract.RouteKey}.");
        var urlQuery = example.RequestUrl is null ? new System.Collections.Specialized.NameValueCollection() : HttpUtility.ParseQueryString(example.RequestUrl.Query);

        var arguments = method.GetParameters().Select(p => Argument(p, aligned, urlQuery)).ToArray();
        var (status, response) = example.PrimaryResponse ?? throw new ContractMismatchException("The example records no response.");
        var (servedStatus, servedResponse) = served ?? new(status, response);
        Stub(servedStatus, servedResponse);

        var client = connection.GetClient(method.DeclaringType!);
        var paging = contract.Operation["x-ado-paging"] as JObject;
        object? result = null;
        string? nextToken = null;
        AdoApiException? failure = null;
        try
        {
            if (paging is not null)
                (result, nextToken) = await FirstPageAsync(method.Invoke(client, arguments)!, paging, urlQuery);
            else
            {
                var task = (Task)method.Invoke(client, arguments)!;
                await task;
                result = method.ReturnType.IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
            }
        }
        catch (AdoApiException e) when (status is < 200 or >= 300)
        {
            failure = e;
        }

        var request = Assert.Single(server.LogEntries).RequestMessage;
        AssertRequest(request, aligned, urlQuery, method);
        if (status is < 200 or >= 300)
            Assert.Equal(status, Assert.IsAssignableFrom<AdoApiException>(failure).Status);
        else if (paging is not null)
            AssertPage(result, nextToken, paging, response);
        else if (status != 204)
            await AssertResponseAsync(result, response.Body);
        else
            // HTTP gives 204 no content, so a body some recordings show under it cannot travel and is not expected back.
            Assert.True(result is null, $"the method returned {result} for 204 No Content");
    }

    /// <summary>
    /// A pageable operation replays through <c>AsPages</c>: the recorded continuation token and page size go in as the page walk's own,
    /// and only the first page is read.
    /// </summary>
    private async Task<(object Items, string? NextToken)> FirstPageAsync(object pageable, JObject paging, System.Collections.Specialized.NameValueCollection urlQuery)
    {
        string? Recorded(string name) => name.Length == 0 ? null : QueryValue(urlQuery, name) ?? ExampleParameter(name)?.ToString();
        var token = Recorded((string)paging["tokenParameter"]!);
        var size = int.TryParse(Recorded((string)paging["pageSizeParameter"]!), out var top) ? top : (int?)null;
        var itemType = pageable.GetType().BaseType!.GetGenericArguments()[0];
        var read = typeof(ExampleReplay).GetMethod(nameof(ReadFirstPageAsync), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(itemType);
        return await (Task<(object, string?)>)read.Invoke(null, [pageable, token, size])!;
    }

    private static async Task<(object, string?)> ReadFirstPageAsync<T>(Azure.AsyncPageable<T> pageable, string? token, int? size) where T : notnull
    {
        await foreach (var page in pageable.AsPages(token, size))
            return (page.Values, page.ContinuationToken);
        throw new InvalidOperationException("The pageable yielded no page.");
    }

    /// <summary>The page holds the recorded items (of the list, or of the model's items property), and the token the answer carried.</summary>
    private void AssertPage(object? items, string? nextToken, JObject paging, HttpExampleResponse response)
    {
        var body = response.Body ?? JValue.CreateNull();
        var properties = ((string)paging["itemsProperties"]!).Split(',', StringSplitOptions.RemoveEmptyEntries);
        var expected = properties.Length == 0
            ? ListItems(body)
            : properties.Select(p => (body as JObject)?.Properties().FirstOrDefault(b => b.Name.Equals(p, StringComparison.OrdinalIgnoreCase))?.Value as JArray)
                .FirstOrDefault(a => a is { Count: > 0 }) ?? [];
        var actual = JToken.FromObject(items!, ExampleValues.Serializer);
        var missing = JsonComparison.MissingLeaves(expected, actual);
        Assert.True(missing.Count == 0, $"the page lost {missing.Count} recorded values, e.g.:\n  " + string.Join("\n  ", missing.Take(8)));

        var tokenProperty = (string?)paging["nextTokenProperty"] ?? "";
        var recordedToken = response.Headers.FirstOrDefault(h => h.Key.Equals("x-ms-continuationtoken", StringComparison.OrdinalIgnoreCase)).Value
            ?? (tokenProperty.Length > 0 ? (body as JObject)?.Properties().FirstOrDefault(p => p.Name.Equals(tokenProperty, StringComparison.OrdinalIgnoreCase))?.Value.ToString() : null);
        if (nextToken is not null)
            Assert.Equal(recordedToken, nextToken);
    }

    private MethodInfo GeneratedMethod()
    {
        var typeName = $"{contract.Area.Namespace}.{contract.Client}Client";
        var clientType = typeof(WorkItemTracking.WorkItemsClient).Assembly.GetType(typeName) ?? throw new InvalidOperationException($"{typeName} was not generated.");
        var candidates = clientType.GetMethods().Where(m => m.Name == contract.OperationId + "Async").ToList();
        // Beside a hand-written overload (customizations), the generated method is the one with the parameters of its …WithResponseAsync.
        var generated = candidates.Count == 1 ? candidates[0]
            : clientType.GetMethod(contract.OperationId + "WithResponseAsync") is { } withResponse
                ? clientType.GetMethod(contract.OperationId + "Async", withResponse.GetParameters().Select(p => p.ParameterType).ToArray())
                : null;
        return generated ?? throw new InvalidOperationException($"{typeName}.{contract.OperationId}Async was not generated.");
    }

    private object? Argument(ParameterInfo parameter, IReadOnlyList<AdoTypedSdk.Routing.RouteSegment>? aligned, System.Collections.Specialized.NameValueCollection urlQuery)
    {
        if (parameter.ParameterType == typeof(CancellationToken))
            return CancellationToken.None;
        var spec = SpecParameter(parameter);
        var specName = (string?)spec?["name"];
        JToken? value = null;
        if (specName is not null)
        {
            // What the recorded request sent wins; the parameters block fills in what the URL does not show.
            var location = (string?)spec!["in"];
            var fromUrl = location switch
            {
                "path" => aligned?.FirstOrDefault(s => s.Parameter?.Name.Equals(specName, StringComparison.OrdinalIgnoreCase) == true)?.Parameter?.Value,
                "query" => QueryValue(urlQuery, specName),
                _ => null,
            };
            value = fromUrl is null ? null : new JValue(fromUrl);
            // A path segment the recorded URL left out was omitted on purpose, whatever the parameters block says.
            if (value is null && !(location == "path" && aligned is not null))
                value = ExampleParameter(specName);
        }
        try
        {
            return ExampleValues.Convert(value, parameter.ParameterType) ?? (parameter.HasDefaultValue ? parameter.DefaultValue : null);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or JsonException or InvalidCastException)
        {
            throw new ContractMismatchException($"The example's value for '{specName}' does not fit {parameter.ParameterType.Name}: {e.Message}");
        }
    }

    /// <summary>The spec parameter behind a C# parameter: same name up to case and punctuation, or the body.</summary>
    private JObject? SpecParameter(ParameterInfo parameter)
    {
        var parameters = contract.Operation["parameters"]?.OfType<JObject>().Select(p => Resolve(p)).ToList() ?? [];
        return parameters.FirstOrDefault(p => Simplify((string?)p["x-originalName"] ?? (string?)p["name"]) == Simplify(parameter.Name))
            ?? parameters.FirstOrDefault(p => Simplify((string?)p["name"]) == Simplify(parameter.Name))
            ?? (parameter.Name == "body" ? parameters.FirstOrDefault(p => (string?)p["in"] == "body") : null);
    }

    private JObject Resolve(JObject parameter) =>
        (string?)parameter["$ref"] is { } reference ? (JObject)contract.Document.SelectToken(reference[2..].Replace('/', '.'))! : parameter;

    private JToken? ExampleParameter(string name) =>
        example.Parameters.Properties().FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value;

    /// <summary>A query value by name; ADO binds <c>searchCriteria.status</c> and plain <c>status</c> alike.</summary>
    private static string? QueryValue(System.Collections.Specialized.NameValueCollection query, string name) =>
        (query.AllKeys.OfType<string>().FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase))
            ?? query.AllKeys.OfType<string>().FirstOrDefault(k => name.EndsWith("." + k, StringComparison.OrdinalIgnoreCase))) is { } key
            ? query[key]
            : null;

    private static string Simplify(string? name) => NonAlphanumeric().Replace(name ?? "", "").ToLowerInvariant();

    private void Stub(int status, HttpExampleResponse response)
    {
        var reply = Response.Create().WithStatusCode(status);
        foreach (var (name, value) in response.Headers.Where(h => h.Key is not ("Content-Length" or "Transfer-Encoding" or "content-length")))
            reply = reply.WithHeader(name, value);
        if (response.Body is { } body && status != 204)
        {
            var isFile = contract.Operation["responses"]?[status.ToString()]?["schema"]?["type"]?.Value<string>() == "file";
            if (isFile)
                reply = reply.WithHeader("Content-Type", FileMediaType()).WithBody(body.Type == JTokenType.String ? (string)body! : body.ToString(Formatting.None));
            else
                reply = reply.WithHeader("Content-Type", "application/json; charset=utf-8").WithBody(body.ToString(Formatting.None));
        }
        server.Given(Request.Create().UsingAnyMethod()).RespondWith(reply);
    }

    /// <summary>The media type a download answers with: the first its operation produces (a representation's own).</summary>
    private string FileMediaType() => (string?)contract.Operation["produces"]?.FirstOrDefault() ?? "application/octet-stream";

    private void AssertRequest(WireMock.IRequestMessage request, IReadOnlyList<AdoTypedSdk.Routing.RouteSegment>? aligned, System.Collections.Specialized.NameValueCollection urlQuery, MethodInfo method)
    {
        Assert.Equal((example.Method ?? contract.HttpMethod).ToUpperInvariant(), request.Method.ToUpperInvariant());
        if (method.ReturnType == typeof(Task<FileResponse>))
            Assert.Contains(FileMediaType(), request.Headers is { } headers && headers.TryGetValue("Accept", out var accept) ? accept.ToString() : "");

        var received = request.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
        Assert.Equal("fabrikam", received[0]);
        if (aligned is not null)
        {
            var expected = aligned.Where(s => s.Kind != AdoTypedSdk.Routing.RouteSegmentKind.Organization).ToList();
            var sent = received.Skip(1).ToList();
            Assert.True(expected.Count == sent.Count, $"path: expected /{string.Join('/', expected.Select(s => s.Text))}, sent /{string.Join('/', sent)}");
            for (var i = 0; i < expected.Count; i++)
            {
                var comparison = expected[i].Kind == AdoTypedSdk.Routing.RouteSegmentKind.Literal ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
                var sameGuid = Guid.TryParse(expected[i].Text, out var left) && Guid.TryParse(sent[i], out var right) && left == right;
                Assert.True(sameGuid || expected[i].Text.Equals(sent[i], comparison), $"path segment {i + 1}: expected '{expected[i].Text}', sent '{sent[i]}'");
            }
        }

        var sentQuery = HttpUtility.ParseQueryString(new Uri(request.AbsoluteUrl).Query);
        var pinned = Regex.Match(contract.RouteKey, @"[?&]api-version=([^&]+)").Groups[1].Value;
        Assert.Equal(pinned, sentQuery["api-version"]);
        foreach (var name in urlQuery.AllKeys.OfType<string>().Where(k => !k.Equals("api-version", StringComparison.OrdinalIgnoreCase)))
        {
            var expectedValue = urlQuery[name]!;
            // The same name, else one that binds it under an object (ADO reads searchCriteria.status as status); $skip and searchCriteria.$skip are two.
            var sentValue = (sentQuery.AllKeys.OfType<string>().FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase))
                ?? sentQuery.AllKeys.OfType<string>().FirstOrDefault(k => k.EndsWith("." + name, StringComparison.OrdinalIgnoreCase))) is { } key ? sentQuery[key] : null;
            Assert.True(sentValue is not null && QueryValueEquals(expectedValue, sentValue), $"query '{name}': expected '{expectedValue}', sent '{sentValue ?? "nothing"}'");
        }

        var bodyParameter = contract.Operation["parameters"]?.OfType<JObject>().FirstOrDefault(p => (string?)p["in"] == "body");
        if (bodyParameter is not null && ExampleParameter((string)bodyParameter["name"]!) is { Type: not JTokenType.Null } body)
        {
            if (method.GetParameters().Any(p => p.ParameterType == typeof(Stream)))
                Assert.Equal(body.Type == JTokenType.String ? Encoding.UTF8.GetBytes((string)body!) : Encoding.UTF8.GetBytes(body.ToString(Formatting.None)), request.BodyAsBytes);
            else
            {
                var sentBody = JToken.Parse(request.Body ?? "null");
                if (sentBody.Type != JTokenType.String)
                    body = ExampleValues.AsRecordedJson(body);
                Assert.True(JsonComparison.SemanticallyEqual(body, sentBody), $"body: expected {body.ToString(Formatting.None)}, sent {sentBody.ToString(Formatting.None)}");
            }
        }
    }

    /// <summary>Query values: ADO reads enum names and booleans in any case, flag combinations in any order; instants in any equivalent format.</summary>
    private static bool QueryValueEquals(string expected, string sent) =>
        expected.Equals(sent, StringComparison.OrdinalIgnoreCase) || JsonComparison.SameInstant(expected, sent)
        || expected.Contains(',') && Names(expected) is var names && names.All(n => char.IsAsciiLetter(n[0])) && names.SetEquals(Names(sent));

    private static HashSet<string> Names(string list) =>
        list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static async Task AssertResponseAsync(object? result, JToken? body)
    {
        if (body is null || body.Type == JTokenType.Null)
            return;
        if (result is FileResponse file)
        {
            using var copy = new MemoryStream();
            await file.ContentStream.CopyToAsync(copy);
            file.Dispose();
            Assert.Equal(body.Type == JTokenType.String ? (string)body! : body.ToString(Formatting.None), Encoding.UTF8.GetString(copy.ToArray()));
            return;
        }
        var actual = result is null ? JValue.CreateNull() : JToken.FromObject(result, ExampleValues.Serializer);
        if (result is not null)
            AssertOtherJsonLibrariesWriteTheSame(result, actual);
        // A single value may be recorded in ADO's envelope, or as the one item of an enveloped list; the SDK returns the value.
        var expected = actual is JArray ? ListItems(body)
            : actual is JObject model && model["count"] is null && body is JObject { Count: 2 } envelope && envelope["count"] is { Type: JTokenType.Integer } && envelope["value"] is { } value
                ? value is JArray { Count: 1 } single ? single[0] : value
                : body;
        var missing = JsonComparison.MissingLeaves(expected, actual);
        Assert.True(missing.Count == 0, $"the returned {result?.GetType().Name ?? "nothing"} lost {missing.Count} recorded values, e.g.:\n  " + string.Join("\n  ", missing.Take(8)));
    }

    private static readonly System.Text.Json.JsonSerializerOptions WebDefaults = WithAdoJson(new(System.Text.Json.JsonSerializerDefaults.Web));

    private static System.Text.Json.JsonSerializerOptions WithAdoJson(System.Text.Json.JsonSerializerOptions options)
    {
        AdoJson.Configure(options);
        return options;
    }

    /// <summary>
    /// A returned value written by System.Text.Json with ASP.NET Core's defaults (plus <see cref="AdoJson.Configure(System.Text.Json.JsonSerializerOptions)"/>
    /// for "any JSON" values), or by plain Json.NET, is the JSON the SDK writes, and reads back into the same values.
    /// </summary>
    private static void AssertOtherJsonLibrariesWriteTheSame(object result, JToken sdk)
    {
        var type = result.GetType();
        var expected = AsWritten(sdk.ToString(Formatting.None));
        var systemTextJson = System.Text.Json.JsonSerializer.Serialize(result, type, WebDefaults);
        Assert.True(JToken.DeepEquals(expected, AsWritten(systemTextJson)), $"System.Text.Json wrote a {type.Name} differently:\n{systemTextJson}\nThe SDK wrote:\n{expected}");
        var readBack = System.Text.Json.JsonSerializer.Deserialize(systemTextJson, type, WebDefaults)!;
        Assert.True(JToken.DeepEquals(expected, AsWritten(JsonConvert.SerializeObject(readBack))), $"System.Text.Json read a {type.Name} back differently.");
        var plain = JsonConvert.SerializeObject(result);
        Assert.True(JToken.DeepEquals(expected, AsWritten(plain)), $"Json.NET wrote a {type.Name} differently:\n{plain}\nThe SDK wrote:\n{expected}");
        Assert.True(JToken.DeepEquals(expected, AsWritten(JsonConvert.SerializeObject(JsonConvert.DeserializeObject(plain, type)))), $"Json.NET read a {type.Name} back differently.");
    }

    /// <summary>JSON text as written, dates and numbers compared as their text.</summary>
    private static JToken AsWritten(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        return JToken.ReadFrom(reader);
    }

    /// <summary>The items of a recorded list body, read as the SDK reads lists: bare, enveloped (<c>value</c>/<c>values</c>, nested), or one item.</summary>
    private static JArray ListItems(JToken body) => body switch
    {
        JArray items => items,
        JObject envelope when envelope.Properties().FirstOrDefault(p => p.Name is "value" or "values" && p.Value is JArray or JObject) is { } items => ListItems(items.Value),
        JObject envelope when envelope.Properties().All(p => p.Name == "count") => [],
        _ => [body],
    };

    [GeneratedRegex("[^A-Za-z0-9]")]
    private static partial Regex NonAlphanumeric();
}

/// <summary>The example contradicts its own operation (its URL, a value's type); the message says how.</summary>
internal sealed class ContractMismatchException(string message) : Exception(message);
