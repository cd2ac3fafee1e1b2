using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// An operation that answers JSON and also another media type (a build log as text or a zip, a wiki page as text, a blob as bytes, a
/// work-item icon as SVG) gets a download per other representation beside its typed JSON call: each is marked in the
/// <c>x-ado-representations</c> extension with its media type and the suffix of its method (<c>GetBuildLog</c> → <c>GetBuildLogText</c>,
/// <c>GetBuildLogZip</c>), which the client template writes as a call that asks for that type and returns a <c>FileResponse</c>.
/// <list type="bullet">
/// <item>Suffixes: <c>Text</c> (text/plain), <c>Zip</c> (application/zip), <c>Content</c> (application/octet-stream), <c>Html</c>,
/// <c>Svg</c>, <c>Xaml</c>, and the subtype for any other.</item>
/// <item>An operation whose document lists JSON only but which serves the item itself, as its <c>$format</c> and <c>download</c>
/// parameters show (git and TFVC items), gets <c>Content</c>, <c>Text</c> and <c>Zip</c>.</item>
/// <item>Where the JSON form of a text answer is declared as one string, ADO sends its lines (<c>{"count": 2, "value": ["…", "…"]}</c>):
/// the typed call returns the lines.</item>
/// </list>
/// </summary>
public sealed class RepresentationRule : ISpecRule
{
    public const string Extension = "x-ado-representations";

    private static readonly string[] ItemContent = ["application/octet-stream", "text/plain", "application/zip"];

    public void Apply(SpecDocument document)
    {
        foreach (var client in document.Operations.GroupBy(o => o.Tag))
        {
            var names = document.MethodNamesOf(client.Key);
            foreach (var operation in client.Where(o => o.Method == "get" && o.Produces.Any(BinaryContentRule.IsJson)))
            {
                var others = operation.Produces.Where(t => !BinaryContentRule.IsJson(t)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                if (others.Count == 0 && ServesItemContent(operation))
                    others = [.. ItemContent];
                if (others.Count == 0)
                    continue;
                var name = (string)operation.Operation["operationId"]!;
                var representations = new JArray();
                foreach (var mediaType in others)
                {
                    var suffix = Suffix(mediaType);
                    if (!names.Add(name + suffix))
                        suffix = "As" + suffix;
                    names.Add(name + suffix);
                    representations.Add(new JObject { ["mediaType"] = mediaType, ["suffix"] = suffix });
                }
                operation.Operation[Extension] = representations;
                if (others.Contains("text/plain", StringComparer.OrdinalIgnoreCase))
                    AnswerLines(operation);
            }
        }
    }

    /// <summary>The item's own content is there for the asking: ADO's <c>$format</c> and <c>download</c> choose it.</summary>
    private static bool ServesItemContent(SpecOperation operation) =>
        operation.ParametersIn("query").Any(p => Identifiers.SameParameterName((string)p["name"]!, "$format"))
        && operation.ParametersIn("query").Any(p => Identifiers.SameParameterName((string)p["name"]!, "download") && (string?)p["type"] == "boolean");

    private static void AnswerLines(SpecOperation operation)
    {
        foreach (var response in (operation.Operation["responses"] as JObject)?.Properties().Where(r => r.Name.StartsWith('2')).Select(r => r.Value).OfType<JObject>() ?? [])
            // Whatever its format says (the build log's is .NET's "Stream"): a string is what the document has for text.
            if (response["schema"] is JObject schema && (string?)schema["type"] == "string")
                response["schema"] = new JObject { ["type"] = "array", ["items"] = new JObject { ["type"] = "string" } };
    }

    public static string Suffix(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim().ToLowerInvariant();
        return type switch
        {
            "text/plain" => "Text",
            "application/zip" => "Zip",
            "application/octet-stream" => "Content",
            "text/html" => "Html",
            "image/svg+xml" => "Svg",
            "image/xaml+xml" => "Xaml",
            _ => Identifiers.Pascal(type[(type.IndexOf('/') + 1)..]),
        };
    }
}
