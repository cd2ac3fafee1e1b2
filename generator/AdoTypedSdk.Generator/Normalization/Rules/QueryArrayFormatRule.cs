using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// Query parameters documented as <c>type: string, format: "array (int32)"</c> are typed collections
/// (<c>IEnumerable&lt;int&gt;</c>) sent comma-separated, as ADO expects (<c>definitions=1,2,3</c>).
/// </summary>
public sealed partial class QueryArrayFormatRule : ISpecRule
{
    public void Apply(SpecDocument document)
    {
        foreach (var parameter in document.Operations.SelectMany(o => o.Parameters.OfType<JObject>()))
        {
            if ((string?)parameter["format"] is not { } format || ArrayFormat().Match(format) is not { Success: true } match)
                continue;
            parameter["type"] = "array";
            parameter.Remove("format");
            parameter["collectionFormat"] = "csv";
            parameter["items"] = ItemSchema(document, match.Groups[1].Value.Trim());
        }
    }

    private static JObject ItemSchema(SpecDocument document, string itemType) => itemType switch
    {
        "string" => new JObject { ["type"] = "string" },
        "int32" or "int64" or "int16" => new JObject { ["type"] = "integer", ["format"] = itemType },
        "uuid" or "guid" => new JObject { ["type"] = "string", ["format"] = "uuid" },
        "date-time" or "DateTime" => new JObject { ["type"] = "string", ["format"] = "date-time" },
        "boolean" or "bool" => new JObject { ["type"] = "boolean" },
        // A named type: an enum definition is referenced; anything else travels as its string form.
        _ when document.Definitions[itemType] is JObject { } definition && definition["enum"] is JArray =>
            new JObject { ["$ref"] = "#/definitions/" + itemType },
        _ => new JObject { ["type"] = "string" },
    };

    [GeneratedRegex(@"^array\s*\((.+)\)$")]
    private static partial Regex ArrayFormat();
}
