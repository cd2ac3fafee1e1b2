using AdoTypedSdk.Git;
using AdoTypedSdk.Testing;
using Azure;

namespace AdoTypedSdk.Tests.Customizations.Git;

/// <summary>Import a repository and wait: the import request is read until it completes, fails or is abandoned.</summary>
public sealed class ImportRepositoryTests
{
    private static FaultyAdo Server(params string[] reads)
    {
        var count = 0;
        return new FaultyAdo((_, request) => request.Method == "POST"
            ? Fault.Respond(201, """{ "importRequestId": 5, "status": "queued" }""")
            : Fault.Respond(200, $$"""{ "importRequestId": 5, "status": "{{reads[Math.Min(Interlocked.Increment(ref count) - 1, reads.Length - 1)]}}", "detailedStatus": { "errorMessage": "The source repository could not be reached." } }"""));
    }

    private static ImportRequestsClient Imports(FaultyAdo server) =>
        new AdoConnection(server.OrganizationUrl, new AzureKeyCredential("pat"), EmbeddedAdo.CreateOptions()).GetClient<ImportRequestsClient>();

    private static readonly GitImportRequest Import = new() { Parameters = new() { GitSource = new() { Url = "https://github.com/contoso/web.git" } } };

    [Fact]
    public async Task An_import_is_read_until_it_completes()
    {
        using var server = Server("inProgress", "completed");

        var import = await Imports(server).CreateImportRequestAsync(WaitUntil.Started, Import, "Fabrikam", "web");
        await import.WaitForCompletionAsync(TimeSpan.FromMilliseconds(10), default);

        Assert.Equal(GitAsyncOperationStatus.Completed, import.Value.Status);
        Assert.StartsWith("/fabrikam/Fabrikam/_apis/git/repositories/web/importRequests/5", server.Requests[^1].Target);
    }

    [Fact]
    public async Task A_failed_import_ends_the_wait_with_ADOs_message()
    {
        using var server = Server("failed");

        var import = await Imports(server).CreateImportRequestAsync(WaitUntil.Started, Import, "Fabrikam", "web");
        var failure = await Assert.ThrowsAsync<RequestFailedException>(async () => await import.WaitForCompletionAsync(TimeSpan.FromMilliseconds(10), default));

        Assert.StartsWith("Import 5 into repository web of Fabrikam (5) ended Failed: The source repository could not be reached.", failure.Message);
    }
}
