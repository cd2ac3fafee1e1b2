using AdoTypedSdk.Generator.Emission;
using AdoTypedSdk.Generator.Pinning;

namespace AdoTypedSdk.Generator.Diagnostics;

/// <summary>
/// After a failed compile: the compiler's "'Git' does not exist in the namespace 'AdoTypedSdk'" (CS0234) for an area the build did not
/// generate says where the fix is (AdoAreas), where the compiler's own advice ("are you missing an assembly reference?") points away.
/// </summary>
public static class MissingAreas
{
    /// <param name="compilerErrors">The compiler's error log (SARIF, <c>/errorlog</c>) or any text that quotes its messages.</param>
    /// <param name="versionDocuments">Every document of the build's API version (lock paths).</param>
    /// <param name="generatedDocuments">The documents the build generated.</param>
    /// <returns>One sentence per area the errors name, in the order of the version's documents; empty when they name none.</returns>
    public static IReadOnlyList<string> Explain(string compilerErrors, IEnumerable<string> versionDocuments, IReadOnlyCollection<string> generatedDocuments)
    {
        var generated = generatedDocuments.Select(AreaNames.Of).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var chosen = generated.Count == 0 ? "none" : string.Join(", ", generated.Order(StringComparer.OrdinalIgnoreCase));
        return versionDocuments
            .Select(path => (Area: AreaNames.Of(path), Namespace: NamespaceNames.ForDocument(path)))
            .Where(a => !generated.Contains(a.Area))
            .Where(a => compilerErrors.Contains($"'{a.Namespace[(NamespaceNames.Root.Length + 1)..]}' does not exist in the namespace '{NamespaceNames.Root}'", StringComparison.Ordinal))
            .DistinctBy(a => a.Area, StringComparer.OrdinalIgnoreCase)
            .Select(a => $"{a.Namespace} is the '{a.Area}' area, which this build does not generate (it generates: {chosen}). " +
                $"Add {a.Area} to AdoAreas, or <AdoArea Include=\"{a.Area}\" />, and build again.")
            .ToList();
    }
}
