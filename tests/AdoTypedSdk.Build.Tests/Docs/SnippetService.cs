using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AdoTypedSdk.Build.Tests.Infrastructure;

namespace AdoTypedSdk.Build.Tests.Docs;

/// <summary>
/// One web service outside the repository that holds every C# block of the README and docs/ as a source file, with the areas they need
/// and the packages the docs name, built once. <c>#line</c> directives point each block's diagnostics at its Markdown file and line.
/// </summary>
public sealed class SnippetService : IDisposable
{
    /// <summary>Packages the docs tell readers to add, at the versions the repository restores (so the build restores offline).</summary>
    private static readonly string[] NamedPackages = ["OpenTelemetry.Extensions.Hosting", "OpenTelemetry.Instrumentation.AspNetCore", "Moq"];

    private static readonly Regex Using = new(@"^using\s+[\w.]+(\s*=\s*[\w.]+)?\s*;\s*(//.*)?$");
    private static readonly Regex Diagnostic = new(@"^\s*(?<file>[^\s(][^(]*)\((?<line>\d+),\d+\): (?<kind>error|warning) (?<id>\w+): (?<message>.*?)( \[[^\]]*\])?$");

    private readonly ServiceProject _project;
    private readonly Lazy<Run> _build;

    public SnippetService()
    {
        Snippets = DocSnippet.ReadAll(ServiceProject.RepositoryRoot);
        var areas = string.Join(';', Snippets.SelectMany(s => s.Areas).Distinct().Order(StringComparer.Ordinal));
        var packages = string.Concat(NamedPackages.Select(p => $"""<PackageReference Include="{p}" Version="{PinnedVersion(p)}" />"""));
        var testing = Path.Combine(SdkCopy.Root, "src", "AdoTypedSdk.Testing", "AdoTypedSdk.Testing.csproj");
        _project = new ServiceProject("DocSnippets", Program(), properties: $"<AdoAreas>{areas}</AdoAreas>",
            items: $"""{packages}<ProjectReference Include="{testing}" />""", sdk: "Microsoft.NET.Sdk.Web");
        foreach (var snippet in Snippets.Where(s => s.From is null))
            _project.WriteFile(Path.Combine("Snippets", snippet.ClassName + ".cs"), Source(snippet));
        _build = new(() => _project.Dotnet("build"));
    }

    public IReadOnlyList<DocSnippet> Snippets { get; }

    public DocSnippet this[string id] => Snippets.Single(s => s.Id == id);

    /// <summary>The build's errors and warnings within <paramref name="snippet"/>'s lines, once each.</summary>
    public IReadOnlyList<string> DiagnosticsOf(DocSnippet snippet) =>
        Diagnostics().Where(d => d.File == snippet.File && d.Line >= snippet.Line && d.Line <= snippet.LastLine)
            .Select(d => $"{d.File}({d.Line}): {d.Id}: {d.Message}").Distinct().ToList();

    /// <summary>Fails when the build failed for a reason outside every snippet (the service itself), so no snippet passes by accident.</summary>
    public void EnsureBuilt()
    {
        var build = _build.Value;
        if (build.ExitCode != 0 && !Diagnostics().Any(d => Snippets.Any(s => s.File == d.File)))
            throw new Xunit.Sdk.XunitException($"The snippets' service did not build, for a reason outside the snippets:\n{build.Output}");
    }

    public bool Built => _build.Value.ExitCode == 0;

    /// <summary>Runs <paramref name="snippet"/>'s method in the built service.</summary>
    public Run RunSnippet(DocSnippet snippet) =>
        _project.Dotnet("exec", Path.Combine(_project.OutputDirectory, _project.Name + ".dll"), snippet.ClassName);

    public void Dispose() => _project.Dispose();

    private IEnumerable<(string File, int Line, string Id, string Message)> Diagnostics() =>
        _build.Value.Output.Split('\n').Select(l => Diagnostic.Match(l.TrimEnd('\r'))).Where(m => m.Success)
            .Select(m => (Path.GetRelativePath(ServiceProject.RepositoryRoot, m.Groups["file"].Value).Replace('\\', '/'), int.Parse(m.Groups["line"].Value), m.Groups["id"].Value, m.Groups["message"].Value));

