using Newtonsoft.Json;

namespace AdoTypedSdk.Generator.Pinning;

/// <summary>
/// Copies the pinned files of one API version into a folder, from a source in upstream layout (a folder, or a <c>.zip</c> such as the
/// package's own copy) or from upstream at the pinned commit, and checks every file against its pinned hash. The first file that cannot
/// be had stops the restore with one error.
/// </summary>
public sealed class SpecRestorer(SpecLock specLock, HttpClient? http = null, TimeSpan? downloadTimeout = null)
{
    /// <summary>Name of the file, written beside the restored files, that lists the restored OpenAPI documents.</summary>
    public const string DocumentListFileName = "documents.txt";

    /// <summary>Name of the file, written beside the restored files, that holds the lock's shared-type decision for the version.</summary>
    public const string SharedTypesFileName = "shared-types.json";

    /// <summary>Name of the file, written beside the restored files, that holds the lock's area-qualified names for the version.</summary>
    public const string AreaQualifiedNamesFileName = "area-qualified-names.json";

    public sealed record Result(IReadOnlyList<string> Documents, int Copied, int Downloaded, int UpToDate);

    private readonly TimeSpan _downloadTimeout = downloadTimeout ?? TimeSpan.FromSeconds(30);

    /// <param name="areas">Document names (<c>workItemTracking</c>, <c>git</c>) to restore with their examples; empty for all.</param>
    public async Task<Result> RestoreAsync(string apiVersion, string outputDirectory, string? sourceDirectory, IReadOnlyCollection<string>? areas = null, CancellationToken cancellationToken = default)
    {
        var files = SelectFiles(apiVersion, areas ?? []);
        using var source = sourceDirectory is null ? null : SpecSource.Open(sourceDirectory, specLock.Commit);

        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        string? firstError = null;
        int copied = 0, downloaded = 0, upToDate = 0;
        try
        {
            await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = failed.Token }, async (file, ct) =>
            {
                var target = Path.Combine(outputDirectory, file.Path);
                if (File.Exists(target) && Sha256.Of(await File.ReadAllBytesAsync(target, ct)) == file.Sha256)
                {
                    Interlocked.Increment(ref upToDate);
                    return;
                }

                var (content, error) = source is null ? await DownloadAsync(file, ct) : source.Read(file.Path);
                if (content is not null && Sha256.Of(content) is var actual && actual != file.Sha256)
                    error = $"{file.Path}: SHA-256 mismatch: pinned {file.Sha256}, {(source is null ? "downloaded from " + specLock.DownloadUri(file) : "found in " + sourceDirectory)} {actual}.";
                if (error is not null)
                {
                    // One error is enough to stop: the others would only repeat it.
                    Interlocked.CompareExchange(ref firstError, error, null);
                    await failed.CancelAsync();
                    return;
                }
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                // Write beside the target and move, so an interrupted restore never leaves a truncated file with the right name.
                var temporary = target + ".tmp";
                await File.WriteAllBytesAsync(temporary, content!, ct);
                File.Move(temporary, target, overwrite: true);
                Interlocked.Increment(ref source is null ? ref downloaded : ref copied);
            });
        }
        catch (OperationCanceledException) when (firstError is not null && !cancellationToken.IsCancellationRequested)
        {
        }
        if (firstError is not null)
            throw new SpecException(firstError);

        var documents = files.Where(f => !f.IsExample).Select(f => f.Path).Order(StringComparer.Ordinal).ToList();
        Directory.CreateDirectory(outputDirectory);
        await WriteIfChangedAsync(Path.Combine(outputDirectory, DocumentListFileName), documents, cancellationToken);
        await WriteDecisionAsync(Path.Combine(outputDirectory, SharedTypesFileName), specLock.SharedTypes?.GetValueOrDefault(apiVersion), cancellationToken);
        await WriteDecisionAsync(Path.Combine(outputDirectory, AreaQualifiedNamesFileName), specLock.AreaQualifiedNames?.GetValueOrDefault(apiVersion), cancellationToken);
        return new Result(documents, copied, downloaded, upToDate);
    }

    /// <summary>A decision of the lock for the version, beside the documents for the normalize step; none, no file.</summary>
    private static async Task WriteDecisionAsync(string path, object? decision, CancellationToken cancellationToken)
    {
        if (decision is not null)
            await WriteIfChangedAsync(path, [JsonConvert.SerializeObject(decision, Formatting.Indented)], cancellationToken);
        else
            File.Delete(path);
    }

    /// <summary>The documents named by <paramref name="areas"/> (all when empty) and the examples recorded beside them.</summary>
    private List<PinnedFile> SelectFiles(string apiVersion, IReadOnlyCollection<string> areas)
    {
        var files = specLock.FilesOf(apiVersion).ToList();
        if (files.Count == 0)
            throw new SpecException($"ADO API version '{apiVersion}' is not pinned. Valid values of AdoApiVersion: {string.Join(", ", specLock.ApiVersions)}.");
        if (areas.Count == 0)
            return files;

        var documents = files.Where(f => !f.IsExample).ToDictionary(f => AreaNames.Of(f.Path), StringComparer.OrdinalIgnoreCase);
        var unknown = areas.Where(a => !documents.ContainsKey(a)).ToList();
        if (unknown.Count > 0)
            throw new SpecException(
                $"unknown ADO area{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown.Select(a => $"'{a}'"))} in AdoAreas for ADO {apiVersion}. " +
                $"Valid values: {string.Join(", ", documents.Keys.Order(StringComparer.OrdinalIgnoreCase))}.");
        var chosen = areas.Select(a => documents[a]).ToList();
        var folders = chosen.Select(d => d.Path[..(d.Path.LastIndexOf('/') + 1)]).ToHashSet(StringComparer.Ordinal);
        return chosen.Concat(files.Where(f => f.IsExample && folders.Any(folder => f.Path.StartsWith(folder, StringComparison.Ordinal)))).ToList();
    }

    private async Task<(byte[]?, string?)> DownloadAsync(PinnedFile file, CancellationToken cancellationToken)
    {
        var uri = specLock.DownloadUri(file);
        const string advice = "For builds without internet, set AdoSpecSource (or ADO_SPEC_SOURCE) to a folder in upstream layout that holds the pinned files.";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_downloadTimeout);
        try
        {
            using var response = await (http ?? SharedHttp).GetAsync(uri, timeout.Token);
            if (response.IsSuccessStatusCode)
                return (await response.Content.ReadAsByteArrayAsync(timeout.Token), null);
            return (null, $"{file.Path}: download from {uri} failed with HTTP {(int)response.StatusCode}. {advice}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"{file.Path}: download from {uri} got no answer within {_downloadTimeout.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} s. {advice}");
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return (null, $"{file.Path}: download from {uri} failed: {e.Message} {advice}");
        }
    }

    private static async Task WriteIfChangedAsync(string path, IReadOnlyList<string> lines, CancellationToken cancellationToken)
    {
        if (!File.Exists(path) || !(await File.ReadAllLinesAsync(path, cancellationToken)).SequenceEqual(lines))
            await File.WriteAllLinesAsync(path, lines, cancellationToken);
    }

    // The per-file timeout above bounds each download; HttpClient's own would surface as an unexplained TaskCanceledException.
    private static readonly HttpClient SharedHttp = new() { Timeout = Timeout.InfiniteTimeSpan };
}
