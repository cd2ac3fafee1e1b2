using AdoTypedSdk.Testing;
using AdoTypedSdk.Tests.Infrastructure;
using Azure;
using WireMock.RequestBuilders;

namespace AdoTypedSdk.Tests.Surface;

/// <summary>What a connection takes, by the profile the clients were generated for: run in every version's build.</summary>
public sealed class ProfileConnectionTests
{
    private static bool OnPremises => RepositoryFiles.ApiVersion.StartsWith("azure-devops-server-", StringComparison.Ordinal) || RepositoryFiles.ApiVersion.StartsWith("tfs-", StringComparison.Ordinal);

    [Fact]
    public void A_token_credential_is_refused_for_an_on_premises_profile_with_what_to_use_instead()
    {
        _ = typeof(WorkItemTracking.WorkItemsClient).Assembly.GetTypes(); // the generated catalog registers the profile
        var url = new Uri("https://tfs.contoso.local/tfs/DefaultCollection");

        if (OnPremises)
        {
            var error = Assert.Throws<ArgumentException>(() => new AdoConnection(url, new FakeCredential()));
            Assert.Contains("accepts no Microsoft Entra token", error.Message);
            Assert.Contains("AzureKeyCredential", error.Message);
            Assert.Contains("WithWindowsAuthentication", error.Message);
        }
        else
            Assert.Equal(url, new AdoConnection(url, new FakeCredential()).OrganizationUrl);
    }

    [Fact]
    public async Task A_work_item_is_read_over_a_collection_url_with_a_pat()
    {
        using var ado = new EmbeddedAdo("tfs/DefaultCollection");
        ado.Server.Given(Request.Create().UsingGet().WithPath("/tfs/DefaultCollection/Fabrikam/_apis/wit/workitems/12"))
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithHeader("Content-Type", "application/json").WithBody("""{ "id": 12, "fields": { "System.Title": "Epic 2" } }"""));
        var connection = new AdoConnection(ado.OrganizationUrl, new AzureKeyCredential("pat"), EmbeddedAdo.CreateOptions());

        var item = await connection.GetClient<WorkItemTracking.WorkItemsClient>().GetWorkItemAsync(12, project: "Fabrikam");

        Assert.Equal("Epic 2", (string?)item.Fields!["System.Title"]);
        Assert.Equal(OnPremises ? 1 : 0, ado.Server.LogEntries.Count(e => e.RequestMessage.Method == "OPTIONS"));
    }
}
