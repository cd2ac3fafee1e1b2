using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Hooks;

/// <summary>
/// An event ADO's service hooks posted: the envelope of the <c>hooks</c> document's <c>Event</c>, with <see cref="Resource"/> typed for
/// the event types of <see cref="ServiceHookEventType.Known"/> (a <c>WorkItemUpdate</c> for <c>workitem.updated</c>, a
/// <c>GitPullRequest</c> for <c>git.pullrequest.created</c>).
/// </summary>
public sealed class ServiceHookEvent
{
    private ServiceHookEvent(JObject body) => Raw = body;

    /// <summary>The event's id: the same for every delivery of one event, so it identifies a retried delivery.</summary>
    public string Id { get; private init; } = "";

    /// <summary><c>workitem.updated</c>, <c>git.push</c>, <c>ms.vss-release.deployment-completed-event</c>…</summary>
    public string EventType { get; private init; } = "";

    /// <summary>The publisher (<c>tfs</c>, <c>rm</c>, <c>azure-devops</c>).</summary>
    public string? PublisherId { get; private init; }

    /// <summary>The subscription that delivered the event.</summary>
    public string? SubscriptionId { get; private init; }

    /// <summary>The notification's number within the subscription.</summary>
    public int? NotificationId { get; private init; }

    /// <summary>The resource version ADO sent (<see cref="ServiceHookEventType.ResourceVersion"/> is the documented one).</summary>
    public string? ResourceVersion { get; private init; }

    /// <summary>When ADO raised the event.</summary>
    public DateTimeOffset? CreatedDate { get; private init; }

    /// <summary>ADO's summary of the event, as text, HTML and Markdown.</summary>
    public ServiceHookMessage? Message { get; private init; }

    /// <summary>ADO's longer summary of the event.</summary>
    public ServiceHookMessage? DetailedMessage { get; private init; }

    /// <summary>The collection, account, project and server the event came from, by kind: their ids and base URLs.</summary>
    public IReadOnlyDictionary<string, ServiceHookResourceContainer> ResourceContainers { get; private init; } = new Dictionary<string, ServiceHookResourceContainer>();

    /// <summary>
    /// The resource as its generated model (match it: <c>if (e.Resource is WorkItemUpdate update)</c>), a
    /// <see cref="ServiceHookResourceParts"/> for a resource made of several models, or <see cref="JToken"/> where the event type is
    /// unknown or its area was not generated (<see cref="ResourceNote"/> says which).
    /// </summary>
    public object Resource { get; private init; } = null!;

    /// <summary>Why <see cref="Resource"/> is <see cref="JToken"/>, naming the area to add to <c>AdoAreas</c>; null when it is typed.</summary>
    public string? ResourceNote { get; private init; }

    /// <summary>What this SDK knows of the event type; null for an event type it does not type.</summary>
    public ServiceHookEventType? Type { get; private init; }

    /// <summary>The body as ADO sent it.</summary>
    public JObject Raw { get; }

    /// <summary>The resource as <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidOperationException">The resource is of another type; the message says which, and why if it is untyped.</exception>
    public T ResourceAs<T>() => Resource is T value
        ? value
        : throw new InvalidOperationException($"The resource of {EventType} event {Id} is a {Resource.GetType().Name}, not a {typeof(T).Name}.{(ResourceNote is null ? "" : " " + ResourceNote)}");

