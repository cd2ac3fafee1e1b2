using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Hooks;

/// <summary>
/// A resource made of several models (a pull-request comment event's <c>comment</c> and <c>pullRequest</c>): each documented property
/// as its generated model, by its JSON name; <see cref="Raw"/> holds the whole resource as ADO sent it.
/// </summary>
public sealed class ServiceHookResourceParts
{
    private readonly IReadOnlyDictionary<string, object?> parts;

    internal ServiceHookResourceParts(IReadOnlyDictionary<string, object?> parts, JObject raw) => (this.parts, Raw) = (parts, raw);

    /// <summary>The part named <paramref name="name"/>, as its model (or <see cref="JToken"/> if its area was not generated); null when absent.</summary>
    public object? this[string name] => parts.GetValueOrDefault(name);

    /// <summary>The documented parts' names.</summary>
    public IEnumerable<string> Names => parts.Keys;

    /// <summary>The resource as ADO sent it.</summary>
    public JObject Raw { get; }

    /// <summary>The part named <paramref name="name"/> as <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidOperationException">The part is absent or of another type.</exception>
    public T Get<T>(string name) => this[name] is T value
        ? value
        : throw new InvalidOperationException($"The resource part '{name}' is {(this[name] is { } other ? "a " + other.GetType().Name : "absent")}, not a {typeof(T).Name}.");
}
