namespace AdoTypedSdk.Generator.Pinning;

/// <summary>Builds a spec lock from a folder in upstream layout: every document and example of the chosen API versions.</summary>
public static class SpecPinner
{
    public static SpecLock Pin(string sourceDirectory, string repository, string commit, IEnumerable<string> apiVersions)
    {
        var specification = Path.Combine(sourceDirectory, "specification");
        if (!Directory.Exists(specification))
            throw new SpecException($"'{sourceDirectory}' has no 'specification' folder; expected the upstream layout specification/<area>/<version>/.");

        var specLock = new SpecLock { Repository = repository, Commit = commit };
        foreach (var version in apiVersions)
        {
            var versionFiles = Directory.EnumerateDirectories(specification)
                .Select(area => Path.Combine(area, version))
                .Where(Directory.Exists)
                .SelectMany(dir => Directory.EnumerateFiles(dir, "*.json", SearchOption.AllDirectories))
                .ToList();
            if (versionFiles.Count == 0)
                throw new SpecException($"'{specification}' holds no documents for API version '{version}'.");
            specLock.Files.AddRange(versionFiles.Select(file => new PinnedFile
            {
                Path = Path.GetRelativePath(sourceDirectory, file).Replace('\\', '/'),
                Sha256 = Sha256.Of(File.ReadAllBytes(file)),
            }));
        }
        return specLock;
    }
}
