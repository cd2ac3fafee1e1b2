using System.Collections.Frozen;

namespace AdoTypedSdk;

/// <summary>What the generator wrote about the documents it compiled: one area per document, and the renamed wire names.</summary>
internal static partial class AdoCatalog
{
    /// <summary>The ADO REST API version the clients were generated for (the build's <c>AdoApiVersion</c>).</summary>
    internal static partial string ApiVersion { get; }

    private static partial AdoArea[] CreateAreas();

    private static partial (string Type, string JsonName, string WireName)[] CreateWireNames();

    internal static IReadOnlyList<AdoArea> Areas { get; } = CreateAreas();

    internal static FrozenDictionary<string, AdoArea> AreasByNamespace { get; } =
        Areas.ToFrozenDictionary(a => a.Namespace, StringComparer.Ordinal);

    /// <summary>(CLR type full name, JSON name in the generated attribute) → the name ADO uses on the wire.</summary>
    internal static FrozenDictionary<(string Type, string JsonName), string> WireNames { get; } =
        CreateWireNames().ToFrozenDictionary(w => (w.Type, w.JsonName), w => w.WireName);

    internal static AdoArea AreaOf(Type clientType) =>
        AreasByNamespace.TryGetValue(clientType.Namespace ?? "", out var area)
            ? area
            : throw new InvalidOperationException($"{clientType.FullName} belongs to no generated ADO area.");
}
