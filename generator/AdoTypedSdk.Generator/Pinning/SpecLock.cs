using Newtonsoft.Json;

namespace AdoTypedSdk.Generator.Pinning;

/// <summary>The committed pin of the upstream ADO specification files: repository, commit, and every file's SHA-256.</summary>
public sealed class SpecLock
{
    public const string DefaultDownloadUrlTemplate = "https://raw.githubusercontent.com/{repository}/{commit}/{path}";

    [JsonProperty("repository")] public string Repository { get; set; } = "";
    [JsonProperty("commit")] public string Commit { get; set; } = "";
    [JsonProperty("downloadUrlTemplate")] public string DownloadUrlTemplate { get; set; } = DefaultDownloadUrlTemplate;
    [JsonProperty("files")] public List<PinnedFile> Files { get; set; } = [];

    /// <summary>
    /// Per API version, the types generated once in <c>AdoTypedSdk.Common</c> and the areas that take each from there (separated by
    /// spaces), decided by the <c>pin</c> command over every document of the version, so that no build's choice of areas moves a type.
    /// </summary>
    [JsonProperty("sharedTypes", NullValueHandling = NullValueHandling.Ignore)]
    public SortedDictionary<string, SortedDictionary<string, string>>? SharedTypes { get; set; }

    /// <summary>
    /// Per API version, the client and type names several of its documents declare, which each of them qualifies with its area's name
    /// (<c>BuildAttachmentsClient</c>, <c>WorkFieldType</c>), decided by the <c>pin</c> command over every document of the version.
    /// </summary>
    [JsonProperty("areaQualifiedNames", NullValueHandling = NullValueHandling.Ignore)]
    public SortedDictionary<string, AreaQualifiedNameDecision>? AreaQualifiedNames { get; set; }

    public IEnumerable<PinnedFile> FilesOf(string apiVersion) => Files.Where(f => f.ApiVersion == apiVersion);

    [JsonIgnore] public IReadOnlyList<string> ApiVersions => Files.Select(f => f.ApiVersion).Distinct().Order(StringComparer.Ordinal).ToList();

    public static SpecLock Load(string path)
    {
        if (!File.Exists(path))
            throw new SpecException($"{path}: the spec lock file does not exist.");
        try
        {
            var specLock = JsonConvert.DeserializeObject<SpecLock>(File.ReadAllText(path))
                ?? throw new SpecException($"{path}: the spec lock file is empty.");
            if (string.IsNullOrEmpty(specLock.Repository) || string.IsNullOrEmpty(specLock.Commit))
                throw new SpecException($"{path}: 'repository' and 'commit' are required.");
            return specLock;
        }
        catch (JsonException e)
        {
            throw new SpecException($"{path}: the spec lock file is not valid JSON: {e.Message}");
        }
    }

    public void Save(string path)
    {
        Files.Sort((a, b) => StringComparer.Ordinal.Compare(a.Path, b.Path));
        File.WriteAllText(path, JsonConvert.SerializeObject(this, Formatting.Indented) + "\n");
    }

    public Uri DownloadUri(PinnedFile file) => new(DownloadUrlTemplate
        .Replace("{repository}", Repository)
        .Replace("{commit}", Commit)
        .Replace("{path}", string.Join('/', file.Path.Split('/').Select(Uri.EscapeDataString))));
}

/// <summary>One pinned file, in upstream layout: <c>specification/{area}/{version}/...</c>.</summary>
/// <summary>The names of one API version that each area declaring them qualifies with its area's name.</summary>
public sealed class AreaQualifiedNameDecision
{
    /// <summary>Client names, without <c>Client</c>: <c>Build.Attachments</c> → <c>BuildAttachments</c>.</summary>
    [JsonProperty("clients")] public SortedDictionary<string, string> Clients { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Names of the areas' own types: <c>Work.FieldType</c> → <c>WorkFieldType</c>.</summary>
    [JsonProperty("types")] public SortedDictionary<string, string> Types { get; set; } = new(StringComparer.Ordinal);
}

public sealed class PinnedFile
{
    [JsonProperty("path")] public string Path { get; set; } = "";
    [JsonProperty("sha256")] public string Sha256 { get; set; } = "";

    [JsonIgnore] public string ApiVersion => Path.Split('/') is { Length: > 3 } parts ? parts[2] : "";

    /// <summary>True for Microsoft's recorded request/response examples; false for OpenAPI documents.</summary>
    [JsonIgnore] public bool IsExample => Path.Contains("/httpExamples/", StringComparison.Ordinal);
}

/// <summary>An error in the spec inputs: the message names the file and what is wrong with it.</summary>
public sealed class SpecException(string message) : Exception(message);
