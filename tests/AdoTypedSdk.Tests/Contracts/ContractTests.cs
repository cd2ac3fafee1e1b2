using AdoTypedSdk.Testing;
using AdoTypedSdk.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Tests.Contracts;

/// <summary>
/// Microsoft's recorded examples, replayed through the generated methods: one case per example of the built API version, named by the
/// example's path. Examples that contradict their own operation are excluded only through <c>ExcludedExamples.json</c>, each with a reason.
/// </summary>
public sealed class ContractTests(ContractFixture fixture) : IClassFixture<ContractFixture>
{
    public static TheoryData<ExamplePath> Examples() => ExamplePath.Data(ContractCase.All.Keys.Where(p => !Exclusions.All.ContainsKey(p)));

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Replays(ExamplePath example)
    {
        var contract = ContractCase.All[example.Path];
        var replay = fixture.Replay(contract);
        await ExpectedOutcome.CheckAsync(replay, example.Path, KnownFailures.All, "KnownFailures.json", passed => fixture.Record(contract, passed));
    }

    [Fact]
    public void Exclusions_name_existing_examples_with_reasons_and_stay_under_five_percent()
    {
        Assert.All(Exclusions.All, exclusion =>
        {
            Assert.True(ContractCase.All.ContainsKey(exclusion.Key) || !exclusion.Key.Contains($"/{RepositoryFiles.ApiVersion}/"), $"{exclusion.Key} is not an example of this version");
            Assert.False(string.IsNullOrWhiteSpace(exclusion.Value), $"{exclusion.Key} has no reason");
        });
        var excluded = ContractCase.All.Keys.Count(Exclusions.All.ContainsKey);
        Assert.True(excluded <= ContractCase.All.Count * 0.05, $"{excluded} of {ContractCase.All.Count} examples are excluded");
        Assert.NotEmpty(ContractCase.All);
    }
}

/// <summary>An example's path as a test argument: the case's display name shows it whole (xunit shortens plain strings).</summary>
public sealed class ExamplePath : Xunit.Abstractions.IXunitSerializable
{
    /// <summary>One theory case per path, in ordinal order.</summary>
    public static TheoryData<ExamplePath> Data(IEnumerable<string> paths)
    {
        var data = new TheoryData<ExamplePath>();
        foreach (var path in paths.Order(StringComparer.Ordinal))
            data.Add(new ExamplePath(path));
        return data;
    }

    public ExamplePath() => Path = "";

    public ExamplePath(string path) => Path = path;

    public string Path { get; private set; }

    public void Deserialize(Xunit.Abstractions.IXunitSerializationInfo info) => Path = info.GetValue<string>(nameof(Path));

    public void Serialize(Xunit.Abstractions.IXunitSerializationInfo info) => info.AddValue(nameof(Path), Path);

    public override string ToString() => Path;
}

/// <summary>The one data file of exclusions: example path → reason.</summary>
internal static class Exclusions
{
    public static IReadOnlyDictionary<string, string> All { get; } = ContractData.Load("ExcludedExamples.json");
}

/// <summary>Examples that still fail, with the observed reason: replayed, and expected to fail until fixed.</summary>
internal static class KnownFailures
{
    public static IReadOnlyDictionary<string, string> All { get; } = ContractData.Load("KnownFailures.json");
}

/// <summary>
/// Runs a replay or a round trip whose outcome a data file may predict: a listed case must still fail (so a fix is noticed and the entry
/// removed), any other must pass. <paramref name="record"/> tallies the outcome.
/// </summary>
internal static class ExpectedOutcome
{
    public static async Task CheckAsync(Task call, string name, IReadOnlyDictionary<string, string> knownFailures, string file, Action<bool> record)
    {
        if (knownFailures.TryGetValue(name, out var reason))
        {
            record(false);
            var failure = await Record.ExceptionAsync(() => call);
            Assert.True(failure is not null, $"{name} passes now; remove it from {file} (was: {reason}).");
            return;
        }
        try
        {
            await call;
            record(true);
        }
        catch
        {
            record(false);
            throw;
        }
    }
}