    /// <summary>A block as a source file: its usings first, then its statements in a method whose parameters are its givens, or its types.</summary>
    private static string Source(DocSnippet snippet)
    {
        var usings = LeadingUsings(snippet).Count();
        var text = new StringBuilder();
        var file = Path.Combine(ServiceProject.RepositoryRoot, snippet.File);
        text.AppendLine($"#line {snippet.Line} \"{file}\"");
        foreach (var line in snippet.Code.Take(usings))
            text.AppendLine(line);
        text.AppendLine("#line default");
        text.AppendLine("namespace DocSnippets");
        text.AppendLine("{");
        if (!snippet.DeclaresTypes)
        {
            text.AppendLine($"internal static class {snippet.ClassName}");
            text.AppendLine("{");
            text.AppendLine($"public static async System.Threading.Tasks.Task RunAsync({snippet.Given})");
            text.AppendLine("{");
            text.AppendLine("await System.Threading.Tasks.Task.CompletedTask;");
        }
        text.AppendLine($"#line {snippet.Line + usings} \"{file}\"");
        foreach (var line in snippet.Code.Skip(usings))
            text.AppendLine(line);
        text.AppendLine("#line default");
        text.AppendLine(snippet.DeclaresTypes ? "}" : "}\n}\n}");
        return text.ToString();
    }

    private static IEnumerable<string> LeadingUsings(DocSnippet snippet) => snippet.Code.TakeWhile(l => Using.IsMatch(l) || l.Trim().Length == 0);

    /// <summary>Calls the snippet named by the first argument, with an embedded ADO's connection and clients for its givens.</summary>
    private string Program()
    {
        var cases = new StringBuilder();
        foreach (var snippet in Snippets.Where(s => s.Runs))
        {
            var arguments = snippet.Given.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => p.Split(' ')).Select(parameter => parameter[0] switch
                {
                    "AdoConnection" or "AdoTypedSdk.AdoConnection" => "connection",
                    "string" => Literal("doc-snippet-" + parameter[1]),
                    var type when type.EndsWith("Client", StringComparison.Ordinal) => $"connection.GetClient<{type}>()",
                    var type => throw new FormatException($"{snippet.Id}: runs, but the harness has no value for a given {type}; give it an AdoConnection, clients or strings, or drop 'runs'."),
                });
            cases.AppendLine($"""    case "{snippet.ClassName}":""");
            foreach (var answer in snippet.Answers)
                cases.AppendLine($"""        Answer("{answer.Method}", "{answer.Path}", {Literal(answer.Json)});""");
            cases.AppendLine($"""        await DocSnippets.{snippet.ClassName}.RunAsync({string.Join(", ", arguments)});""");
            cases.AppendLine("        EnsureAnswered();");
            cases.AppendLine("        break;");
        }
        // The runnable snippets' own usings name their givens' types.
        var usings = Snippets.Where(s => s.Runs).SelectMany(LeadingUsings).Where(l => l.Trim().Length > 0)
            .Concat(["using AdoTypedSdk;", "using AdoTypedSdk.Testing;"]).Distinct();
        return $$"""
            {{string.Join("\n", usings)}}

            // Each run gets an embedded ADO that answers what the snippet's annotation says, and 404 to anything else.
            using var ado = new EmbeddedAdo();
            var answers = new List<(string Method, string Path)>();
            var connection = new AdoConnection(ado.OrganizationUrl, new Azure.AzureKeyCredential("doc-snippet-pat"), EmbeddedAdo.CreateOptions());
            switch (args[0])
            {
            {{cases}}    default: throw new ArgumentException($"No runnable snippet {args[0]}.");
            }
            Console.WriteLine($"{args[0]} ran.");

            void Answer(string method, string path, string json)
            {
                answers.Add((method, $"/{ado.Organization}/{path}"));
                ado.Server.Given(WireMock.RequestBuilders.Request.Create().UsingMethod(method).WithPath($"/{ado.Organization}/{path}"))
                    .RespondWith(WireMock.ResponseBuilders.Response.Create().WithHeader("Content-Type", "application/json; charset=utf-8").WithBody(json));
            }

            // A snippet that runs without making the calls it is documented with proves nothing.
            void EnsureAnswered()
            {
                foreach (var (method, path) in answers)
                    if (!ado.Server.LogEntries.Any(e => e.RequestMessage.Method == method && e.RequestMessage.Path == path))
                        throw new InvalidOperationException($"{args[0]} never sent {method} {path}; it sent: " + string.Join(", ", ado.Server.LogEntries.Select(e => e.RequestMessage.Method + " " + e.RequestMessage.Path)));
            }
            """;
    }

    private static string Literal(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string PinnedVersion(string package) =>
        XDocument.Load(Path.Combine(ServiceProject.RepositoryRoot, "Directory.Packages.props")).Descendants("PackageVersion")
            .SingleOrDefault(p => (string?)p.Attribute("Include") == package)?.Attribute("Version")?.Value
        ?? throw new InvalidOperationException($"Directory.Packages.props pins no version of {package}, which the docs name.");
}
