using System.Collections;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace AdoTypedSdk.Serialization;

/// <summary>
/// ADO's <c>{"count": n, "value": …}</c> envelope around an answer that is one value (a model, a string, a number): the body is the
/// envelope's value. Lists and dictionaries have their own converters. Read only at the top of a body, only when the body starts with
/// <c>count</c> (so other answers are not buffered twice), and only when the expected model declares neither property (a
/// <c>PropertiesCollection</c> has a <c>count</c> of its own). An envelope holding a list of one item holds that item, as ADO sends a
/// single item it looked up by path.
/// </summary>
internal static class ValueEnvelope
{
    /// <summary>Whether <paramref name="stream"/>, from <paramref name="start"/>, opens with a <c>count</c> property; the position is restored.</summary>
    public static bool MayWrap(Type type, Stream stream, long start, IContractResolver resolver)
    {
        if (!stream.CanSeek || CannotBeWrapped(type, resolver))
            return false;
        // The first bytes only, without a reader: this runs for every answer that is one value.
        Span<byte> head = stackalloc byte[64];
        var length = stream.Read(head);
        stream.Position = start;
        var text = head[..length];
        if (text.StartsWith("\uFEFF"u8))
            text = text[3..];
        text = text.TrimStart(" \t\r\n"u8);
        if (text.IsEmpty || text[0] != (byte)'{')
            return false;
        return text[1..].TrimStart(" \t\r\n"u8).StartsWith("\"count\""u8);
    }

    /// <summary>The envelope's value when <paramref name="body"/> is exactly an envelope; otherwise the body itself.</summary>
    public static JToken Unwrap(JToken body) =>
        body is JObject envelope && IsEnvelope(envelope, out _, out var value)
            ? value is JArray { Count: 1 } single ? single[0] : value
            : body;

    /// <summary>Whether <paramref name="body"/> is exactly ADO's envelope: an integer <c>count</c> and a <c>value</c>, nothing else.</summary>
    public static bool IsEnvelope(JObject body, out long count, out JToken value)
    {
        count = body is { Count: 2 } && body["count"] is { Type: JTokenType.Integer } number ? (long)number : -1;
        value = body["value"]!;
        return count >= 0 && value is not null;
    }

    /// <summary>
    /// A list or dictionary (their converters read envelopes), or a model that declares <c>count</c> or <c>value</c> itself. Asked for every
    /// answer; the answer for a type never changes.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, bool> Unwrappable = new();

    private static bool CannotBeWrapped(Type type, IContractResolver resolver) =>
        Unwrappable.GetOrAdd(type, static (type, resolver) =>
            typeof(IEnumerable).IsAssignableFrom(type) && type != typeof(string)
            || resolver.ResolveContract(Nullable.GetUnderlyingType(type) ?? type) is JsonObjectContract contract
            && contract.Properties.Any(p => p.PropertyName is "count" or "value"), resolver);
}
