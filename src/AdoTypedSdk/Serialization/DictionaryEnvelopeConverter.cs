using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Serialization;

/// <summary>
/// ADO wraps dictionary answers in the same <c>{"count": n, "value": {...}}</c> envelope as lists. A response body (the top of the
/// document) declared as a dictionary accepts that envelope: exactly those two properties, with <c>count</c> equal to the number of
/// entries. Dictionaries inside a body (a work item's fields) are read as they are.
/// </summary>
internal sealed class DictionaryEnvelopeConverter : JsonConverter
{
    public override bool CanWrite => false;

    public override bool CanConvert(Type objectType) =>
        objectType.IsGenericType && objectType.GetGenericTypeDefinition() == typeof(IDictionary<,>) && objectType.GetGenericArguments()[0] == typeof(string);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        var dictionaryType = typeof(Dictionary<,>).MakeGenericType(objectType.GetGenericArguments());
        if (reader.TokenType != JsonToken.StartObject || reader.Depth > 0)
            return serializer.Deserialize(reader, dictionaryType);
        var body = JObject.Load(reader);
        var entries = body is { Count: 2 } && body["count"] is { Type: JTokenType.Integer } count && body["value"] is JObject value && (int)count == value.Count
            ? value
            : body;
        return entries.ToObject(dictionaryType, serializer);
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) => throw new NotSupportedException();
}
