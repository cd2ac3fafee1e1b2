using System.Collections.Concurrent;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Hooks;

/// <summary>
/// One event type ADO's service hooks send, as Microsoft's service-hooks documentation describes it: the area whose document declares
/// the resource, the resource's model (or, for a resource made of several models, each property's model) and the resource version.
/// The rows are data (<c>ServiceHookEventTypes.json</c>, each with its source), read once.
/// </summary>
public sealed class ServiceHookEventType
{
    private readonly ConcurrentDictionary<string, Type> _models = new(StringComparer.Ordinal);

    private ServiceHookEventType()
    {
    }

    /// <summary>The event's id in ADO (<c>workitem.updated</c>).</summary>
    public string EventType { get; private init; } = "";

    /// <summary>The area, as <c>AdoAreas</c> names it, whose generated models type the resource (<c>workItemTracking</c>).</summary>
    public string Area { get; private init; } = "";

    /// <summary>The model of the whole resource (<c>WorkItemUpdate</c>), or null where the resource is made of <see cref="Parts"/>.</summary>
    public string? Resource { get; private init; }

    /// <summary>For a resource made of several models (<c>comment</c> and <c>pullRequest</c>), each property's model.</summary>
    public IReadOnlyDictionary<string, string>? Parts { get; private init; }

    /// <summary>The resource version ADO sends for this event type (<c>1.0</c>).</summary>
    public string ResourceVersion { get; private init; } = "";

    /// <summary>Where the row comes from: the event's section of Microsoft's documentation.</summary>
    public Uri Source { get; private init; } = null!;

    /// <summary>The event types this SDK types, by <see cref="EventType"/>.</summary>
    public static IReadOnlyDictionary<string, ServiceHookEventType> Known { get; } = Load();

    private static Dictionary<string, ServiceHookEventType> Load()
    {
        using var stream = typeof(ServiceHookEventType).Assembly.GetManifestResourceStream("AdoTypedSdk.Hooks.ServiceHookEventTypes.json")
            ?? throw new InvalidOperationException("AdoTypedSdk: the embedded table of service-hook event types is missing.");
        using var reader = new StreamReader(stream);
        return JArray.Parse(reader.ReadToEnd()).Cast<JObject>().Select(row => new ServiceHookEventType
        {
            EventType = (string)row["eventType"]!,
            Area = (string)row["area"]!,
            Resource = (string?)row["resource"],
            Parts = (row["parts"] as JObject)?.Properties().ToDictionary(p => p.Name, p => (string)p.Value!, StringComparer.Ordinal),
            ResourceVersion = (string)row["resourceVersion"]!,
            Source = new Uri((string)row["source"]!),
        }).ToDictionary(t => t.EventType, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The generated model named <paramref name="name"/> of <see cref="Area"/>, in the area's namespace or in <c>AdoTypedSdk.Common</c>;
    /// null when this process has no generated code of the area.
    /// </summary>
    internal Type? GeneratedModel(string name)
    {
        // Found once per model, not per delivery; a miss is not kept, since an area's clients may register after a first delivery.
        if (_models.TryGetValue(name, out var known))
            return known;
        var found = FindGeneratedModel(name);
        return found is null ? null : _models.GetOrAdd(name, found);
    }

    private Type? FindGeneratedModel(string name)
    {
        var area = AdoCatalog.Areas.FirstOrDefault(a => string.Equals(AreaName(a.DocumentPath), Area, StringComparison.OrdinalIgnoreCase));
        if (area is null)
            return null;
        // A model several areas declare carries its area's name in each (Git's Comment is GitComment where others declare a Comment).
        var areaWord = area.Namespace[(area.Namespace.LastIndexOf('.') + 1)..];
        foreach (var assembly in AdoCatalog.Clients.Where(c => c.Namespace == area.Namespace).Select(c => c.Assembly).Distinct())
            if ((assembly.GetType(area.Namespace + "." + name) ?? assembly.GetType(area.Namespace + "." + areaWord + name) ?? assembly.GetType("AdoTypedSdk.Common." + name)) is { } type)
                return type;
        return null;
    }

    private static string AreaName(string documentPath)
    {
        var name = Path.GetFileNameWithoutExtension(documentPath);
        return name.EndsWith("-onprem", StringComparison.OrdinalIgnoreCase) ? name[..^"-onprem".Length] : name;
    }
}
