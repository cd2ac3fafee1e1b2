using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Testing;

/// <summary>
/// One of Microsoft's recorded request/response examples (<c>httpExamples/…/*.json</c>): the request's method, URL and parameter values,
/// and the recorded responses by status.
/// </summary>
/// <param name="Path">Path relative to <c>specification/</c>, e.g. <c>wit/7.1/httpExamples/workItems/GET__wit_WorkItems_id.json</c>.</param>
/// <param name="Method">The request method, when the example records it.</param>
/// <param name="RequestUrl">The request URL, when the example records one that parses.</param>
/// <param name="Parameters">Parameter values by spec parameter name.</param>
/// <param name="Responses">Recorded responses by status code.</param>
public sealed record HttpExample(string Path, string? Method, Uri? RequestUrl, JObject Parameters, IReadOnlyDictionary<int, HttpExampleResponse> Responses)
{
    /// <summary>Reads an example file; <paramref name="relativePath"/> names it in messages.</summary>
    public static HttpExample Read(string file, string relativePath)
    {
        using var reader = new JsonTextReader(new StreamReader(file, detectEncodingFromByteOrderMarks: true)) { DateParseHandling = DateParseHandling.None };
        var root = JObject.Load(reader);
        var url = (string?)root["x-ms-vss-request-url"];
        var responses = ((root["responses"] as JObject)?.Properties() ?? [])
            .Where(p => int.TryParse(p.Name, out _))
            .ToDictionary(p => int.Parse(p.Name), p => new HttpExampleResponse(
                ((p.Value["headers"] as JObject)?.Properties() ?? []).ToDictionary(h => h.Name, h => h.Value.ToString()),
                p.Value is JObject response && response.ContainsKey("body") ? response["body"] : null));
        return new HttpExample(
            relativePath,
            (string?)root["x-ms-vss-request-method"],
            ParseRecordedUrl(url),
            root["parameters"] as JObject ?? [],
            responses);
    }

    private static Uri? ParseRecordedUrl(string? url)
    {
        if (url is null)
            return null;
        if (Uri.TryCreate(url, UriKind.Absolute, out var parsed))
            return parsed;
        // Some on-premises recordings were made by rewriting a cloud host into the authority and left a port like "8080m0652".
        var authority = url.IndexOf("://", StringComparison.Ordinal);
        var path = authority < 0 ? -1 : url.IndexOf('/', authority + 3);
        return path >= 0 && Uri.TryCreate("https://recorded.invalid" + url[path..], UriKind.Absolute, out parsed) ? parsed : null;
    }

    /// <summary>The recorded success (the lowest 2xx), else the lowest recorded status.</summary>
    public KeyValuePair<int, HttpExampleResponse>? PrimaryResponse =>
        Responses.Count == 0 ? null : Responses.OrderBy(r => r.Key is >= 200 and < 300 ? 0 : 1).ThenBy(r => r.Key).First();
}

/// <summary>A recorded response: headers and body (null when it had none).</summary>
public sealed record HttpExampleResponse(IReadOnlyDictionary<string, string> Headers, JToken? Body);