internal static class ContractData
{
    /// <summary>
    /// The entries of a listing that apply to the built version: a key <c>v1,v2:name</c> applies to the versions it names (a profile whose
    /// document lacks the cause), any other key to every version that has it.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Load(string fileName, string folder = "Contracts")
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in JObject.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, folder, fileName))).Properties().Where(p => !p.Name.StartsWith('$')))
        {
            var colon = property.Name.IndexOf(':');
            if (colon < 0)
                entries.Add(property.Name, (string)property.Value!);
            else if (property.Name[..colon].Split(',').Contains(RepositoryFiles.ApiVersion, StringComparer.Ordinal))
                entries.Add(property.Name[(colon + 1)..], (string)property.Value!);
        }
        return entries;
    }
}

/// <summary>
/// One stand-in server and connection for a class of replays, without retries (each case stubs one answer). A PAT reaches every profile,
/// on-premises ones included; the server-version check has tests of its own, and here would be one more request per connection.
/// </summary>
public class ReplayServer : IDisposable
{
    public ReplayServer()
    {
        Ado = new EmbeddedAdo();
        var options = EmbeddedAdo.CreateOptions();
        options.Retry.MaxRetries = 0;
        options.CheckServerVersion = false;
        Connection = new AdoConnection(Ado.OrganizationUrl, new Azure.AzureKeyCredential("replay-pat"), options);
    }

    public EmbeddedAdo Ado { get; }

    public AdoConnection Connection { get; }

    /// <summary>Replays <paramref name="contract"/>'s example (or <paramref name="served"/> as its answer) on a server cleared of earlier stubs.</summary>
    internal Task Replay(ContractCase contract, KeyValuePair<int, HttpExampleResponse>? served = null)
    {
        Ado.Server.Reset();
        return new ExampleReplay(contract, contract.Example, Ado.Server, Connection, served).RunAsync();
    }

    public virtual void Dispose()
    {
        Ado.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The server for all contract replays; tallies outcomes per area and writes the summary at the end.</summary>
public sealed class ContractFixture : ReplayServer
{
    private readonly Dictionary<string, (int Passed, int Failed)> _outcomes = new(StringComparer.Ordinal);

    internal void Record(ContractCase contract, bool passed)
    {
        lock (_outcomes)
        {
            var (p, f) = _outcomes.GetValueOrDefault(contract.Area.Name);
            _outcomes[contract.Area.Name] = passed ? (p + 1, f) : (p, f + 1);
        }
    }

    public override void Dispose()
    {
        var areas = _outcomes.Keys.Concat(ContractCase.NotFoundByArea.Keys).Concat(ContractCase.All.Values.Select(c => c.Area.Name)).Distinct().Order(StringComparer.Ordinal);
        var lines = new List<string> { $"Contract replay of ADO {RepositoryFiles.ApiVersion} examples (failed includes the known failures): area passed failed excluded not-found" };
        int totalPassed = 0, totalFailed = 0, totalExcluded = 0, totalNotFound = 0;
        foreach (var area in areas)
        {
            var (passed, failed) = _outcomes.GetValueOrDefault(area);
            var excluded = ContractCase.All.Values.Count(c => c.Area.Name == area && Exclusions.All.ContainsKey(c.ExamplePath));
            var notFound = ContractCase.NotFoundByArea.GetValueOrDefault(area);
            if (passed + failed + excluded + notFound == 0)
                continue;
            lines.Add($"  {area,-36} {passed,5} {failed,5} {excluded,5} {notFound,5}");
            (totalPassed, totalFailed, totalExcluded, totalNotFound) = (totalPassed + passed, totalFailed + failed, totalExcluded + excluded, totalNotFound + notFound);
        }
        lines.Add($"  {"total",-36} {totalPassed,5} {totalFailed,5} {totalExcluded,5} {totalNotFound,5}");
        var replayed = totalPassed + totalFailed;
        lines.Add($"  pass rate {100.0 * totalPassed / Math.Max(1, replayed):F1}% of the {replayed} replayed, {100.0 * totalPassed / Math.Max(1, replayed + totalExcluded):F1}% of all {replayed + totalExcluded} found");
        var moved = ContractCase.All.Values.Where(c => c.CitedBy is not null).ToList();
        lines.Add($"  {moved.Count} examples replayed through the operation their recorded method and URL fit, not the one citing them:");
        lines.AddRange(moved.OrderBy(c => c.ExamplePath, StringComparer.Ordinal).Select(c => $"    {c.ExamplePath}: {c.CitedBy} → {c.OperationId}"));
        File.WriteAllLines(Path.Combine(AppContext.BaseDirectory, $"contract-summary-{RepositoryFiles.ApiVersion}.txt"), lines);
        base.Dispose();
    }
}
