using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Tests.Contracts;

/// <summary>Converts a recorded value (JSON, or text from a URL) to the type of the generated method's parameter.</summary>
internal static class ExampleValues
{
    public static JsonSerializer Serializer => AdoJson.Serializer;

    public static object? Convert(JToken? value, Type type)
    {
        if (value is null || value.Type == JTokenType.Null)
            return null;
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(Stream))
            return new MemoryStream(value.Type == JTokenType.String ? Encoding.UTF8.GetBytes((string)value!) : Encoding.UTF8.GetBytes(value.ToString(Formatting.None)));
        if (target.IsEnum)
            return ParseEnum(Text(value), target);
        if (target == typeof(string))
            return value.Type is JTokenType.Object or JTokenType.Array ? value.ToString(Formatting.None) : Text(value);
        if (target == typeof(DateTimeOffset))
            return DateTimeOffset.Parse(Text(value), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        if (target == typeof(Guid))
            return Guid.Parse(Text(value));
        if (target.IsPrimitive || target == typeof(decimal))
            return System.Convert.ChangeType(value.Type == JTokenType.String && target == typeof(bool) ? bool.Parse((string)value!) : ((JValue)value).Value ?? Text(value), target, CultureInfo.InvariantCulture);
        if (target.IsGenericType && target.GetGenericTypeDefinition() == typeof(IEnumerable<>))
        {
            var itemType = target.GetGenericArguments()[0];
            var items = value is JArray array ? array.ToList() : Text(value).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s => (JToken)s).ToList();
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
            foreach (var item in items)
                list.Add(Convert(item, itemType));
            return list;
        }
        return AsRecordedJson(value).ToObject(target, Serializer);
    }

    /// <summary>Some recordings hold a JSON body as JSON text (<c>"{\"id\":\"a589…\"}"</c>): the value is that JSON.</summary>
    public static JToken AsRecordedJson(JToken value)
    {
        if (value.Type != JTokenType.String || ((string)value!).TrimStart() is not ['{' or '[', ..] text)
            return value;
        try
        {
            return JToken.Parse(text);
        }
        catch (JsonReaderException)
        {
            return value;
        }
    }

    private static string Text(JToken value) => value.Type == JTokenType.String ? (string)value! : value.ToString(Formatting.None);

    private static object ParseEnum(string text, Type enumType)
    {
        if (enumType.IsDefined(typeof(FlagsAttribute), false) && text.Contains(','))
            return Enum.ToObject(enumType, text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Aggregate(0L, (bits, name) => bits | System.Convert.ToInt64(ParseEnum(name, enumType), CultureInfo.InvariantCulture)));
        foreach (var field in enumType.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var wire = field.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? field.Name;
            if (wire.Equals(text, StringComparison.OrdinalIgnoreCase) || field.Name.Equals(text, StringComparison.OrdinalIgnoreCase))
                return field.GetValue(null)!;
        }
        throw new InvalidOperationException($"'{text}' is not a value of {enumType.Name} ({string.Join(", ", enumType.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? f.Name))}).");
    }
}
