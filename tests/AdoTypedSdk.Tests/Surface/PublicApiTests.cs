using System.ComponentModel;
using System.Reflection;
using AdoTypedSdk.Tests.Infrastructure;
using PublicApiGenerator;

namespace AdoTypedSdk.Tests.Surface;

/// <summary>
/// The committed listings in <c>api/</c> are the SDK's public surface, so that any change to it shows up as a diff in review, each kind on
/// its own: the runtime (<c>AdoTypedSdk.Runtime.cs</c>), the testing kit (<c>AdoTypedSdk.Testing.cs</c>) and the clients generated for every
/// area of a version (<c>AdoTypedSdk.ado-{version}.cs</c>). Accept a change by moving the <c>.received.cs</c> file a test writes over the listing.
/// </summary>
public class PublicApiTests
{
    private static readonly ApiGeneratorOptions Options = new() { ExcludeAttributes = ["System.Reflection.AssemblyMetadataAttribute"], AllowNamespacePrefixes = ["Microsoft.Extensions"] };

    [Fact]
    public void Runtime_surface_matches_its_listing() => AssertListing(typeof(AdoConnection).Assembly, "AdoTypedSdk.Runtime.cs");

    [Fact]
    public void Testing_kit_surface_matches_its_listing() => AssertListing(typeof(AdoTypedSdk.Testing.EmbeddedAdo).Assembly, "AdoTypedSdk.Testing.cs");

    [Fact]
    public void Generated_surface_matches_the_versions_listing() =>
        AssertListing(typeof(WorkItemTracking.WorkItemsClient).Assembly, $"AdoTypedSdk.ado-{RepositoryFiles.ApiVersion}.cs");

    /// <summary>
    /// What only generated code calls is in <c>AdoTypedSdk.GeneratedCode</c>, hidden from IntelliSense and outside the versioning promise;
    /// nothing else of the runtime is hidden, so what a user sees is what is supported.
    /// </summary>
    [Fact]
    public void Only_the_generated_code_namespace_is_hidden_and_all_of_it_is()
    {
        var types = typeof(AdoConnection).Assembly.GetExportedTypes();
        static bool Hidden(MemberInfo member) => member.GetCustomAttribute<EditorBrowsableAttribute>()?.State == EditorBrowsableState.Never;

        Assert.All(types.Where(t => t.Namespace == "AdoTypedSdk.GeneratedCode"), t => Assert.True(Hidden(t), $"{t.FullName} is not hidden"));
        Assert.All(types.Where(t => t.Namespace != "AdoTypedSdk.GeneratedCode"), t =>
        {
            Assert.False(Hidden(t), $"{t.FullName} is hidden outside AdoTypedSdk.GeneratedCode");
            Assert.DoesNotContain(t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly), Hidden);
        });
    }

    private static void AssertListing(Assembly assembly, string name)
    {
        var listing = Path.Combine(RepositoryFiles.Root, "api", name);
        var actual = assembly.GeneratePublicApi(Options).ReplaceLineEndings("\n");
        var expected = File.Exists(listing) ? File.ReadAllText(listing).ReplaceLineEndings("\n") : "";
        if (expected == actual)
            return;
        var received = Path.ChangeExtension(listing, ".received.cs");
        File.WriteAllText(received, actual);
        Assert.Fail($"The public API differs from {listing}. Review the difference with: diff {listing} {received}; accept it by moving the received file over the listing.");
    }
}
