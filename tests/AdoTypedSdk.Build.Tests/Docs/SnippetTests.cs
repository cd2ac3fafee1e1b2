using AdoTypedSdk.Build.Tests.Infrastructure;

namespace AdoTypedSdk.Build.Tests.Docs;

/// <summary>
/// Every C# block of the README and docs/ compiles as written (with the usings it shows and the givens its annotation names), in a web
/// service built from the package's build logic; blocks marked <c>runs</c> also run; blocks that show a sample's lines match the sample.
/// </summary>
public sealed class SnippetTests(SnippetService service) : IClassFixture<SnippetService>
{
    public static TheoryData<string> Compiled => Ids(s => s.From is null);

    public static TheoryData<string> Runnable => Ids(s => s.Runs);

    public static TheoryData<string> FromSamples => Ids(s => s.From is not null);

    [Theory, MemberData(nameof(Compiled))]
    public void Compiles_without_warnings(string id)
    {
        service.EnsureBuilt();
        var diagnostics = service.DiagnosticsOf(service[id]);
        Assert.True(diagnostics.Count == 0, string.Join('\n', diagnostics));
    }

    [Theory, MemberData(nameof(Runnable))]
    public void Runs(string id)
    {
        service.EnsureBuilt();
        var snippet = service[id];
        Assert.True(service.Built, "The snippets' service did not build; the failing Compiles_without_warnings cases say why.");
        var run = service.RunSnippet(snippet).Succeeded();
        Assert.Contains($"{snippet.ClassName} ran.", run.Output);
        Assert.All(snippet.Prints, text => Assert.Contains(text, run.Output));
    }

    [Theory, MemberData(nameof(FromSamples))]
    public void Shows_lines_of_its_sample(string id)
    {
        var snippet = service[id];
        var sample = File.ReadAllLines(Path.Combine(ServiceProject.RepositoryRoot, snippet.From!)).Select(Code).Where(l => l.Length > 0).ToList();
        var next = 0;
        foreach (var line in snippet.Code.Select(Code).Where(l => l.Length > 0))
        {
            var found = sample.IndexOf(line, next);
            Assert.True(found >= 0, $"{snippet.Id}: '{line}' is not in {snippet.From} (after line {next} of its code).");
            next = found + 1;
        }
    }

    /// <summary>A line without its indentation and comment, for comparing a block with its sample.</summary>
    private static string Code(string line) => System.Text.RegularExpressions.Regex.Replace(line, @"(^|\s)//\s.*$", "").Trim();

    private static TheoryData<string> Ids(Func<DocSnippet, bool> which) =>
        new(DocSnippet.ReadAll(ServiceProject.RepositoryRoot).Where(which).Select(s => s.Id));
}
