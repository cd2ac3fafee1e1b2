using System.Reflection;
using AdoTypedSdk.GeneratedCode;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace AdoTypedSdk.Serialization;

/// <summary>
/// Generated models as ADO sends them: properties whose C# name had to differ from ADO's JSON name (<c>_links</c>) use the name their
/// <see cref="WireNameAttribute"/> gives, and
/// a value that does not fit its documented type (an enum value the document does not list or an empty one, a non-GUID in a GUID field,
/// an object where the document says string, text where it says a number, a number where it says base64 bytes) leaves the property
/// null and is kept in the model's <c>AdditionalProperties</c> under its JSON name, so it
/// is neither an error nor lost, and is sent back as it came.
/// </summary>
/// <param name="converters">
/// The SDK's converters, in order of preference. Each contract gets the first that applies to its type, as Json.NET would pick it from a
/// serializer's converters, but once per type instead of for every value read.
/// </param>
internal sealed class AdoContractResolver(IReadOnlyList<JsonConverter> converters) : DefaultContractResolver
{
    /// <summary>The SDK's own serializer is where <see cref="AdoModelConverter"/> leads, so here a model is read as itself.</summary>
    protected override JsonContract CreateContract(Type objectType)
    {
        var contract = base.CreateContract(objectType);
        if (contract.Converter is AdoModelConverter)
            contract.Converter = null;
        contract.Converter ??= converters.FirstOrDefault(c => c.CanConvert(contract.UnderlyingType));
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
        if (member.GetCustomAttribute<WireNameAttribute>() is { } wireName)
            property.PropertyName = wireName.Name;
        if (property.PropertyType is { } propertyType && IsStrictlyTyped(Nullable.GetUnderlyingType(propertyType) ?? propertyType) && property.ValueProvider is { } values)
        {
            property.Converter = new TolerantConverter(property.PropertyName!, property.Converter, propertyType);
            // A parked value reads as null; with nulls ignored on reading, Json.NET would try to read the value again as extension data.
            // Nulls are still left out when writing.
            property.NullValueHandling = NullValueHandling.Include;
            property.ShouldSerialize = model => values.GetValue(model) is not null;
        }
        return property;
    }

    /// <summary>Scalars, whose value can be of another kind than documented; lists, maps, models and any-JSON values read any shape.</summary>
    private static bool IsStrictlyTyped(Type type) =>
        type.IsEnum || type == typeof(string) || type == typeof(Guid) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan)
        || type == typeof(bool) || TolerantConverter.IsNumber(type) || type == typeof(byte[]);
}
