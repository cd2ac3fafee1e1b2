using System.IO.Compression;

namespace AdoTypedSdk.Generator.Pinning;

/// <summary>
/// Pinned files in upstream layout (<c>specification/{area}/{version}/…</c>), read from a folder or from a <c>.zip</c> of one. The
/// package ships a zip: one entry in the package instead of two thousand, and no file path over NuGet's length limit.
/// </summary>
public abstract class SpecSource : IDisposable
{
    public static SpecSource Open(string path, string commit)
    {
        if (Directory.Exists(path))
            return new FolderSource(path, commit);
        if (File.Exists(path) && path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            return new ZipSource(path, commit);
        throw new SpecException($"the spec source '{path}' (AdoSpecSource or ADO_SPEC_SOURCE) is neither a folder nor a .zip file.");
    }

    /// <summary>The file's bytes, or an error that names the file, the source and what to do.</summary>
    public abstract (byte[]? Content, string? Error) Read(string pinnedPath);

    public virtual void Dispose() => GC.SuppressFinalize(this);

    private static string Missing(string pinnedPath, string source, string looked, string commit) =>
        $"{pinnedPath}: missing from the spec source '{source}' (looked for {looked}). Point AdoSpecSource or ADO_SPEC_SOURCE at a folder in upstream layout that holds the pinned commit {commit}.";

    private sealed class FolderSource(string folder, string commit) : SpecSource
    {
        public override (byte[]?, string?) Read(string pinnedPath)
        {
            var path = Path.Combine(folder, pinnedPath);
            return File.Exists(path) ? (File.ReadAllBytes(path), null) : (null, Missing(pinnedPath, folder, path, commit));
        }
    }

    private sealed class ZipSource(string file, string commit) : SpecSource
    {
        private readonly ZipArchive _archive = ZipFile.OpenRead(file);

        public override (byte[]?, string?) Read(string pinnedPath)
        {
            // ZipArchive is not safe for concurrent reads.
            lock (_archive)
            {
                if (_archive.GetEntry(pinnedPath) is not { } entry)
                    return (null, Missing(pinnedPath, file, "the entry " + pinnedPath, commit));
                using var stream = entry.Open();
                using var content = new MemoryStream((int)entry.Length);
                stream.CopyTo(content);
                return (content.ToArray(), null);
            }
        }

        public override void Dispose()
        {
            _archive.Dispose();
            base.Dispose();
        }
    }
}
