using Newtonsoft.Json;

namespace AdoTypedSdk.Serialization;

/// <summary>
/// ADO answers most list operations with <c>{"count": n, "value": [...]}</c> although the documents declare a bare array; list
/// responses (<see cref="IReadOnlyList{T}"/>, the generated methods' list return type) accept that envelope, its <c>values</c>
/// spelling, an envelope inside an envelope, and a single item where a list is declared, which becomes a list of one.
/// </summary>
internal sealed class ListEnvelopeConverter : JsonConverter
{
    public override bool CanWrite => false;

    public override bool CanConvert(Type objectType) =>
        objectType.IsGenericType && objectType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>);

    // The list to read an IReadOnlyList<T> into, made once per declared type rather than for every list read.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Type> ListTypes = new();

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        var listType = ListTypes.GetOrAdd(objectType, static type => typeof(List<>).MakeGenericType(type.GetGenericArguments()[0]));
        switch (reader.TokenType)
        {
            case JsonToken.Null:
                return null;
            case JsonToken.StartArray:
                return serializer.Deserialize(reader, listType);
            case JsonToken.StartObject:
                object? list = null;
                var rest = new Newtonsoft.Json.Linq.JObject();
                while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
                {
                    var name = (string)reader.Value!;
                    reader.Read();
                    if (list is null && IsItems(name) && reader.TokenType is JsonToken.StartArray or JsonToken.StartObject)
                        list = ReadJson(reader, objectType, null, serializer);
                    else
                        rest[name] = Newtonsoft.Json.Linq.JToken.ReadFrom(reader);
                }
                if (list is not null || rest.Count == 1 && rest["count"] is not null)
                    return list ?? Activator.CreateInstance(listType);
                var single = (System.Collections.IList)Activator.CreateInstance(listType)!;
                single.Add(rest.ToObject(listType.GetGenericArguments()[0], serializer));
                return single;
            default:
                throw new JsonSerializationException($"Expected a JSON array or an object at '{reader.Path}', found {reader.TokenType}.");
        }
    }

    private static bool IsItems(string name) =>
        name.Equals("value", StringComparison.OrdinalIgnoreCase) || name.Equals("values", StringComparison.OrdinalIgnoreCase);

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) => throw new NotSupportedException();
}
