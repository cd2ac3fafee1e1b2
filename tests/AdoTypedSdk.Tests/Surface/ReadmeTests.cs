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
    public void Every_build_property_the_readme_offers_consumers_is_read_by_the_build_logic()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "README.md"));
        var section = readme[readme.IndexOf("## Use it in your service", StringComparison.Ordinal)..readme.IndexOf("## Setting up the identity", StringComparison.Ordinal)];
        var targets = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "src", "AdoTypedSdk", "build", "AdoTypedSdk.targets"));

        var offered = BuildProperty().Matches(section).Select(m => m.Groups[1].Value).ToHashSet();

        Assert.Superset(new HashSet<string> { "AdoApiVersion", "AdoAreas", "AdoClientAccessModifier", "AdoSpecLockFile", "AdoSpecSource" }, offered);
        Assert.All(offered, property => Assert.Contains($"$({property})", targets));
    }

    [GeneratedRegex("<(Ado[A-Za-z]+)>")]
    private static partial Regex BuildProperty();

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
