using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace AdoTypedSdk;

/// <summary>The JSON conventions every generated client uses: ADO's wire names and its <c>{count, value}</c> list envelope.</summary>
public static class AdoJson
{
    private static readonly IContractResolver Resolver = new WireNameContractResolver();
    private static readonly JsonConverter Envelope = new ListEnvelopeConverter();

    /// <summary>Applies the conventions to <paramref name="settings"/>; the generated clients call this once per client type.</summary>
    public static void Configure(JsonSerializerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.ContractResolver = Resolver;
        settings.Converters.Add(Envelope);
        // Strings stay strings inside untyped values (fields, JObjects), so nothing ADO sends is reformatted.
        settings.DateParseHandling = DateParseHandling.None;
        settings.NullValueHandling = NullValueHandling.Ignore;
        // "$id", "$type" and "$ref" are ordinary data in ADO's bodies (property bags, wrapped exceptions), not serializer metadata.
        settings.MetadataPropertyHandling = MetadataPropertyHandling.Ignore;
    }

    /// <summary>Properties whose C# name had to differ from ADO's JSON name (<c>_links</c>) are read and written under ADO's name.</summary>
    private sealed class WireNameContractResolver : DefaultContractResolver
    {
        protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
        {
            var property = base.CreateProperty(member, memberSerialization);
            if (property.DeclaringType?.FullName is { } type && property.PropertyName is { } name
                && AdoCatalog.WireNames.TryGetValue((type, name), out var wireName))
                property.PropertyName = wireName;
            return property;
        }
    }

    /// <summary>
    /// ADO answers most list operations with <c>{"count": n, "value": [...]}</c> although the documents declare a bare array; list
    /// responses (<see cref="IReadOnlyList{T}"/>, the generated methods' list return type) accept both.
    /// </summary>
    private sealed class ListEnvelopeConverter : JsonConverter
    {
        public override bool CanWrite => false;

        public override bool CanConvert(Type objectType) =>
            objectType.IsGenericType && objectType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>);

        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
        {
            var listType = typeof(List<>).MakeGenericType(objectType.GetGenericArguments()[0]);
            switch (reader.TokenType)
            {
                case JsonToken.Null:
                    return null;
                case JsonToken.StartArray:
                    return serializer.Deserialize(reader, listType);
                case JsonToken.StartObject:
                    object? list = null;
                    var depth = reader.Depth;
                    while (reader.Read() && !(reader.TokenType == JsonToken.EndObject && reader.Depth == depth))
                    {
                        if (reader.TokenType != JsonToken.PropertyName)
                            continue;
                        var isValue = string.Equals((string?)reader.Value, "value", StringComparison.OrdinalIgnoreCase);
                        reader.Read();
                        if (isValue)
                            list = serializer.Deserialize(reader, listType);
                        else
                            reader.Skip();
                    }
                    return list ?? throw new JsonSerializationException($"Expected a JSON array or an object with a 'value' array at '{reader.Path}'.");
                default:
                    throw new JsonSerializationException($"Expected a JSON array or an object with a 'value' array at '{reader.Path}', found {reader.TokenType}.");
            }
        }

        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) => throw new NotSupportedException();
    }
}
