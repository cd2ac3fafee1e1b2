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

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
