using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.Serialization;

namespace AdoTypedSdk.GeneratedCode;

/// <summary>Values as ADO reads them in a path, a query or a header: enums by their wire names, booleans in lower case, instants round-trip.</summary>
internal static class WireText
{
    private static readonly ConcurrentDictionary<Type, EnumNames> Enums = new();

    public static string? Of(bool? value) => value is { } known ? known ? "true" : "false" : null;

    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => Names(typeof(TEnum)).Of(value);

    public static string? Of(object? value) => value switch
    {
        null => null,
        string text => text,
        bool flag => Of(flag),
        Enum member => Names(member.GetType()).Of(member),
        DateTimeOffset instant => instant.ToString("o", CultureInfo.InvariantCulture),
        DateTime instant => instant.ToString("o", CultureInfo.InvariantCulture),
        Guid id => id.ToString("D"),
        Newtonsoft.Json.Linq.JValue { Value: var inner } => Of(inner),
        Newtonsoft.Json.Linq.JToken json => json.ToString(Newtonsoft.Json.Formatting.None),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static EnumNames Names(Type type) => Enums.GetOrAdd(type, static t => new EnumNames(t));

    /// <summary>An enum's wire names (<c>[EnumMember]</c>, else the member's name); a combination of flags is its members' names, comma-separated.</summary>
    private sealed class EnumNames(Type type)
    {
        private readonly Dictionary<ulong, string> _names = type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .GroupBy(f => Convert.ToUInt64(f.GetRawConstantValue(), CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.First().GetCustomAttribute<EnumMemberAttribute>()?.Value ?? g.First().Name);

        private readonly bool _flags = type.IsDefined(typeof(FlagsAttribute), false);

        public string Of(Enum value)
        {
            var bits = Convert.ToUInt64(value, CultureInfo.InvariantCulture);
            if (_names.TryGetValue(bits, out var name))
                return name;
            if (_flags && _names.Where(n => n.Key != 0 && (bits & n.Key) == n.Key).Select(n => n.Value).ToList() is { Count: > 0 } members)
                return string.Join(',', members);
            return bits.ToString(CultureInfo.InvariantCulture);
        }
    }
}
