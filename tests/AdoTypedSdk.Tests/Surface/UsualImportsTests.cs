using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AdoTypedSdk.Tests.Surface;

/// <summary>
/// No name a user's usual imports make ambiguous: a file that imports every generated namespace of the version, the runtime's, and the
/// namespaces a .NET service and the Azure SDK's docs import names every generated public type, clients included, by its simple name,
/// and compiles without CS0104.
/// </summary>
public sealed class UsualImportsTests
{
    private static readonly string[] UsualImports =
    [
        "System", "System.Net", "System.IO", "System.Collections.Generic", "System.Threading", "System.Threading.Tasks", "System.Linq",
        "System.Net.Http", "Azure", "Azure.Core", "AdoTypedSdk",
    ];

    [Fact]
    public void Every_generated_type_is_named_by_its_simple_name_beside_the_usual_imports()
    {
        var generated = typeof(WorkItemTracking.WorkItemsClient).Assembly.GetExportedTypes()
            .Where(t => !t.IsNested && t.Namespace?.StartsWith("AdoTypedSdk.", StringComparison.Ordinal) == true).ToList();
        var usings = UsualImports.Concat(generated.Select(t => t.Namespace!)).Distinct().Order(StringComparer.Ordinal);
        var user = string.Concat(usings.Select(n => $"using {n};\n"))
            + "static class User\n{\n    static readonly System.Type[] Named =\n    [\n"
            + string.Concat(generated.Select(t => $"        typeof({t.Name.Split('`')[0]}{(t.IsGenericTypeDefinition ? "<" + new string(',', t.GetGenericArguments().Length - 1) + ">" : "")}),\n"))
            + "    ];\n}\n";

        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => path.Length > 0).Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create("User", [CSharpSyntaxTree.ParseText(user, new CSharpParseOptions(LanguageVersion.Latest), "User.cs")], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.GetMessage()).ToList();

        Assert.True(errors.Count == 0, $"{errors.Count} names are ambiguous or missing beside the usual imports:\n" + string.Join("\n", errors.Take(40)));
        Assert.Contains(generated, t => t.IsSubclassOf(typeof(AdoClientBase)));
        Assert.Contains(generated, t => t.Namespace == "AdoTypedSdk.Common");
    }
}
