namespace AdoTypedSdk.Testing;

/// <summary>
/// The ADO documents and recorded examples that this app's build restored for its clients (its <c>AdoApiVersion</c> and <c>AdoAreas</c>).
/// The AdoTypedSdk.Testing build logic writes their location into the app's <c>runtimeconfig.json</c>; nothing else needs setting.
/// </summary>
public static class GeneratedSpecs
{
    /// <summary>The restored pinned files in upstream layout: <c>specification/{area}/{version}/…</c>, examples included.</summary>
    public static string SpecRoot => Setting("SpecRoot");

    /// <summary>The repaired documents the clients were generated from, one <c>{document}.json</c> per area.</summary>
    public static string NormalizedRoot => Setting("NormalizedRoot");

    /// <summary>The ADO API version of the restored files.</summary>
    public static string ApiVersion => Setting("ApiVersion");

    /// <summary>The restored OpenAPI documents, relative to <see cref="SpecRoot"/>.</summary>
    public static IReadOnlyList<string> DocumentPaths() =>
        File.ReadAllLines(Path.Combine(SpecRoot, "documents.txt")).Where(l => l.Length > 0).ToList();

    private static string Setting(string name) =>
        AppContext.GetData("AdoTypedSdk.Testing." + name) as string is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"AdoTypedSdk.Testing.{name} is not set in this app's runtimeconfig.json. Reference AdoTypedSdk.Testing from a project that " +
                "generates ADO clients (references the AdoTypedSdk package) or references one, and build it.");
}
