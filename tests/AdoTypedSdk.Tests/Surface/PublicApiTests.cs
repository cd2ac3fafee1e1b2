using AdoTypedSdk.Tests.Infrastructure;
using PublicApiGenerator;

namespace AdoTypedSdk.Tests.Surface;

/// <summary>
/// The committed listing <c>api/AdoTypedSdk.ado-{version}.cs</c> is the SDK's public surface: any change to it, generated or hand-written,
/// shows up as a diff in review. Accept a change by copying the <c>.received.cs</c> file this test writes over the listing.
/// </summary>
public class PublicApiTests
{
    [Fact]
    public void Public_surface_matches_the_committed_listing()
    {
        var listing = Path.Combine(RepositoryFiles.Root, "api", $"AdoTypedSdk.ado-{RepositoryFiles.ApiVersion}.cs");
        // The runtime library and the clients generated for every area: together, what a consumer that picks every area sees.
        var options = new ApiGeneratorOptions { ExcludeAttributes = ["System.Reflection.AssemblyMetadataAttribute"], AllowNamespacePrefixes = ["Microsoft.Extensions"] };
        var actual = string.Join("\n", new[] { typeof(AdoConnection).Assembly, typeof(WorkItemTracking.WorkItemsClient).Assembly }
            .Select(assembly => assembly.GeneratePublicApi(options).ReplaceLineEndings("\n")));

        var expected = File.Exists(listing) ? File.ReadAllText(listing).ReplaceLineEndings("\n") : "";
        if (expected != actual)
        {
            var received = Path.ChangeExtension(listing, ".received.cs");
            File.WriteAllText(received, actual);
            Assert.Fail($"The public API differs from {listing}. Review the difference with: diff {listing} {received}; accept it by moving the received file over the listing.");
        }
    }
}
