using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using AdoTypedSdk.GeneratedCode;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace AdoTypedSdk.Serialization;

/// <summary>
/// Reads a model marked <see cref="StringFormAttribute"/> from its object form or its string form, and writes a model that arrived as a
/// string back as that string.
/// </summary>
/// <param name="resolver">Reads and writes the object form; it must not carry this converter.</param>
internal sealed class StringFormConverter(IContractResolver resolver) : JsonConverter
{
    private static readonly ConditionalWeakTable<object, string> ArrivedAsString = new();
    private static readonly ConcurrentDictionary<Type, StringFormAttribute?> Forms = new();
    private readonly Lazy<JsonSerializer> _objectForm = new(() => JsonSerializer.Create(new JsonSerializerSettings
    {
        ContractResolver = resolver,
        NullValueHandling = NullValueHandling.Ignore,
        MetadataPropertyHandling = MetadataPropertyHandling.Ignore,
    }));

    public override bool CanConvert(Type objectType) => Form(objectType) is not null;

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null)
            return null;
        var model = Activator.CreateInstance(objectType)!;
        if (reader.TokenType != JsonToken.String)
        {
            serializer.Populate(reader, model);
            return model;
        }
        var text = (string)reader.Value!;
        var form = Form(objectType)!;
        var at = form.Separator.Length == 0 ? -1 : text.IndexOf(form.Separator, StringComparison.Ordinal);
        if (at >= 0)
        {
            Set(model, form.First, text[..at]);
            Set(model, form.Second, text[(at + form.Separator.Length)..]);
        }
        else
            Set(model, form.Alone, text);
        ArrivedAsString.AddOrUpdate(model, text);
        return model;
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is not null && ArrivedAsString.TryGetValue(value, out var text))
            writer.WriteValue(text);
        else
            _objectForm.Value.Serialize(writer, value);
    }

    private static StringFormAttribute? Form(Type type) => Forms.GetOrAdd(type, static t => t.GetCustomAttribute<StringFormAttribute>(inherit: false));

    private void Set(object model, string jsonName, string value)
    {
        var contract = (JsonObjectContract)resolver.ResolveContract(model.GetType());
        var property = contract.Properties.GetProperty(jsonName, StringComparison.Ordinal)
            ?? throw new JsonSerializationException($"{model.GetType().Name} has no property '{jsonName}' for its string form.");
        property.ValueProvider!.SetValue(model, value);
    }
}
