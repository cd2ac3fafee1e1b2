using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace AdoTypedSdk;

/// <summary>The JSON conventions every generated client uses: ADO's wire names and its <c>{count, value}</c> list envelope.</summary>
public static class AdoJson
{
    private static readonly IContractResolver Resolver = new Serialization.AdoContractResolver(
    [
        new Serialization.ListEnvelopeConverter(),
        new Serialization.DictionaryEnvelopeConverter(),
        // A model's object form is written without the string-form converter, which would otherwise choose itself again.
        new Serialization.StringFormConverter(new Serialization.AdoContractResolver([])),
        new Serialization.JTokenConverter(),
        // ADO's enums travel as names, also where the generator sets no converter (dictionary values).
        new Newtonsoft.Json.Converters.StringEnumConverter(),
    ]);

    /// <summary>A serializer with the conventions: the generated calls read their answers with it, and so do followed links and tests.</summary>
    internal static JsonSerializer Serializer { get; } = JsonSerializer.Create(Configured(new JsonSerializerSettings()));

    /// <summary>
    /// Reads the JSON body of <paramref name="response"/>, which the pipeline buffered, into <typeparamref name="T"/>, with ADO's
    /// conventions. A body that is not the JSON of a <typeparamref name="T"/>, or no body at all, is an <see cref="AdoApiException"/> that
    /// names the operation, the status, the content type and what was expected.
    /// </summary>
    internal static T Read<T>(Azure.Response response, AdoOperation? operation)
    {
        var stream = response.ContentStream ?? Stream.Null;
        var start = stream.CanSeek ? stream.Position : 0;
        try
        {
            T? value;
            using (var reader = new JsonTextReader(new StreamReader(stream, leaveOpen: true)) { ArrayPool = Serialization.JsonCharPool.Instance })
                value = Serialization.ValueEnvelope.MayWrap(typeof(T), stream, start, Resolver)
                    ? Serialization.ValueEnvelope.Unwrap(Serializer.Deserialize<Newtonsoft.Json.Linq.JToken>(reader)!).ToObject<T>(Serializer)
                    : Serializer.Deserialize<T>(reader);
            if (value is null)
                throw NotTheAnswerExpected<T>(response, operation, null);
            return value;
        }
        catch (JsonException e)
        {
            throw NotTheAnswerExpected<T>(response, operation, e);
        }
        finally
        {
            // GetRawResponse().Content has the body from its start.
            if (stream.CanSeek)
                stream.Position = start;
        }
    }

    /// <summary>A request body, written with ADO's conventions.</summary>
    internal static ReadOnlyMemory<byte> Write<T>(T value)
    {
        var buffer = new MemoryStream();
        using (var writer = new JsonTextWriter(new StreamWriter(buffer, leaveOpen: true)) { ArrayPool = Serialization.JsonCharPool.Instance })
            Serializer.Serialize(writer, value);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    /// <summary>
    /// A success without the value the operation declares: no body (an operation that can also answer <c>text/plain</c> or a zip, asked
    /// for one of those), or one that is not its JSON.
    /// </summary>
    private static AdoApiException NotTheAnswerExpected<T>(Azure.Response response, AdoOperation? operation, JsonException? error)
    {
        var contentType = ResponseHeaderValues.Get(response, "Content-Type") ?? "no content type";
        var body = response.Content?.ToString() ?? "";
        var what = body.Length == 0 ? "no body" : error is null ? "a JSON null" : $"a body that is not its JSON ({error.Message})";
        // Azure.Core leaves the content of a success out of the message; this one is the point.
        var excerpt = AdoApiException.Excerpt(body) is { } quoted ? " Body: " + quoted : "";
        return new AdoApiException(response, operation, $"the answer ({contentType}) has {what}, where the operation returns a {Describe(typeof(T))} as JSON.{excerpt}", error);
    }

    private static string Describe(Type type) =>
        type.IsGenericType && type.GetGenericArguments() is [var item] && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? $"list of {item.Name}" : type.Name;

    private static JsonSerializerSettings Configured(JsonSerializerSettings settings)
    {
        Configure(settings);
        return settings;
    }

    /// <summary>Applies the conventions to <paramref name="settings"/>, for code that reads or writes ADO's JSON itself.</summary>
    public static void Configure(JsonSerializerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // The resolver carries the SDK's converters (envelopes, string forms, any-JSON values, enum names) on the contracts they apply to.
        settings.ContractResolver = Resolver;
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
}
