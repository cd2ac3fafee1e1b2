using System.Diagnostics;
using System.Reflection;
using AdoTypedSdk.Generator.Pinning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Tests.Infrastructure;

/// <summary>
/// The build's generation steps on documents a test chose or made, in a folder of its own: the generator's normalize command, NSwag (the
/// package's tool, run as the build runs it: <c>nswag run</c> over the <c>.nswag</c> files), and the C# compiler over the output, with the
/// runtime library as the only reference beside the framework.
/// </summary>
internal sealed class GenerationHarness : IDisposable
{
    private readonly List<string> _documents = [];

    public GenerationHarness(string apiVersion) => ApiVersion = apiVersion;

    public string ApiVersion { get; }

    public string Root { get; } = Directory.CreateTempSubdirectory("ado-generation-").FullName;

    private string SpecRoot => Path.Combine(Root, "specs");

    public string NormalizedDirectory => Path.Combine(Root, "normalized");

    public string GeneratedDirectory => Path.Combine(Root, "generated");

    /// <summary>
    /// Adds a document under its upstream path (<c>specification/build/7.1/build.json</c>). The recorded examples of its folder in
    /// <paramref name="examplesFrom"/> come with it, as a restore puts them beside it.
    /// </summary>
    public void AddDocument(string documentPath, JObject document, string? examplesFrom = null)
    {
        var file = Path.Combine(SpecRoot, documentPath);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, document.ToString(Formatting.None));
        _documents.Add(documentPath);
        var examples = examplesFrom is null ? null : Path.Combine(examplesFrom, Path.GetDirectoryName(documentPath)!, "httpExamples");
        var copy = Path.Combine(Path.GetDirectoryName(file)!, "httpExamples");
        if (examples is null || !Directory.Exists(examples) || Directory.Exists(copy))
            return;
        foreach (var example in Directory.EnumerateFiles(examples, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(examples, example));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(example, target);
        }
    }

    /// <summary>Writes a file beside the documents (a recording), at a path relative to <c>specs/</c>.</summary>
    public void AddFile(string relativePath, string text)
    {
        var file = Path.Combine(SpecRoot, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
    }

    /// <summary>Normalizes the documents and generates the C# files: the generated files, by name.</summary>
    public IReadOnlyList<string> Generate(string accessModifier = "public")
    {
        File.WriteAllLines(Path.Combine(SpecRoot, SpecRestorer.DocumentListFileName), _documents);
        Commands.Normalize(SpecRoot, ApiVersion, NormalizedDirectory, GeneratedDirectory, accessModifier);
        RunNSwag();
        return Directory.EnumerateFiles(GeneratedDirectory, "*.cs").Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Compiles the generated files as a generating project does (nullable, latest C#, warnings as errors): its errors and warnings.</summary>
    public IReadOnlyList<Diagnostic> Compile() =>
        Compilation().GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    /// <summary>The generated files, with <paramref name="sources"/> beside them (code that uses the generated types), as a compilation.</summary>
    public CSharpCompilation Compilation(params string[] sources)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = Directory.EnumerateFiles(GeneratedDirectory, "*.cs")
            .Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), parse, file))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, parse, "ImplicitUsings.cs"))
            .Concat(sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, parse, $"Source{i}.cs")));
        return CSharpCompilation.Create("Generated", trees, References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, generalDiagnosticOption: ReportDiagnostic.Error,
                // As the .NET SDK does: assembly-version unification is not the generated code's business.
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));
    }

    // The SDK's implicit usings, which a consumer's project has.
    private const string ImplicitUsings = "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";

    /// <summary>The framework and the runtime library (with its dependencies): what this test process runs on.</summary>
    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => path.Length > 0 && !Path.GetFileName(path).StartsWith("AdoTypedSdk.Generator", StringComparison.Ordinal))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList());

    private void RunNSwag()
    {
        var nswag = typeof(GenerationHarness).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NSwagDirectory").Value!;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = NormalizedDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(nswag, "dotnet-nswag.dll"));
        start.ArgumentList.Add("run");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"nswag run exited with {process.ExitCode}: {errors}{output.Result}");
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
