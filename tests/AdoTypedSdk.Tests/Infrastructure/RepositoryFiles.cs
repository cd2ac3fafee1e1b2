using System.Reflection;

namespace AdoTypedSdk.Tests.Infrastructure;

/// <summary>Paths of the repository and of the spec files the SDK build restored, as MSBuild passed them to this assembly.</summary>
internal static class RepositoryFiles
{
    public static string Root => Metadata("RepositoryRoot");

    public static string SpecRoot => Metadata("AdoSpecRestoreRoot");

    public static string ApiVersion => Metadata("AdoApiVersion");

    public static string NormalizedRoot => Metadata("AdoNormalizedRoot");

    public static IReadOnlyList<string> DocumentPaths() =>
        File.ReadAllLines(Path.Combine(SpecRoot, "documents.txt")).Where(l => l.Length > 0).ToList();

    private static string Metadata(string key) =>
        typeof(RepositoryFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
