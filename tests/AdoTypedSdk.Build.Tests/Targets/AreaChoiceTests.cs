using AdoTypedSdk.Build.Tests.Infrastructure;

namespace AdoTypedSdk.Build.Tests.Targets;

/// <summary>How AdoAreas and AdoArea items combine, the error for a contradiction, and what dotnet clean removes.</summary>
[Collection(nameof(BuildCollection))]
public sealed class AreaChoiceTests
{
    private const string Program = "System.Console.WriteLine(AdoTypedSdk.AdoConnection.ApiVersion);";

    [Fact]
    public void Two_accesses_for_one_area_fail_the_build_with_one_error_before_anything_is_restored()
    {
        using var project = new ServiceProject("Contradiction", Program,
            properties: "<AdoAreas>wiki</AdoAreas>",
            items: """<AdoArea Include="wiki" Access="internal" /><AdoArea Include="wiki" Access="public" />""");

        var run = project.Dotnet("build");

        Assert.NotEqual(0, run.ExitCode);
        var errors = run.Output.Split('\n').Where(l => l.Contains("error ADOGEN001", StringComparison.Ordinal)).Select(l => l.Trim()).Distinct().ToList();
        Assert.Single(errors);
        Assert.Contains("AdoTypedSdk: <AdoArea Include=\"wiki\"> is given Access=\"internal\" and Access=\"public\"; give each area one Access.", errors[0]);
        Assert.False(Directory.Exists(Path.Combine(project.GenerationDirectory, "specs", "specification")), "nothing is restored");
    }

    [Fact]
    public void An_unknown_area_in_AdoAreas_separated_by_pluses_names_it_and_the_valid_values()
    {
        using var project = new ServiceProject("Unknown", Program);

        var run = project.Dotnet("build", "-p:AdoAreas=wiki+wikki");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("AdoTypedSdk: unknown ADO area 'wikki' in AdoAreas for ADO 7.1. Valid values: accounts,", run.Output);
    }

    [Fact]
    public void Dotnet_clean_removes_what_generation_wrote()
    {
        using var project = new ServiceProject("Cleaned", Program, properties: "<AdoAreas>wiki</AdoAreas>");
        project.Build();
        Assert.True(File.Exists(Path.Combine(project.GenerationDirectory, "generated", "wiki.g.cs")));

        project.Dotnet("clean").Succeeded();

        Assert.False(Directory.Exists(project.GenerationDirectory));
        Assert.False(File.Exists(Path.Combine(project.OutputDirectory, "Cleaned.AdoClients.dll")));
    }
}
