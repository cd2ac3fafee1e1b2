using AdoTypedSdk.Generator.Tests.Infrastructure;
using AdoTypedSdk.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Tests.Emission;

/// <summary>
/// Generated code in review: the clients and models of a made-up document (<c>GeneratedClients/sample.json</c>: a pageable list, a JSON
/// body, a header parameter, a download, an upload and a 204 result) are committed as <c>GeneratedClients/sample.cs</c>. A change of a
/// template or a rule shows up there as C#. Accept a change by moving the <c>.received.cs</c> file this test writes over it.
/// </summary>
public sealed class GeneratedClientsTests
{
    private static string Folder => Path.Combine(RepositoryFiles.Root, "tests", "AdoTypedSdk.Generator.Tests", "Emission", "GeneratedClients");

    [Fact]
    public void The_sample_documents_generated_clients_are_the_committed_ones_and_compile()
    {
        using var harness = new GenerationHarness("7.1");
        harness.AddDocument("specification/sample/7.1/sample.json", JObject.Parse(File.ReadAllText(Path.Combine(Folder, "sample.json"))));

        harness.Generate();

        Assert.Empty(harness.Compile());
        var actual = File.ReadAllText(Path.Combine(harness.GeneratedDirectory, "sample.g.cs")).ReplaceLineEndings("\n");
        var committed = Path.Combine(Folder, "sample.cs");
        if (File.Exists(committed) && File.ReadAllText(committed).ReplaceLineEndings("\n") == actual)
            return;
        File.WriteAllText(Path.ChangeExtension(committed, ".received.cs"), actual);
        Assert.Fail($"The generated code differs from {committed}. Review it with: diff {committed} {Path.ChangeExtension(committed, ".received.cs")}; accept it by moving the received file over the committed one.");
    }
}
