using System.Reflection;
using AdoTypedSdk.Testing;

namespace AdoTypedSdk.Tests.Infrastructure;

/// <summary>The repository's root, as MSBuild passed it to this assembly, and the spec files the all-areas build restored.</summary>
internal static class RepositoryFiles
{
    public static string Root =>
        typeof(RepositoryFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    public static string SpecRoot => GeneratedSpecs.SpecRoot;

    public static string ApiVersion => GeneratedSpecs.ApiVersion;

    public static string NormalizedRoot => GeneratedSpecs.NormalizedRoot;

    public static IReadOnlyList<string> DocumentPaths() => GeneratedSpecs.DocumentPaths();
}
