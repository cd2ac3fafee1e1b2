namespace AdoTypedSdk.Build.Tests.Infrastructure;

/// <summary>
/// The SDK's projects as the services build them: a copy of the runtime, the testing kit, the generator, the build logic and the pin,
/// refreshed and built once per test run. The services reference the copy, not the repository's projects, because
/// <c>dotnet test AdoTypedSdk.sln</c> builds the repository's projects while these tests run: two builds writing one <c>bin/</c> make the
/// generator disappear under one of them. Files are copied only when their content differs, so an unchanged copy stays up to date and
/// its builds do nothing.
/// </summary>
public static class SdkCopy
{
    private static readonly string[] Folders = ["spec", "src/AdoTypedSdk", "src/AdoTypedSdk.Testing", "generator/AdoTypedSdk.Generator"];
    private static readonly string[] RootFiles = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "LICENSE.txt", "THIRD-PARTY-NOTICES.txt", "README.md"];

    private static readonly Lazy<string> Built = new(CopyAndBuild, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The copy's root, built: its layout is the repository's.</summary>
    public static string Root => Built.Value;

    private static string CopyAndBuild()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "sdk-copy");
        foreach (var file in RootFiles)
            CopyIfChanged(Path.Combine(ServiceProject.RepositoryRoot, file), Path.Combine(root, file));
        foreach (var folder in Folders)
            Mirror(Path.Combine(ServiceProject.RepositoryRoot, folder), Path.Combine(root, folder));
        // The generator comes with the runtime (a project reference of it); one build, before any service's, so the services' builds
        // find every project up to date and never build one concurrently.
        ServiceProject.RunDotnet(root, "build", Path.Combine(root, "src", "AdoTypedSdk.Testing", "AdoTypedSdk.Testing.csproj")).Succeeded();
        return root;
    }

    /// <summary>Makes <paramref name="target"/> hold <paramref name="source"/>'s files (build outputs aside), and only those.</summary>
    private static void Mirror(string source, string target)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (IsBuildOutput(relative))
                continue;
            wanted.Add(relative);
            CopyIfChanged(file, Path.Combine(target, relative));
        }
        foreach (var file in Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(target, file);
            if (!IsBuildOutput(relative) && !wanted.Contains(relative))
                File.Delete(file);
        }
    }

    private static bool IsBuildOutput(string relative) =>
        relative.Split(Path.DirectorySeparatorChar, 2)[0] is "bin" or "obj";

    private static void CopyIfChanged(string source, string target)
    {
        if (File.Exists(target) && File.ReadAllBytes(target).AsSpan().SequenceEqual(File.ReadAllBytes(source)))
            return;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target, overwrite: true);
    }
}
