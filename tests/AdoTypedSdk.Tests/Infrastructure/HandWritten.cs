using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AdoTypedSdk.Tests.Infrastructure;

/// <summary>
/// What the package's customizations add to the generated clients, read from the copies this version's build compiled (with this version's
/// names): the surface tests hold the generated code to the documents, and these are not from the documents.
/// </summary>
internal static class HandWritten
{
    private static readonly Lazy<(HashSet<string> Types, HashSet<string> Methods)> Declared = new(Read);

    /// <summary>The types the customizations declare, by their reflection names (<c>WorkItemField`1</c>).</summary>
    public static IReadOnlySet<string> Types => Declared.Value.Types;

    /// <summary>Whether <paramref name="method"/> is a customization's: same client, name and parameter names.</summary>
    public static bool Declares(MethodInfo method) =>
        Declared.Value.Methods.Contains($"{method.DeclaringType!.Name}.{method.Name}({string.Join(",", method.GetParameters().Select(p => p.Name))})");

    private static (HashSet<string>, HashSet<string>) Read()
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        var methods = new HashSet<string>(StringComparer.Ordinal);
        var copies = Path.GetFullPath(Path.Combine(RepositoryFiles.NormalizedRoot, "..", "generated", "customizations"));
        foreach (var file in Directory.EnumerateFiles(copies, "*.cs", SearchOption.AllDirectories))
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
            foreach (var type in root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
            {
                var partial = type.Modifiers.Any(SyntaxKind.PartialKeyword);
                if (!partial)
                    types.Add(type.Identifier.Text + (type is TypeDeclarationSyntax { TypeParameterList: { } generic } ? "`" + generic.Parameters.Count : ""));
                else if (type is TypeDeclarationSyntax declaration)
                    foreach (var method in declaration.Members.OfType<MethodDeclarationSyntax>().Where(m => m.Modifiers.Any(SyntaxKind.PublicKeyword)))
                        methods.Add($"{declaration.Identifier.Text}.{method.Identifier.Text}({string.Join(",", method.ParameterList.Parameters.Select(p => p.Identifier.Text))})");
            }
        }
        return (types, methods);
    }
}
