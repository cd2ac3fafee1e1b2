using System.Globalization;
using Newtonsoft.Json;

namespace AdoTypedSdk.Serialization;

/// <summary>
/// Reads a scalar property with its usual converter; a value that does not fit (an object for a string, text for a number, a number for
/// base64 bytes, an empty or unknown enum name) is parked for the enclosing model instead of failing the whole answer, so it is kept and
/// written back as it came.
/// </summary>
/// <param name="jsonName">The property's JSON name, under which a misfit is kept.</param>
/// <param name="inner">The converter the property had.</param>
/// <param name="propertyType">The property's type, nullable or not.</param>
internal sealed class TolerantConverter(string jsonName, JsonConverter? inner, Type propertyType) : JsonConverter
{
    // The documents give enums by name only; a number (older recordings, some services) cannot be mapped to a name without guessing.
    private readonly bool _namesOnly = inner is Newtonsoft.Json.Converters.StringEnumConverter;

    // Worked out once per property: every value of the property is read here.
    private readonly Type _scalarType = Nullable.GetUnderlyingType(propertyType) ?? propertyType;

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
            case JsonToken.String when objectType == typeof(string):
                return reader.Value;
            // An enum read as "" would come back as null and vanish when the model is written back.
            case JsonToken.Integer when _namesOnly && Park(reader.Value):
            case JsonToken.String when _namesOnly && reader.Value is "" && Park(reader.Value):
                return null;
        }
        if (objectType == typeof(string))
            return Convert.ToString(reader.Value, CultureInfo.InvariantCulture);
        var value = reader.Value;
        if (Scalar(reader.TokenType, value, _scalarType) is { } scalar)
            return scalar.Fits ? scalar.Value : Park(value) ? null : throw new JsonSerializationException($"'{value}' is not a {objectType.Name} ('{jsonName}' at '{reader.Path}').");
        try
        {
            return inner is not null ? inner.ReadJson(reader, objectType, existingValue, serializer) : serializer.Deserialize(reader, objectType);
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException && Park(value))
        {
            return null;
        }
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) => inner!.WriteJson(writer, value, serializer);

    private bool Park(object? value) => MisfitValues.Park(jsonName, new Newtonsoft.Json.Linq.JValue(value));

    /// <summary>
    /// Numbers and booleans into a number or boolean property, read here rather than by Json.NET's general path (every such property of
    /// every model passes here): null when the token is another kind, which the usual converter reads.
    /// </summary>
    private static (bool Fits, object? Value)? Scalar(JsonToken token, object? value, Type type)
    {
        if (type == typeof(bool))
            return token == JsonToken.Boolean ? (true, value) : token is JsonToken.Integer or JsonToken.Float ? (false, null) : null;
        if (!IsNumber(type))
            return null;
        if (token == JsonToken.Boolean)
            return (false, null);
        if (token is not (JsonToken.Integer or JsonToken.Float))
            return null;
        if (value?.GetType() == type)
            return (true, value);
        try
        {
            // A fraction where an integer is declared is a misfit, not a value to round.
            if (value is double or decimal && !IsFraction(type) && Convert.ToDecimal(value, CultureInfo.InvariantCulture) % 1 != 0)
                return (false, null);
            return (true, Convert.ChangeType(value, type, CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is OverflowException or InvalidCastException)
        {
            return (false, null);
        }
    }

    private static bool IsFraction(Type type) => type == typeof(double) || type == typeof(float) || type == typeof(decimal);

    /// <summary>The number types a generated model declares (<c>byte</c>, <c>int</c>, <c>long</c>, <c>double</c>, <c>float</c>, <c>decimal</c>…).</summary>
    internal static bool IsNumber(Type type) => type.IsPrimitive && type != typeof(bool) && type != typeof(char) && type != typeof(IntPtr) && type != typeof(UIntPtr) || type == typeof(decimal);
}
