using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Serialization;

/// <summary>
/// Reads "any JSON" values (a work item's fields, <c>_links</c>) straight from the reader. Json.NET's own path builds each one through a
/// new <see cref="JTokenWriter"/>, which a work item pays for every field; the values read are the same.
/// </summary>
internal sealed class JTokenConverter : JsonConverter
{
    // Line numbers on every token cost an annotation each; Json.NET's own path does not keep them either.
    private static readonly JsonLoadSettings WithoutLineInfo = new() { LineInfoHandling = LineInfoHandling.Ignore };

    public override bool CanWrite => false;

    public override bool CanConvert(Type objectType) => typeof(JToken).IsAssignableFrom(objectType);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        // Json.NET reads a JSON null as a null token where a token fits, and as nothing where an object or array was expected.
        if (reader.TokenType == JsonToken.Null && !objectType.IsAssignableFrom(typeof(JValue)))
            return null;
        var token = JToken.ReadFrom(reader, WithoutLineInfo);
        return objectType.IsInstanceOfType(token)
            ? token
            : throw new JsonSerializationException($"Expected a JSON {objectType.Name[1..].ToLowerInvariant()} at '{reader.Path}', found {token.Type}.");
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) => throw new NotSupportedException();
}