    /// <summary>Reads a posted body.</summary>
    /// <exception cref="ServiceHookFormatException">The body is not JSON, or not an event: the message names what is missing.</exception>
    public static ServiceHookEvent Read(Stream body)
    {
        ArgumentNullException.ThrowIfNull(body);
        JObject json;
        try
        {
            using var reader = new JsonTextReader(new StreamReader(body, leaveOpen: true)) { DateParseHandling = DateParseHandling.None, MaxDepth = 128 };
            json = JToken.ReadFrom(reader) as JObject ?? throw new ServiceHookFormatException("The body is JSON but not an object; a service-hook event is an object with eventType, id and resource.");
        }
        catch (JsonException e)
        {
            throw new ServiceHookFormatException($"The body is not JSON: {e.Message}");
        }

        var missing = new[] { "eventType", "id", "resource" }.Where(name => json[name] is null or { Type: JTokenType.Null }).ToList();
        if (missing.Count > 0)
            throw new ServiceHookFormatException($"The body is not a service-hook event: it has no {string.Join(", no ", missing)}.");
        if (json["eventType"]!.Type != JTokenType.String || json["id"]!.Type != JTokenType.String)
            throw new ServiceHookFormatException("The body is not a service-hook event: eventType and id must be strings.");

        var eventType = (string)json["eventType"]!;
        var known = ServiceHookEventType.Known.GetValueOrDefault(eventType);
        var (resource, note) = TypedResource(json["resource"]!, eventType, known);
        return new ServiceHookEvent(json)
        {
            Id = (string)json["id"]!,
            EventType = eventType,
            PublisherId = Text(json, "publisherId"),
            SubscriptionId = Text(json, "subscriptionId"),
            NotificationId = json["notificationId"] is { Type: JTokenType.Integer } n ? (int)n : null,
            ResourceVersion = Text(json, "resourceVersion"),
            CreatedDate = DateTimeOffset.TryParse(Text(json, "createdDate"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created) ? created : null,
            Message = ReadMessage(json["message"]),
            DetailedMessage = ReadMessage(json["detailedMessage"]),
            ResourceContainers = (json["resourceContainers"] as JObject ?? []).Properties().Where(p => p.Value is JObject)
                .ToDictionary(p => p.Name, p => new ServiceHookResourceContainer(Text((JObject)p.Value, "id"), Text((JObject)p.Value, "baseUrl")), StringComparer.OrdinalIgnoreCase),
            Resource = resource,
            ResourceNote = note,
            Type = known,
        };
    }

    private static (object Resource, string? Note) TypedResource(JToken resource, string eventType, ServiceHookEventType? known)
    {
        if (known is null)
            return (resource, $"AdoTypedSdk does not type the resource of '{eventType}' events.");
        if (known.Resource is { } model)
            return known.GeneratedModel(model) is { } type
                ? (ToModel(resource, type, eventType), null)
                : (resource, NotGenerated(known, model));

        var parts = new Dictionary<string, object?>(StringComparer.Ordinal);
        string? note = null;
        foreach (var (name, partModel) in known.Parts!)
        {
            var value = resource[name];
            if (value is null or { Type: JTokenType.Null })
                parts[name] = null;
            else if (known.GeneratedModel(partModel) is { } type)
                parts[name] = ToModel(value, type, eventType);
            else
            {
                parts[name] = value;
                note ??= NotGenerated(known, partModel);
            }
        }
        return (new ServiceHookResourceParts(parts, resource as JObject ?? []), note);
    }

    private static object ToModel(JToken resource, Type type, string eventType)
    {
        try
        {
            return resource.ToObject(type, AdoJson.Serializer)!;
        }
        catch (JsonException e)
        {
            throw new ServiceHookFormatException($"The resource of the {eventType} event is not a {type.Name}: {e.Message}");
        }
    }

    private static string NotGenerated(ServiceHookEventType known, string model) =>
        $"The resource of '{known.EventType}' events is a {model} of area '{known.Area}', which this build did not generate; add {known.Area} to AdoAreas to get it typed.";

    private static string? Text(JObject json, string name) => json[name] is { Type: JTokenType.String } value ? (string?)value : json[name]?.ToString();

    private static ServiceHookMessage? ReadMessage(JToken? token) => token is JObject message
        ? new ServiceHookMessage(Text(message, "text"), Text(message, "html"), Text(message, "markdown"))
        : null;
}

/// <summary>ADO's summary of an event in three forms.</summary>
public sealed record ServiceHookMessage(string? Text, string? Html, string? Markdown);

/// <summary>A collection, account, project or server an event came from.</summary>
public sealed record ServiceHookResourceContainer(string? Id, string? BaseUrl);
