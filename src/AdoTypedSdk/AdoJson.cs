using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace AdoTypedSdk;

/// <summary>The JSON conventions every generated client uses: ADO's wire names and its <c>{count, value}</c> list envelope.</summary>
public static class AdoJson
{
    private static readonly IContractResolver Resolver = new AdoContractResolver();
    private static readonly JsonConverter Envelope = new ListEnvelopeConverter();
    private static readonly JsonConverter DictionaryEnvelope = new Serialization.DictionaryEnvelopeConverter();
    private static readonly JsonConverter StringForms = new Serialization.StringFormConverter(Resolver);
    private static readonly JsonConverter Tokens = new Serialization.JTokenConverter();

    /// <summary>A serializer with the conventions: the generated methods read their answers with it, and so do followed links and tests.</summary>
    internal static JsonSerializer Serializer { get; } = JsonSerializer.Create(Configured(new JsonSerializerSettings()));

    /// <summary>
    /// Reads a JSON answer into <typeparamref name="T"/>; called by the generated methods. The body is read as a stream, not as a string
    /// first; its text is read only to quote it when it is not the JSON expected, or is <c>null</c>.
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static async Task<(T Value, string Text)> ReadAsync<T>(HttpResponseMessage response, IReadOnlyDictionary<string, IEnumerable<string>> headers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Content is null)
            return (default!, "");
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        // The pipeline has buffered JSON answers already (a seekable stream, read in place); a caller's HttpClient may not have, and the
        // text must stay readable for the error.
        if (!stream.CanSeek)
        {
            var buffered = new MemoryStream();
            await stream.CopyToAsync(buffered, cancellationToken).ConfigureAwait(false);
            buffered.Position = 0;
            stream = buffered;
        }
        var start = stream.CanSeek ? stream.Position : 0;
        try
        {
            using var reader = new JsonTextReader(new StreamReader(stream, leaveOpen: true));
            var value = Serialization.ValueEnvelope.MayWrap(typeof(T), stream, start, Resolver)
                ? Serialization.ValueEnvelope.Unwrap(Serializer.Deserialize<Newtonsoft.Json.Linq.JToken>(reader)!).ToObject<T>(Serializer)
                : Serializer.Deserialize<T>(reader);
            return (value!, value is null ? await TextAsync(stream, start, cancellationToken).ConfigureAwait(false) : "");
        }
        catch (JsonException e)
        {
            var text = await TextAsync(stream, start, cancellationToken).ConfigureAwait(false);
            throw new AdoApiException($"The answer is not the JSON of a {typeof(T).Name}: {e.Message}", (int)response.StatusCode, text, headers, e);
        }
    }

    private static async Task<string> TextAsync(Stream stream, long start, CancellationToken cancellationToken)
    {
        if (!stream.CanSeek)
            return "";
        stream.Position = start;
        using var reader = new StreamReader(stream, leaveOpen: true);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    private static JsonSerializerSettings Configured(JsonSerializerSettings settings)
    {
        Configure(settings);
        return settings;
    }

    /// <summary>Applies the conventions to <paramref name="settings"/>; the generated clients call this once per client type.</summary>
    public static void Configure(JsonSerializerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.ContractResolver = Resolver;
        settings.Converters.Add(Envelope);
        settings.Converters.Add(DictionaryEnvelope);
        settings.Converters.Add(StringForms);
        settings.Converters.Add(Tokens);
        // ADO's enums travel as names, also where the generator sets no converter (dictionary values).
        settings.Converters.Add(new Newtonsoft.Json.Converters.StringEnumConverter());
        // Strings stay strings inside untyped values (fields, JObjects), so nothing ADO sends is reformatted.
        settings.DateParseHandling = DateParseHandling.None;
        settings.NullValueHandling = NullValueHandling.Ignore;
        // "$id", "$type" and "$ref" are ordinary data in ADO's bodies (property bags, wrapped exceptions), not serializer metadata.
        settings.MetadataPropertyHandling = MetadataPropertyHandling.Ignore;
    }

    /// <summary>
    /// Prepares System.Text.Json options (an ASP.NET Core or Functions app's) for values the SDK returns: models need nothing, since each
    /// carries its own converter; "any JSON" values (<see cref="Newtonsoft.Json.Linq.JToken"/>) need this to be written as the JSON they hold.
    /// </summary>
    /// <param name="options">The options to add the converter to, before they are first used.</param>
    public static void Configure(System.Text.Json.JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Converters.OfType<Serialization.JTokenSystemTextJsonConverter>().Any())
            options.Converters.Add(new Serialization.JTokenSystemTextJsonConverter());
    }

    /// <summary>
    /// Generated models as ADO sends them: properties whose C# name had to differ from ADO's JSON name (<c>_links</c>) use the name their
    /// <see cref="Serialization.WireNameAttribute"/> gives, and
    /// a value that does not fit its documented type (an enum value the document does not list, a non-GUID in a GUID field, an object where
    /// the document says string) leaves the property null and is kept in the model's <c>AdditionalProperties</c> under its JSON name, so it
    /// is neither an error nor lost, and is sent back as it came.
    /// </summary>
    private sealed class AdoContractResolver : DefaultContractResolver
    {
        /// <summary>The SDK's own serializer is where <see cref="Serialization.AdoModelConverter"/> leads, so here a model is read as itself.</summary>
        protected override JsonContract CreateContract(Type objectType)
        {
            var contract = base.CreateContract(objectType);
            if (contract.Converter is Serialization.AdoModelConverter)
                contract.Converter = null;
            return contract;
        }

        protected override JsonObjectContract CreateObjectContract(Type objectType)
        {
            var contract = base.CreateObjectContract(objectType);
            if (contract.ExtensionDataSetter is { } keep)
            {
                contract.OnDeserializingCallbacks.Add((_, _) => MisfitValues.Open());
                contract.OnDeserializedCallbacks.Add((model, _) => MisfitValues.Close(model, keep));
            }
            return contract;
        }

        protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
        {
            var property = base.CreateProperty(member, memberSerialization);
            if (member.GetCustomAttribute<Serialization.WireNameAttribute>() is { } wireName)
                property.PropertyName = wireName.Name;
            if (property.PropertyType is { } propertyType && IsStrictlyTyped(Nullable.GetUnderlyingType(propertyType) ?? propertyType) && property.ValueProvider is { } values)
            {
                property.Converter = new TolerantConverter(property.PropertyName!, property.Converter);
                // A parked value reads as null; with nulls ignored on reading, Json.NET would try to read the value again as extension data.
                // Nulls are still left out when writing.
                property.NullValueHandling = NullValueHandling.Include;
                property.ShouldSerialize = model => values.GetValue(model) is not null;
            }
            return property;
        }

        private static bool IsStrictlyTyped(Type type) =>
            type.IsEnum || type == typeof(string) || type == typeof(Guid) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan);
    }

    /// <summary>Reads a scalar with its usual converter; a value that does not fit is parked for the enclosing model instead of failing.</summary>
    private sealed class TolerantConverter(string jsonName, JsonConverter? inner) : JsonConverter
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

    /// <summary>Per-thread stack of the models being read, each with the misfit values met inside it.</summary>
    private static class MisfitValues
    {
        [ThreadStatic] private static Stack<List<(string Name, Newtonsoft.Json.Linq.JToken Value)>?>? _frames;

        public static void Open() => (_frames ??= new()).Push(null);

        public static bool Park(string name, Newtonsoft.Json.Linq.JToken value)
        {
            if (_frames is not { Count: > 0 })
                return false;
            var frame = _frames.Pop() ?? [];
            frame.Add((name, value));
            _frames.Push(frame);
            return true;
        }

        public static void Close(object model, ExtensionDataSetter keep)
        {
            if (_frames is not { Count: > 0 } || _frames.Pop() is not { } parked)
                return;
            foreach (var (name, value) in parked)
                keep(model, name, value);
        }
    }

    /// <summary>
    /// ADO answers most list operations with <c>{"count": n, "value": [...]}</c> although the documents declare a bare array; list
    /// responses (<see cref="IReadOnlyList{T}"/>, the generated methods' list return type) accept that envelope, its <c>values</c>
    /// spelling, an envelope inside an envelope, and a single item where a list is declared, which becomes a list of one.
    /// </summary>
    private sealed class ListEnvelopeConverter : JsonConverter
    {
        public override bool CanWrite => false;

        public override bool CanConvert(Type objectType) =>
            objectType.IsGenericType && objectType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>);

        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
        {
            var itemType = objectType.GetGenericArguments()[0];
            var listType = typeof(List<>).MakeGenericType(itemType);
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
                    single.Add(rest.ToObject(itemType, serializer));
                    return single;
                default:
                    throw new JsonSerializationException($"Expected a JSON array or an object at '{reader.Path}', found {reader.TokenType}.");
            }
        }

        private static bool IsItems(string name) =>
            name.Equals("value", StringComparison.OrdinalIgnoreCase) || name.Equals("values", StringComparison.OrdinalIgnoreCase);

        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) => throw new NotSupportedException();
    }
}
