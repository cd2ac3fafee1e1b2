namespace AdoTypedSdk;

/// <summary>
/// The ADO areas whose clients are compiled into this process. Generated code lives in the assembly of the project that generated it
/// (a service, or a shared client library); when that assembly loads, its generated catalog registers its areas here, so the runtime
/// never scans assemblies.
/// </summary>
internal static class AdoCatalog
{
    private static readonly Lock Gate = new();
    private static Registration _current = new(null, [], [], 0);

    private sealed record Registration(string? ApiVersion, AdoArea[] Areas, Type[] Clients, int Generation);

    /// <summary>The ADO REST API version the loaded clients were generated for (the build's <c>AdoApiVersion</c>); null before any loaded.</summary>
    public static string? ApiVersion => _current.ApiVersion;

    /// <summary>Every registered area, in registration order.</summary>
    public static IReadOnlyList<AdoArea> Areas => _current.Areas;

    /// <summary>Every registered client type (<c>WorkItemsClient</c>, …), for dependency injection.</summary>
    public static IReadOnlyList<Type> Clients => _current.Clients;

    /// <summary>Changes whenever an assembly registers areas; lets caches derived from <see cref="Areas"/> know they are stale.</summary>
    internal static int Generation => _current.Generation;

    /// <summary>Called once by each generated catalog when its assembly loads (<see cref="GeneratedCode.GeneratedClients.Register"/>). Areas already registered (the same document) are kept once.</summary>
    /// <param name="apiVersion">The API version of the generated code.</param>
    /// <param name="areas">The generated areas.</param>
    /// <param name="clients">The generated client types.</param>
    /// <exception cref="InvalidOperationException">Another assembly registered clients of a different API version.</exception>
    internal static void Register(string apiVersion, IEnumerable<AdoArea> areas, IEnumerable<Type> clients)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiVersion);
        ArgumentNullException.ThrowIfNull(areas);
        ArgumentNullException.ThrowIfNull(clients);
        lock (Gate)
        {
            var current = _current;
            if (current.ApiVersion is { } registered && registered != apiVersion)
                throw new InvalidOperationException(
                    $"AdoTypedSdk: clients generated for ADO {apiVersion} were loaded next to clients generated for ADO {registered}. " +
                    "Generate every project of one process for the same AdoApiVersion.");
            var known = current.Areas.Select(a => a.DocumentPath).ToHashSet(StringComparer.Ordinal);
            var merged = current.Areas.Concat(areas.Where(a => known.Add(a.DocumentPath))).ToArray();
            _current = new Registration(apiVersion, merged, current.Clients.Union(clients).ToArray(), current.Generation + 1);
        }
    }
}
