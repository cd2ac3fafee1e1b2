using System.ComponentModel;

namespace AdoTypedSdk.GeneratedCode;

/// <summary>For generated code; not part of the supported API, and may change in any release.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedClients
{
    /// <summary>
    /// Called by each generated catalog's module initializer when its assembly loads, so the runtime knows the areas and clients without
    /// scanning assemblies.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another assembly registered clients of a different API version.</exception>
    public static void Register(string apiVersion, IEnumerable<AdoArea> areas, IEnumerable<Type> clients) => AdoCatalog.Register(apiVersion, areas, clients);
}
