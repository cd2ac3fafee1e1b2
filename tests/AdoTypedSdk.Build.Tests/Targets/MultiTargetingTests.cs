using AdoTypedSdk.Build.Tests.Infrastructure;

namespace AdoTypedSdk.Build.Tests.Targets;

/// <summary>
/// A service that targets two frameworks: MSBuild builds them in parallel, so each generates and compiles its clients in a folder of its own,
/// and each output gets its framework's clients assembly.
/// </summary>
[Collection(nameof(BuildCollection))]
public sealed class MultiTargetingTests
{
    // Two frameworks this machine has the reference packs of (the runtime needs net10.0).
    private static readonly string[] Frameworks = ["net10.0", "net10.0-browser"];

    [Fact]
    public void Each_target_framework_generates_and_compiles_its_clients_in_its_own_folder()
    {
        using var project = new ServiceProject("Service", """
            Console.WriteLine($"ApiVersion={AdoTypedSdk.AdoConnection.ApiVersion} clients={typeof(AdoTypedSdk.WorkItemTracking.WorkItemsClient).Assembly.GetName().Name}");
            """,
            properties: $"""
                <TargetFramework></TargetFramework>
                <TargetFrameworks>{string.Join(';', Frameworks)}</TargetFrameworks>
                <AdoAreas>workItemTracking</AdoAreas>
                """);

        var build = project.Build();

        Assert.All(Frameworks, framework =>
        {
            Assert.True(File.Exists(Path.Combine(project.Directory, "obj", "ado", framework, "7.1", "assembly", "Debug", "Service.AdoClients.dll")), framework);
            Assert.True(File.Exists(Path.Combine(project.Directory, "bin", "Debug", framework, "Service.AdoClients.dll")), framework);
        });
        Assert.Equal(2, build.Output.Split('\n').Count(l => l.Contains("AdoTypedSdk: compiling the ADO 7.1 clients into Service.AdoClients.dll")));
        var run = project.Dotnet("exec", Path.Combine(project.Directory, "bin", "Debug", "net10.0", "Service.dll")).Succeeded();
        Assert.Contains("ApiVersion=7.1 clients=Service.AdoClients", run.Output);
    }
}
