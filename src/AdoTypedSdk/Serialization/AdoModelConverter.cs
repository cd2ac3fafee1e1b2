using Newtonsoft.Json;

namespace AdoTypedSdk.GeneratedCode;

/// <summary>
/// For generated code (the generator puts it on models); not part of the supported API, and may change in any release.
/// Lets plain Json.NET (<c>JsonConvert.SerializeObject</c>, a cache, a queue message) read and write a generated model as ADO's JSON:
/// the generator puts this converter on every model, and it hands the model to the SDK's serializer, which ignores it.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class AdoModelConverter : JsonConverter
{
    /// <inheritdoc/>
    public override bool CanConvert(Type objectType) => true;

    /// <inheritdoc/>
    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
        AdoJson.Serializer.Deserialize(reader, objectType);

    /// <inheritdoc/>
    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
        AdoJson.Serializer.Serialize(writer, value);
}
