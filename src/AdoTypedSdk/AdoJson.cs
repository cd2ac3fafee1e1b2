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
            using var reader = new JsonTextReader(new StreamReader(stream, leaveOpen: true)) { ArrayPool = Serialization.JsonCharPool.Instance };
            var value = Serialization.ValueEnvelope.MayWrap(typeof(T), stream, start, Resolver)
                ? Serialization.ValueEnvelope.Unwrap(Serializer.Deserialize<Newtonsoft.Json.Linq.JToken>(reader)!).ToObject<T>(Serializer)
                : Serializer.Deserialize<T>(reader);
            // 204 No Content is the one success that may come without the value (the result is then nullable).
            if (value is null && response.StatusCode != System.Net.HttpStatusCode.NoContent)
                throw NotTheAnswerExpected<T>(response, headers, await TextAsync(stream, start, cancellationToken).ConfigureAwait(false), null);
            return (value!, "");
        }
        catch (JsonException e)
        {
            throw NotTheAnswerExpected<T>(response, headers, await TextAsync(stream, start, cancellationToken).ConfigureAwait(false), e);
        }
    }

    /// <summary>
    /// A success without the value the operation declares: no body (an operation that can also answer <c>text/plain</c> or a zip, asked
    /// for one of those), or one that is not its JSON. The message names the operation, the status, the content type and what was expected.
    /// </summary>
    private static AdoApiException NotTheAnswerExpected<T>(HttpResponseMessage response, IReadOnlyDictionary<string, IEnumerable<string>> headers, string text, JsonException? error)
    {
        var operation = response.RequestMessage?.Options.TryGetValue(AdoOperation.RequestOption, out var known) == true ? known.DisplayName + ": " : "";
        var contentType = response.Content.Headers.ContentType?.MediaType ?? "no content type";
        var what = text.Length == 0 ? "no body" : error is null ? "a JSON null" : $"a body that is not its JSON ({error.Message})";
        return new AdoApiException(
            $"{operation}the answer ({contentType}) has {what}, where the operation declares a {Describe(typeof(T))} as JSON.", (int)response.StatusCode, text, headers, error);
    }

    private static string Describe(Type type) =>
        type.IsGenericType && type.GetGenericArguments() is [var item] && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? $"list of {item.Name}" : type.Name;

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
