using AdoTypedSdk.Build.Tests.Infrastructure;

namespace AdoTypedSdk.Build.Tests.Targets;

/// <summary>The errors of a bad choice of areas (a contradiction, an unknown area, a use of an area not generated), and what dotnet clean removes.</summary>
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
    public void A_use_of_an_area_the_build_did_not_generate_fails_with_an_error_that_names_AdoAreas()
    {
        using var project = new ServiceProject("MissingArea", "using AdoTypedSdk.Git;\n" + Program, properties: "<AdoAreas>wiki</AdoAreas>");

        var run = project.Dotnet("build");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("error CS0234: The type or namespace name 'Git' does not exist in the namespace 'AdoTypedSdk'", run.Output);
        Assert.Contains("error ADOGEN001: AdoTypedSdk: AdoTypedSdk.Git is the 'git' area, which this build does not generate (it generates: wiki). " +
            "Add git to AdoAreas, or <AdoArea Include=\"git\" />, and build again.", run.Output);
    }

    [Fact]
    public void Dotnet_clean_removes_what_generation_wrote()
    {
        using var project = new ServiceProject("Cleaned", Program, properties: "<AdoAreas>wiki</AdoAreas>");
        project.Build();
        Assert.True(File.Exists(Path.Combine(project.GenerationDirectory, "generated", "wiki.g.cs")));
        // A build without workItemTracking compiles without its customizations.
        Assert.False(Directory.Exists(Path.Combine(project.GenerationDirectory, "generated", "customizations", "workItemTracking")));

        project.Dotnet("clean").Succeeded();

        Assert.False(Directory.Exists(project.GenerationDirectory));
        Assert.False(File.Exists(Path.Combine(project.OutputDirectory, "Cleaned.AdoClients.dll")));
    }
}
