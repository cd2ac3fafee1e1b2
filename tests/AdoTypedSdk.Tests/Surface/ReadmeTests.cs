using System.Text.RegularExpressions;
using AdoTypedSdk.Tests.Infrastructure;

namespace AdoTypedSdk.Tests.Surface;

public partial class ReadmeTests
{
    [Fact]
    public void Quickstart_in_the_readme_is_the_compiled_sample_and_stays_within_ten_lines()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "README.md")).ReplaceLineEndings("\n");
        var sample = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "samples", "Quickstart", "Program.cs")).ReplaceLineEndings("\n").Trim();

        var quickstart = CSharpBlock().Match(readme[readme.IndexOf("## Quickstart", StringComparison.Ordinal)..]).Groups[1].Value.Trim();

        Assert.Equal(sample, quickstart);
        Assert.True(quickstart.Split('\n').Length <= 10, $"the quickstart has {quickstart.Split('\n').Length} lines");
    }

    [Fact]
    public void Ci_runs_the_readmes_test_command()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "README.md"));
        var ci = File.ReadAllText(Path.Combine(RepositoryFiles.Root, ".ci", "run"));

        Assert.Contains("dotnet test AdoTypedSdk.sln", readme);
        Assert.Contains("dotnet test AdoTypedSdk.sln", ci);
    }

    [Fact]
    public void Every_build_property_the_docs_offer_consumers_is_read_by_the_build_logic()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "generation.md"));
        var section = page[page.IndexOf("## Build settings", StringComparison.Ordinal)..page.IndexOf("## API versions", StringComparison.Ordinal)];
        var targets = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "src", "AdoTypedSdk", "build", "AdoTypedSdk.targets"));

        var offered = BuildProperty().Matches(section).Select(m => m.Groups[1].Value).ToHashSet();

        Assert.Superset(new HashSet<string> { "AdoApiVersion", "AdoAreas", "AdoClientAccessModifier", "AdoSpecLockFile", "AdoSpecSource" }, offered);
        Assert.All(offered, property => Assert.Matches($@"\$\({property}[).]", targets));
        // The items the page offers beside the properties.
        Assert.Contains("<AdoArea Include=", section);
        Assert.Contains("@(AdoArea", targets);
    }

    [Fact]
    public void The_readme_is_short_and_every_page_it_links_exists()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "README.md"));

        Assert.True(readme.Split('\n').Length <= 150, $"the README has {readme.Split('\n').Length} lines");
        var links = Link().Matches(readme).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("docs/architecture.md", links);
        Assert.All(links, link => Assert.True(File.Exists(Path.Combine(RepositoryFiles.Root, link)), $"{link} does not exist"));
        Assert.All(Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "docs"), "*.md"),
            page => Assert.Contains("docs/" + Path.GetFileName(page), links));
    }

    [GeneratedRegex(@"\]\(((?:docs/)?[A-Za-z-]+\.md)\)")]
    private static partial Regex Link();

    [GeneratedRegex("<(Ado[A-Za-z]+)>")]
    private static partial Regex BuildProperty();

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
