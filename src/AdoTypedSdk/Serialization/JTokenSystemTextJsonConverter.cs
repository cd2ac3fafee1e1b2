using System.Text.Json;
using System.Text.Json.Serialization;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Serialization;

/// <summary>
/// Writes and reads Json.NET's <see cref="JToken"/> (the SDK's type for "any JSON") as the JSON it holds. Models need no setup, since
/// each carries its own converter; an operation that returns any JSON itself returns a <see cref="JToken"/>, which System.Text.Json
/// would otherwise write as nested empty arrays. <see cref="AdoJson.Configure(JsonSerializerOptions)"/> adds it.
/// </summary>
public sealed class JTokenSystemTextJsonConverter : JsonConverterFactory
{
    /// <inheritdoc/>
    public override bool CanConvert(Type typeToConvert) => typeof(JToken).IsAssignableFrom(typeToConvert);

    /// <inheritdoc/>
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(TokenConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class TokenConverter<T> : JsonConverter<T> where T : JToken
    {
        public override bool HandleNull => true;

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var text = SystemTextJsonText.ReadValue(ref reader);
            return JToken.ReadFrom(text) as T ?? throw new JsonException($"Expected JSON that makes a {typeToConvert.Name}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value is null ? "null" : value.ToString(Newtonsoft.Json.Formatting.None), skipInputValidation: true);
    }
}
