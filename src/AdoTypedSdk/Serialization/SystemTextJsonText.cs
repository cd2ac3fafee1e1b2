using System.Text.Json;

namespace AdoTypedSdk.Serialization;

/// <summary>Moves one JSON value between System.Text.Json and Json.NET as text, for the converters that bridge the two.</summary>
internal static class SystemTextJsonText
{
    /// <summary>The value at <paramref name="reader"/>, consumed, as a Json.NET reader that leaves dates as the text they are.</summary>
    public static Newtonsoft.Json.JsonTextReader ReadValue(ref Utf8JsonReader reader)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return new Newtonsoft.Json.JsonTextReader(new StringReader(document.RootElement.GetRawText())) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
    }
}
