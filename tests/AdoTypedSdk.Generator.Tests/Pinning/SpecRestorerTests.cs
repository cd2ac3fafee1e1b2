using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using AdoTypedSdk.Generator.Pinning;
using AdoTypedSdk.Tests.Infrastructure;

namespace AdoTypedSdk.Generator.Tests.Pinning;

public sealed class SpecRestorerTests : IDisposable
{
    private const string DocumentPath = "specification/wit/7.1/workItemTracking.json";
    private const string ExamplePath = "specification/wit/7.1/httpExamples/workItems/GET example.json";
    private readonly string _mirror = Directory.CreateTempSubdirectory("ado-mirror").FullName;
    private readonly string _output = Directory.CreateTempSubdirectory("ado-restore").FullName;

    public SpecRestorerTests()
    {
        Write(_mirror, DocumentPath, "\uFEFF{\"swagger\":\"2.0\"}");
        Write(_mirror, ExamplePath, "{\"parameters\":{}}");
        Write(_mirror, "specification/wit/7.2/workItemTracking.json", "{}");
    }

    [Fact]
    public async Task Restores_the_pinned_files_of_one_version_from_a_folder_and_lists_its_documents()
    {
        var specLock = SpecPinner.Pin(_mirror, "MicrosoftDocs/vsts-rest-api-specs", "abc", ["7.1", "7.2"]);

        var result = await new SpecRestorer(specLock).RestoreAsync("7.1", _output, _mirror);

        Assert.Equal([DocumentPath], result.Documents);
        Assert.Equal(2, result.Copied);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_mirror, ExamplePath)), File.ReadAllBytes(Path.Combine(_output, ExamplePath)));
        Assert.False(File.Exists(Path.Combine(_output, "specification/wit/7.2/workItemTracking.json")));
        Assert.Equal([DocumentPath], File.ReadAllLines(Path.Combine(_output, SpecRestorer.DocumentListFileName)));

        var again = await new SpecRestorer(specLock).RestoreAsync("7.1", _output, _mirror);
        Assert.Equal(2, again.UpToDate);
    }

    [Fact]
    public async Task Hash_mismatch_names_the_file_and_both_hashes_and_writes_nothing()
    {
        var specLock = SpecPinner.Pin(_mirror, "r/r", "abc", ["7.1"]);
        var pinned = specLock.Files.Single(f => f.Path == DocumentPath).Sha256;
        Write(_mirror, DocumentPath, "{\"tampered\":true}");

        var error = await Assert.ThrowsAsync<SpecException>(() => new SpecRestorer(specLock).RestoreAsync("7.1", _output, _mirror));

        Assert.Contains(DocumentPath, error.Message);
        Assert.Contains(pinned, error.Message);
        Assert.Contains(Sha256.Of(File.ReadAllBytes(Path.Combine(_mirror, DocumentPath))), error.Message);
        Assert.False(File.Exists(Path.Combine(_output, DocumentPath)));
    }

    [Fact]
    public async Task Missing_file_and_unknown_version_are_reported_by_name()
    {
        var specLock = SpecPinner.Pin(_mirror, "r/r", "abc", ["7.1"]);
        File.Delete(Path.Combine(_mirror, ExamplePath));

        var missing = await Assert.ThrowsAsync<SpecException>(() => new SpecRestorer(specLock).RestoreAsync("7.1", _output, _mirror));
        var unknown = await Assert.ThrowsAsync<SpecException>(() => new SpecRestorer(specLock).RestoreAsync("6.0", _output, _mirror));

        Assert.Contains(ExamplePath, missing.Message);
        Assert.Contains("'6.0'", unknown.Message);
        Assert.Contains("7.1", unknown.Message);
    }

    [Fact]
    public async Task The_committed_lock_offers_the_cloud_and_every_on_premises_profile_and_an_unknown_one_lists_them()
    {
        var specLock = SpecLock.Load(Path.Combine(RepositoryFiles.Root, "spec", "ado-specs.lock.json"));

        var unknown = await Assert.ThrowsAsync<SpecException>(() => new SpecRestorer(specLock).RestoreAsync("azure-devops-server-2020", _output, _mirror));

        Assert.Equal(["7.0", "7.1", "7.2", "azure-devops-server-5.0", "azure-devops-server-6.0", "azure-devops-server-7.0", "azure-devops-server-7.1", "tfs-4.1"], specLock.ApiVersions);
        Assert.Equal("ADO API version 'azure-devops-server-2020' is not pinned. Valid values of AdoApiVersion: " + string.Join(", ", specLock.ApiVersions) + ".", unknown.Message);
    }

    [Fact]
    public async Task Downloads_from_upstream_at_the_pinned_commit_when_no_folder_is_given()
    {
        var specLock = SpecPinner.Pin(_mirror, "MicrosoftDocs/vsts-rest-api-specs", "0123abc", ["7.1"]);
        var requested = new List<string>();
        using var server = new FolderServer(_mirror, "/MicrosoftDocs/vsts-rest-api-specs/0123abc/", requested);
        specLock.DownloadUrlTemplate = server.Prefix + "{repository}/{commit}/{path}";

        var result = await new SpecRestorer(specLock).RestoreAsync("7.1", _output, sourceDirectory: null);

        Assert.Equal(2, result.Downloaded);
        Assert.Contains("/MicrosoftDocs/vsts-rest-api-specs/0123abc/specification/wit/7.1/httpExamples/workItems/GET%20example.json", requested);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_mirror, DocumentPath)), File.ReadAllBytes(Path.Combine(_output, DocumentPath)));
    }

    [Fact]
    public async Task Failed_download_names_the_file_and_the_url()
    {
        var specLock = SpecPinner.Pin(_mirror, "r/r", "abc", ["7.1"]);
        using var server = new FolderServer(_mirror, "/elsewhere/", []);
        specLock.DownloadUrlTemplate = server.Prefix + "{repository}/{commit}/{path}";

        var error = await Assert.ThrowsAsync<SpecException>(() => new SpecRestorer(specLock).RestoreAsync("7.1", _output, sourceDirectory: null));

        // The first failure stops the restore: one line, naming one pinned file, its URL and what to do.
        Assert.Single(error.Message.Split('\n'));
        Assert.Matches($"^({Regex.Escape(DocumentPath)}|{Regex.Escape(ExamplePath)}): download from {Regex.Escape(server.Prefix)}", error.Message);
        Assert.Contains("404", error.Message);
        Assert.Contains("ADO_SPEC_SOURCE", error.Message);
    }

    [Fact]
    public async Task Chosen_areas_restore_their_documents_and_examples_only()
    {
        Write(_mirror, "specification/git/7.1/git.json", "{}");
        Write(_mirror, "specification/git/7.1/httpExamples/refs/GET refs.json", "{}");
        var specLock = SpecPinner.Pin(_mirror, "r/r", "abc", ["7.1"]);

        var result = await new SpecRestorer(specLock).RestoreAsync("7.1", _output, _mirror, ["WorkItemTracking"]);

        Assert.Equal([DocumentPath], result.Documents);
        Assert.True(File.Exists(Path.Combine(_output, ExamplePath)));
        Assert.False(File.Exists(Path.Combine(_output, "specification/git/7.1/git.json")));
        Assert.False(File.Exists(Path.Combine(_output, "specification/git/7.1/httpExamples/refs/GET refs.json")));
    }

    [Fact]
    public async Task Unknown_area_is_one_error_listing_the_valid_ones()
    {
        Write(_mirror, "specification/git/7.1/git.json", "{}");
        var specLock = SpecPinner.Pin(_mirror, "r/r", "abc", ["7.1"]);

        var error = await Assert.ThrowsAsync<SpecException>(() => new SpecRestorer(specLock).RestoreAsync("7.1", _output, _mirror, ["workItemTracking", "gti"]));

        Assert.Equal("unknown ADO area 'gti' in AdoAreas for ADO 7.1. Valid values: git, workItemTracking.", error.Message);
        Assert.False(Directory.Exists(Path.Combine(_output, "specification")));
    }

    [Fact]
    public async Task A_source_that_never_answers_is_one_error_naming_the_file_and_the_way_out()
    {
        var specLock = SpecPinner.Pin(_mirror, "r/r", "abc", ["7.1"]);
        // Accepts connections and never answers, like a proxy that swallows requests.
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            specLock.DownloadUrlTemplate = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/{{path}}";

            var error = await Assert.ThrowsAsync<SpecException>(() =>
                new SpecRestorer(specLock, downloadTimeout: TimeSpan.FromMilliseconds(300)).RestoreAsync("7.1", _output, sourceDirectory: null));

            Assert.Single(error.Message.Split('\n'));
            Assert.Contains("got no answer within 0.3 s", error.Message);
            Assert.Contains("ADO_SPEC_SOURCE", error.Message);
        }
        finally
        {
            silent.Stop();
        }
    }

    [Fact]
    public void Lock_round_trips_and_derives_versions_and_kinds()
    {
        var path = Path.Combine(_output, "lock.json");
        SpecPinner.Pin(_mirror, "r/r", "abc", ["7.1", "7.2"]).Save(path);

        var loaded = SpecLock.Load(path);

        Assert.Equal(["7.1", "7.2"], loaded.ApiVersions);
        Assert.Single(loaded.Files, f => f.IsExample);
        Assert.Equal("abc", loaded.Commit);
    }

    [Fact]
    public void Broken_lock_file_is_reported_with_its_path()
    {
        var path = Path.Combine(_output, "lock.json");
        File.WriteAllText(path, "{ not json");

        var error = Assert.Throws<SpecException>(() => SpecLock.Load(path));

        Assert.StartsWith(path + ":", error.Message);
    }

    public void Dispose()
    {
        Directory.Delete(_mirror, recursive: true);
        Directory.Delete(_output, recursive: true);
    }

    private static void Write(string root, string relativePath, string content)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
    }

    /// <summary>A loopback HTTP server that serves a folder below a URL prefix, like the upstream raw-file host.</summary>
    private sealed class FolderServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _loop;

        public FolderServer(string folder, string servedPrefix, List<string> requested)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Prefix = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Add(Prefix);
            _listener.Start();
            _loop = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try { context = await _listener.GetContextAsync(); }
                    catch (Exception) { return; }
                    var rawPath = context.Request.RawUrl ?? "";
                    lock (requested) requested.Add(rawPath);
                    var file = rawPath.StartsWith(servedPrefix, StringComparison.Ordinal)
                        ? Path.Combine(folder, Uri.UnescapeDataString(rawPath[servedPrefix.Length..]))
                        : null;
                    if (file is not null && File.Exists(file))
                        await context.Response.OutputStream.WriteAsync(await File.ReadAllBytesAsync(file));
                    else
                        context.Response.StatusCode = 404;
                    context.Response.Close();
                }
            });
        }

        public string Prefix { get; }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
    }
}
