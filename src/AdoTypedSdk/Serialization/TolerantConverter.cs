using Newtonsoft.Json;

namespace AdoTypedSdk.Serialization;

/// <summary>Reads a scalar with its usual converter; a value that does not fit is parked for the enclosing model instead of failing.</summary>
internal sealed class TolerantConverter(string jsonName, JsonConverter? inner) : JsonConverter
{
    // The documents give enums by name only; a number (older recordings, some services) cannot be mapped to a name without guessing.
    private readonly bool _namesOnly = inner is Newtonsoft.Json.Converters.StringEnumConverter;

    public override bool CanConvert(Type objectType) => true;

    // Writing needs only the inner converter (enum names); other values are written as Json.NET writes them anyway.
    public override bool CanWrite => inner is not null;

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        switch (reader.TokenType)
        {
            case JsonToken.Null:
                return null;
            case JsonToken.StartObject or JsonToken.StartArray:
                var structured = Newtonsoft.Json.Linq.JToken.Load(reader);
                return MisfitValues.Park(jsonName, structured)
                    ? null
                    : throw new JsonSerializationException($"Expected a {objectType.Name} for '{jsonName}' at '{reader.Path}', found {structured.Type}.");
            case JsonToken.Integer when _namesOnly && MisfitValues.Park(jsonName, new Newtonsoft.Json.Linq.JValue(reader.Value)):
                return null;
            case JsonToken.String when objectType == typeof(string):
                return reader.Value;
        }
        if (objectType == typeof(string))
            return Convert.ToString(reader.Value, System.Globalization.CultureInfo.InvariantCulture);
        var value = reader.Value;
        try
        {
            return inner is not null ? inner.ReadJson(reader, objectType, existingValue, serializer) : serializer.Deserialize(reader, objectType);
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException && MisfitValues.Park(jsonName, new Newtonsoft.Json.Linq.JValue(value)))
        {
            return null;
        }
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) => inner!.WriteJson(writer, value, serializer);
}
