using System;
using System.Collections.Generic;
using System.Globalization;
using AdoTypedSdk.Common;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.WorkItemTracking;

/// <summary>
/// A work item field: its reference name (<c>System.Title</c>) and the .NET type its value reads as. The fields ADO defines are in
/// <see cref="WorkItemFields"/>; a field of your process is <c>new WorkItemField&lt;string&gt;("Custom.Team")</c>. Read a value with
/// <c>workItem.GetField(field)</c> and write one with <see cref="WorkItemPatch.Set{T}(WorkItemField{T}, T)"/>.
/// </summary>
/// <typeparam name="T">
/// <c>string</c>; <c>int?</c>, <c>double?</c>, <c>bool?</c>; <c>DateTimeOffset?</c> for dates; <see cref="IdentityRef"/> for identities
/// (ADO answers an object, or <c>"Display Name &lt;unique name&gt;"</c> in older answers: both read); <c>IReadOnlyList&lt;string&gt;</c>
/// for <c>System.Tags</c>, whose wire form is one string of names separated by <c>"; "</c>.
/// </typeparam>
public sealed class WorkItemField<T>
{
    /// <summary>A field by its reference name.</summary>
    /// <exception cref="ArgumentException"><paramref name="referenceName"/> is empty, or holds a character a JSON-Patch path cannot carry.</exception>
    public WorkItemField(string referenceName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(referenceName);
        // The name becomes a JSON-Patch path segment (/fields/{name}): '/' or '~' would address another field, a line break corrupt the path.
        if (referenceName.IndexOfAny(['/', '~', '\r', '\n']) >= 0)
            throw new ArgumentException($"'{referenceName}' is not a field reference name: a name such as 'System.Title' has no '/', '~' or line break.", nameof(referenceName));
        ReferenceName = referenceName;
    }

    /// <summary>The field's reference name, as ADO's <c>fields</c> dictionary and JSON-Patch paths name it: <c>System.Title</c>.</summary>
    public string ReferenceName { get; }

    /// <summary>The reference name, so that a field can be passed where ADO takes field names (<c>fields:</c> of <c>GetWorkItemsAsync</c>).</summary>
    public static implicit operator string(WorkItemField<T> field) => field.ReferenceName;

    /// <inheritdoc/>
    public override string ToString() => ReferenceName;

    /// <summary>The value of the field in a work item's <c>fields</c>; the default (null) when the item has no value.</summary>
    /// <exception cref="InvalidOperationException">The value does not read as <typeparamref name="T"/>.</exception>
    internal T? Read(JToken? token)
    {
        if (token is null || token.Type is JTokenType.Null or JTokenType.Undefined)
            return default;
        try
        {
            return Convert(token);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or ArgumentException or Newtonsoft.Json.JsonException)
        {
            throw new InvalidOperationException($"The work item's {ReferenceName} is {token.ToString(Newtonsoft.Json.Formatting.None)}, which does not read as {typeof(T).Name}: declare the field with the type ADO answers.", e);
        }
    }

    private static T? Convert(JToken token)
    {
        object? value = typeof(T) switch
        {
            var t when t == typeof(string) => token.Type is JTokenType.String ? (string?)token : token.ToString(Newtonsoft.Json.Formatting.None),
            var t when t == typeof(IdentityRef) => ReadIdentity(token),
            var t when t == typeof(IReadOnlyList<string>) => SplitTags((string?)token),
            var t when t == typeof(DateTimeOffset?) => token.Type is JTokenType.Date
                ? token.ToObject<DateTimeOffset>()
                : DateTimeOffset.Parse((string)token!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            _ => token.ToObject<T>(),
        };
        return (T?)value;
    }

    /// <summary>The wire form of a value: an identity as its unique name, tags as one string, anything else as JSON.</summary>
    internal JToken Write(T? value) => value switch
    {
        null => JValue.CreateNull(),
        IdentityRef identity => new JValue(identity.UniqueName ?? identity.Descriptor ?? identity.DisplayName
            ?? throw new ArgumentException($"The identity for {ReferenceName} has no unique name, descriptor or display name to send.", nameof(value))),
        IEnumerable<string> tags when typeof(T) == typeof(IReadOnlyList<string>) => new JValue(JoinTags(tags)),
        DateTimeOffset date => new JValue(date.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture)),
        _ => JToken.FromObject(value),
    };

    private static IdentityRef ReadIdentity(JToken token)
    {
        if (token.Type is JTokenType.Object)
            return token.ToObject<IdentityRef>()!;
        // Older answers: "Display Name <unique name>".
        var text = (string)token!;
        var open = text.LastIndexOf('<');
        return open > 0 && text.EndsWith('>')
            ? new IdentityRef { DisplayName = text[..open].Trim(), UniqueName = text[(open + 1)..^1] }
            : new IdentityRef { DisplayName = text, UniqueName = text };
    }

    /// <summary>ADO's tag list: names separated by ';', each trimmed; empty names dropped.</summary>
    internal static IReadOnlyList<string> SplitTags(string? text) =>
        (text ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    internal static string JoinTags(IEnumerable<string> tags) => string.Join("; ", tags);
}
