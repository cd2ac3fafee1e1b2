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

    // The concrete dictionary type, made once per declared type rather than for every dictionary read.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Type?> Concrete = new();

    public override bool CanConvert(Type objectType) => ConcreteType(objectType) is not null;

    /// <summary>The dictionary to read an <c>IDictionary&lt;string, T&gt;</c> into; null for any other type.</summary>
    private static Type? ConcreteType(Type objectType) => Concrete.GetOrAdd(objectType, static type =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IDictionary<,>) && type.GetGenericArguments()[0] == typeof(string)
            ? typeof(Dictionary<,>).MakeGenericType(type.GetGenericArguments())
            : null);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        var dictionaryType = ConcreteType(objectType)!;
        if (reader.TokenType != JsonToken.StartObject || reader.Depth > 0)
            return serializer.Deserialize(reader, dictionaryType);
        var body = JObject.Load(reader);
        var entries = ValueEnvelope.IsEnvelope(body, out var count, out var value) && value is JObject map && count == map.Count
            ? map
            : body;
        return entries.ToObject(dictionaryType, serializer);
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) => throw new NotSupportedException();
}
