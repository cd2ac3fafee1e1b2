using System.Collections.Concurrent;

namespace AdoTypedSdk.Generator.Pinning;

/// <summary>
/// Copies the pinned files of one API version into a folder, from a local mirror in upstream layout
/// (<c>ADO_SPEC_SOURCE</c>) or from upstream at the pinned commit, and checks every file against its pinned hash.
/// </summary>
public sealed class SpecRestorer(SpecLock specLock, HttpClient? http = null)
{
    /// <summary>Name of the file, written beside the restored files, that lists the restored OpenAPI documents.</summary>
    public const string DocumentListFileName = "documents.txt";

    public sealed record Result(IReadOnlyList<string> Documents, int Copied, int Downloaded, int UpToDate);

    public async Task<Result> RestoreAsync(string apiVersion, string outputDirectory, string? sourceDirectory, CancellationToken cancellationToken = default)
    {
        var files = specLock.FilesOf(apiVersion).ToList();
        if (files.Count == 0)
            throw new SpecException($"The spec lock pins no files for API version '{apiVersion}'. Pinned versions: {string.Join(", ", specLock.ApiVersions)}.");
        if (sourceDirectory is not null && !Directory.Exists(sourceDirectory))
            throw new SpecException($"ADO_SPEC_SOURCE '{sourceDirectory}' does not exist or is not a folder.");

        var errors = new ConcurrentBag<string>();
        int copied = 0, downloaded = 0, upToDate = 0;
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (file, ct) =>
        {
            var target = Path.Combine(outputDirectory, file.Path);
            if (File.Exists(target) && Sha256.Of(await File.ReadAllBytesAsync(target, ct)) == file.Sha256)
            {
                Interlocked.Increment(ref upToDate);
                return;
            }

            byte[]? content = sourceDirectory is null ? await DownloadAsync(file, errors, ct) : ReadFromMirror(sourceDirectory, file, errors);
            if (content is null)
                return;
            var actual = Sha256.Of(content);
            if (actual != file.Sha256)
            {
                errors.Add($"{file.Path}: SHA-256 mismatch: pinned {file.Sha256}, {(sourceDirectory is null ? "downloaded" : "found in " + sourceDirectory)} {actual}.");
                return;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            // Write beside the target and move, so an interrupted restore never leaves a truncated file with the right name.
            var temporary = target + ".tmp";
            await File.WriteAllBytesAsync(temporary, content, ct);
            File.Move(temporary, target, overwrite: true);
            Interlocked.Increment(ref sourceDirectory is null ? ref downloaded : ref copied);
        });

        if (!errors.IsEmpty)
            throw new SpecException(string.Join(Environment.NewLine, errors.Order(StringComparer.Ordinal)));

        var documents = files.Where(f => !f.IsExample).Select(f => f.Path).Order(StringComparer.Ordinal).ToList();
        Directory.CreateDirectory(outputDirectory);
        await File.WriteAllLinesAsync(Path.Combine(outputDirectory, DocumentListFileName), documents, cancellationToken);
        return new Result(documents, copied, downloaded, upToDate);
    }

    private static byte[]? ReadFromMirror(string sourceDirectory, PinnedFile file, ConcurrentBag<string> errors)
    {
        var path = Path.Combine(sourceDirectory, file.Path);
        if (File.Exists(path))
            return File.ReadAllBytes(path);
        errors.Add($"{file.Path}: missing from ADO_SPEC_SOURCE '{sourceDirectory}' (looked for {path}).");
        return null;
    }

    private async Task<byte[]?> DownloadAsync(PinnedFile file, ConcurrentBag<string> errors, CancellationToken cancellationToken)
    {
        var uri = specLock.DownloadUri(file);
        try
        {
            using var response = await (http ?? SharedHttp.Value).GetAsync(uri, cancellationToken);
            if (response.IsSuccessStatusCode)
                return await response.Content.ReadAsByteArrayAsync(cancellationToken);
            errors.Add($"{file.Path}: download from {uri} failed with HTTP {(int)response.StatusCode}.");
        }
        catch (HttpRequestException e)
        {
            errors.Add($"{file.Path}: download from {uri} failed: {e.Message}. Set ADO_SPEC_SOURCE to a local copy of the specs for offline builds.");
        }
        return null;
    }

    private static readonly Lazy<HttpClient> SharedHttp = new(() => new HttpClient { Timeout = TimeSpan.FromSeconds(60) });
}
