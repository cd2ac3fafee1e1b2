using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace AdoTypedSdk.Build.Tests.Infrastructure;

/// <summary>
/// A service's project in a temporary folder outside the repository, using the package's build logic from source, as a consumer of
/// the package would: its build generates the areas it names. It references the SDK's projects in <see cref="SdkCopy"/>. Builds restore from the local packages folder only, so no test reaches
/// a package feed.
/// </summary>
public sealed class ServiceProject : IDisposable
{
    /// <summary>The repository this test runs from.</summary>
    public static string RepositoryRoot { get; } =
        typeof(ServiceProject).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    private readonly string _root = System.IO.Directory.CreateTempSubdirectory("ado-build-test").FullName;

    /// <param name="name">The project's (and its assembly's) name.</param>
    /// <param name="program">Its Program.cs.</param>
    /// <param name="properties">Its ADO properties, as project XML (<c>&lt;AdoAreas&gt;wiki&lt;/AdoAreas&gt;</c>).</param>
    /// <param name="items">Its ADO items, as project XML (<c>&lt;AdoArea Include="wiki" /&gt;</c>).</param>
    /// <param name="sdk">Its project SDK (<c>Microsoft.NET.Sdk.Web</c> for a web app).</param>
    public ServiceProject(string name, string program, string properties = "", string items = "", string sdk = "Microsoft.NET.Sdk")
    {
        Name = name;
        Directory = Path.Combine(_root, name);
        System.IO.Directory.CreateDirectory(Directory);
        var copy = SdkCopy.Root;
        var buildLogic = Path.Combine(copy, "src", "AdoTypedSdk", "build");
        // Above the project, as a repository's Directory.Build files are: the package's props and targets, the repository's pin.
        File.WriteAllText(Path.Combine(_root, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <AdoSpecLockFile>{Path.Combine(copy, "spec", "ado-specs.lock.json")}</AdoSpecLockFile>
                <AdoSpecSource>{SpecSource()}</AdoSpecSource>
              </PropertyGroup>
              <Import Project="{Path.Combine(buildLogic, "AdoTypedSdk.props")}" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(_root, "NuGet.config"), $"""
            <configuration>
              <packageSources>
                <clear />
                <add key="restored-packages" value="{PackagesFolder()}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(_root, "Directory.Build.targets"), $"""
            <Project>
              <Import Project="{Path.Combine(buildLogic, "AdoTypedSdk.targets")}" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(Directory, name + ".csproj"), $"""
            <Project Sdk="{sdk}">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                {items}
                <ProjectReference Include="{Path.Combine(copy, "src", "AdoTypedSdk", "AdoTypedSdk.csproj")}" />
                <ProjectReference Include="{Path.Combine(copy, "generator", "AdoTypedSdk.Generator", "AdoTypedSdk.Generator.csproj")}" AdoGenerator="true" ReferenceOutputAssembly="false" Private="false" SkipGetTargetFrameworkProperties="true" UndefineProperties="TargetFramework;RuntimeIdentifier" />
              </ItemGroup>
            </Project>
            """);
        WriteProgram(program);
    }

    public string Name { get; }

    public string Directory { get; }

    public string OutputDirectory => Path.Combine(Directory, "bin", "Debug", "net10.0");

    public string GenerationDirectory => Path.Combine(Directory, "obj", "ado", "net10.0", "7.1");

    public void WriteProgram(string program) => WriteFile("Program.cs", program);

    /// <summary>Writes a file of the project, relative to its folder.</summary>
    public void WriteFile(string relativePath, string text)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in the project's folder.</summary>
    public Run Dotnet(params string[] arguments) => RunDotnet(Directory, arguments);

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="folder"/>.</summary>
    public static Run RunDotnet(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // The test host's MSBuild settings belong to the test run, not to this build; no build servers outlive the test.
        foreach (var variable in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(variable);
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish within 10 minutes:\n{output}");
        }
        process.WaitForExit();
        return new Run($"dotnet {string.Join(' ', arguments)}", process.ExitCode, output.ToString());
    }

    /// <summary>Builds, and fails the test with the build's log when it does not succeed.</summary>
    public Run Build(params string[] arguments) => Dotnet(["build", .. arguments]).Succeeded();

    public void Dispose()
    {
        try { System.IO.Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
    }

    /// <summary>The pinned documents come from ADO_SPEC_SOURCE or the mirror beside the repository, never from the internet.</summary>
    private static string SpecSource()
    {
        var source = Environment.GetEnvironmentVariable("ADO_SPEC_SOURCE") is { Length: > 0 } set
            ? Path.GetFullPath(set, RepositoryRoot)
            : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "ado-specs"));
        return System.IO.Directory.Exists(source)
            ? source
            : throw new InvalidOperationException($"The build tests restore the pinned ADO documents from ADO_SPEC_SOURCE or {source}, and neither exists. Set ADO_SPEC_SOURCE to a folder in upstream layout.");
    }

    /// <summary>The packages the repository's own restore put in the global packages folder: every package the services need.</summary>
    private static string PackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}

/// <summary>One <c>dotnet</c> command: its exit code and everything it printed.</summary>
public sealed record Run(string Command, int ExitCode, string Output)
{
    public Run Succeeded() => ExitCode == 0 ? this : throw new Xunit.Sdk.XunitException($"{Command} exited with {ExitCode}:\n{Output}");

    /// <summary>The generation steps the build ran, by the lines they print ("AdoTypedSdk: generating …").</summary>
    public IReadOnlyList<string> AdoSteps() =>
        Output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("AdoTypedSdk: ", StringComparison.Ordinal)).Distinct().ToList();
}
