using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdoTypedSdk.GeneratedCode;

/// <summary>
/// For generated code (the generator puts it on models); not part of the supported API, and may change in any release.
/// Lets System.Text.Json (ASP.NET Core, Azure Functions) read and write a generated model as ADO's JSON, whatever its options: the
/// generator puts this converter on every model, and the SDK's serializer reads and writes the JSON, so <c>_links</c>, fields, unknown
/// properties, enum names and dates come out as ADO sent them.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class AdoModelSystemTextJsonConverter : JsonConverterFactory
{
    /// <inheritdoc/>
    public override bool CanConvert(Type typeToConvert) => true;

    /// <inheritdoc/>
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ModelConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class ModelConverter<T> : JsonConverter<T>
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var text = Serialization.SystemTextJsonText.ReadValue(ref reader);
            return (T?)AdoJson.Serializer.Deserialize(text, typeToConvert);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            AdoJson.Serializer.Serialize(text, value);
            writer.WriteRawValue(text.ToString(), skipInputValidation: true);
        }
    }
}
