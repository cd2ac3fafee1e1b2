using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// .NET type names leaked into <c>format</c> (<c>TimeSpan</c>, <c>JToken</c>, <c>decimal</c>, <c>Char</c>, <c>Stream</c>, generic <c>T</c>…)
/// map to the JSON type ADO actually sends; an array without <c>items</c> holds anything.
/// </summary>
public sealed class DotNetFormatRule : ISpecRule
{
    private static readonly HashSet<string> StandardFormats =
        ["int32", "int64", "float", "double", "byte", "binary", "date", "date-time", "password", "uuid", "uri", "time-span", "duration", "decimal"];

    public void Apply(SpecDocument document)
    {
        foreach (var schema in document.AllSchemas())
        {
            if ((string?)schema["type"] == "array" && schema["items"] is null)
                schema["items"] = new JObject();
            if ((string?)schema["format"] is not { } format || StandardFormats.Contains(format) || format.StartsWith("array", StringComparison.Ordinal))
                continue;
            Repair(schema, format);
        }
    }

    private static void Repair(JObject schema, string format)
    {
        schema.Remove("format");
        switch (format)
        {
            case "int16" or "Int16" or "byte" or "Byte" or "SByte" or "UInt16":
                schema["type"] = "integer";
                schema["format"] = "int32";
                break;
            case "decimal" or "Decimal":
                schema["type"] = "number";
                schema["format"] = "decimal";
                break;
            case "TimeSpan":
                // ADO sends .NET's "c" form ("1.02:03:04.5"), which System.TimeSpan reads.
                schema["type"] = "string";
                schema["format"] = "time-span";
                break;
            case "JToken" or "JObject" or "JContainer" or "JArray" or "T" or "Object" or "object":
                // Any JSON value; "T" is the element of ADO's generic wrappers.
                schema.Remove("type");
                break;
            case "Guid":
                schema["type"] = "string";
                schema["format"] = "uuid";
                break;
            case "DateTime":
                schema["type"] = "string";
                schema["format"] = "date-time";
                break;
            default:
                // Char, CultureInfo, TimeZoneInfo, HashAlgorithmName, JTokenType, Stream…: ADO serializes them as strings.
                if ((string?)schema["type"] is null or "object")
                    schema["type"] = "string";
                break;
        }
    }
}
