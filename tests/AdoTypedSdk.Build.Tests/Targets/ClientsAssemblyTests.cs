using System.IO.Compression;
using AdoTypedSdk.Build.Tests.Infrastructure;

namespace AdoTypedSdk.Build.Tests.Targets;

/// <summary>
/// A service with the wiki area public and the work-item area internal (an AdoArea item), its customizations included, built once: where the clients go, what an edit
/// of the service's own code rebuilds, and that publish, pack and design-time builds see the clients assembly. Everything runs in Debug:
/// this repository's generator is built per configuration, and a build with another generator regenerates (a package has one generator).
/// </summary>
[Collection(nameof(BuildCollection))]
public sealed class ClientsAssemblyTests(ClientsAssemblyTests.Service service) : IClassFixture<ClientsAssemblyTests.Service>
{
    private const string Program = """
        using System.Reflection;
        using AdoTypedSdk;

        // Read before any client type is touched: the service's assembly loads the clients assembly's catalog when it loads.
        Console.WriteLine($"ApiVersion={AdoConnection.ApiVersion}");
        var clients = typeof(AdoTypedSdk.WorkItemTracking.WorkItemsClient).Assembly;
        Console.WriteLine($"Clients assembly={clients.GetName().Name}");
        foreach (var group in clients.GetTypes().Where(t => t.IsSubclassOf(typeof(AdoClientBase)) || t.Namespace == "AdoTypedSdk.Common").GroupBy(t => t.Namespace).OrderBy(g => g.Key))
            Console.WriteLine($"{group.Key}={string.Join(",", group.Select(t => t.IsPublic ? "public" : "internal").Distinct())}");
        // A customization of the area compiles with it, and takes its access.
        Console.WriteLine($"WorkItemPatch={(typeof(AdoTypedSdk.WorkItemTracking.WorkItemPatch).IsPublic ? "public" : "internal")}");
        """;

    public sealed class Service : IDisposable
    {
        public Service()
        {
            Project = new ServiceProject("Service", Program,
                properties: "<AdoAreas>wiki</AdoAreas>",
                items: """<AdoArea Include="workItemTracking" Access="internal" />""");
            First = Project.Build();
        }

        public ServiceProject Project { get; }

        public Run First { get; }

        public void Dispose() => Project.Dispose();
    }

    private ServiceProject Project => service.Project;

    [Fact]
    public void The_first_build_generates_the_chosen_areas_and_compiles_them_into_an_assembly_of_their_own()
    {
        Assert.Equal(
            [
                "AdoTypedSdk: restoring the pinned ADO 7.1 documents (wiki,workItemTracking) from " + service.First.AdoSteps()[0].Split(" from ")[1],
                "AdoTypedSdk: repairing the ADO 7.1 documents (wiki, workItemTracking)",
                "AdoTypedSdk: generating ADO 7.1 clients with NSwag (wiki, workItemTracking)",
                "AdoTypedSdk: compiling the ADO 7.1 clients into Service.AdoClients.dll",
            ],
            service.First.AdoSteps());
        Assert.True(File.Exists(Path.Combine(Project.OutputDirectory, "Service.AdoClients.dll")));
        Assert.True(File.Exists(Path.Combine(Project.OutputDirectory, "Service.AdoClients.xml")), "IntelliSense needs the clients' docs beside them");
        Assert.Contains("\"Service.AdoClients.dll\"", File.ReadAllText(Path.Combine(Project.OutputDirectory, "Service.deps.json")));
    }

    [Fact]
    public void The_service_runs_with_its_areas_registered_and_only_the_work_item_area_and_its_customizations_internal()
    {
        var run = Project.Dotnet("bin/Debug/net10.0/Service.dll").Succeeded();

        Assert.Equal(
            [
                "ApiVersion=7.1",
                "Clients assembly=Service.AdoClients",
                "AdoTypedSdk.Common=public",
                "AdoTypedSdk.Wiki=public",
                "AdoTypedSdk.WorkItemTracking=internal",
                "WorkItemPatch=internal",
            ],
            run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void A_build_with_no_change_runs_no_generation_step() => Assert.Empty(Project.Build("--no-restore").AdoSteps());

    [Fact]
    public void An_edit_of_the_service_code_compiles_the_service_and_not_the_clients()
    {
        var clients = Path.Combine(Project.OutputDirectory, "Service.AdoClients.dll");
        var service = Path.Combine(Project.OutputDirectory, "Service.dll");
        var (clientsBefore, serviceBefore) = (File.GetLastWriteTimeUtc(clients), File.GetLastWriteTimeUtc(service));
        Project.WriteProgram(Program + "\n// an edit\n");

        var edit = Project.Build("--no-restore");

        Assert.Empty(edit.AdoSteps());
        Assert.Equal(clientsBefore, File.GetLastWriteTimeUtc(clients));
        Assert.NotEqual(serviceBefore, File.GetLastWriteTimeUtc(service));
    }

    [Fact]
    public void Publish_carries_the_clients_assembly_and_the_published_service_runs()
    {
        Project.Dotnet("publish", "--no-restore", "-c", "Debug", "-o", "published").Succeeded();

        var run = Project.Dotnet("published/Service.dll").Succeeded();

        Assert.Contains("ApiVersion=7.1", run.Output);
        Assert.True(File.Exists(Path.Combine(Project.Directory, "published", "Service.AdoClients.dll")));
    }

    [Fact]
    public void A_package_of_the_project_carries_the_clients_assembly_beside_its_own()
    {
        Project.Dotnet("pack", "--no-restore", "-c", "Debug", "-o", "feed", "-p:PackageVersion=1.0.0-test").Succeeded();

        using var package = ZipFile.OpenRead(Directory.GetFiles(Path.Combine(Project.Directory, "feed"), "Service.*.nupkg").Single());
        var lib = package.Entries.Select(e => e.FullName).Where(n => n.StartsWith("lib/", StringComparison.Ordinal)).Order().ToList();
        Assert.Contains("lib/net10.0/Service.AdoClients.dll", lib);
        Assert.Contains("lib/net10.0/Service.AdoClients.xml", lib);
        Assert.Contains("lib/net10.0/Service.dll", lib);
    }

    [Fact]
    public void A_design_time_build_references_the_clients_assembly_without_generating()
    {
        var run = Project.Dotnet("msbuild", "-t:ResolveReferences;FindReferenceAssembliesForReferences;AdoGenerateClients",
            "-p:DesignTimeBuild=true", "-getItem:ReferencePathWithRefAssemblies").Succeeded();

        Assert.Empty(run.AdoSteps());
        Assert.Contains("Service.AdoClients.dll", run.Output);
    }
}

[CollectionDefinition(nameof(BuildCollection))]
public sealed class BuildCollection;
