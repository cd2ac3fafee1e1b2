using System.Net;
using AdoTypedSdk.Pipeline;
using AdoTypedSdk.Testing;
using AdoTypedSdk.Tests.Infrastructure;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Request = WireMock.RequestBuilders.Request;

namespace AdoTypedSdk.Tests.OnPremises;

/// <summary>Connecting to an Azure DevOps Server collection: credentials confined to it, plain http only on request, the version check.</summary>
public sealed class ServerConnectionTests : IDisposable
{
    private readonly EmbeddedAdo _ado = new("tfs/DefaultCollection", serverApiVersion: "6.0");

    [Fact]
    public async Task A_pat_is_sent_as_basic_authentication_to_every_area_of_the_collection()
    {
        _ado.Server.Given(Request.Create().UsingGet()).RespondWith(WireMock.ResponseBuilders.Response.Create().WithBody("""{ "id": 12 }"""));
        var connection = new AdoConnection(_ado.OrganizationUrl, new AzureKeyCredential("my-pat"), EmbeddedAdo.CreateOptions());

        await connection.GetClient<WorkItemTracking.WorkItemsClient>().GetWorkItemAsync(12);
        await connection.GetClient<Release.ReleasesClient>().GetReleaseAsync("Fabrikam", 1);

        Assert.All(_ado.Server.LogEntries.Where(e => e.RequestMessage.Method == "GET"), entry =>
        {
            Assert.StartsWith("/tfs/DefaultCollection/", entry.RequestMessage.Path);
            Assert.Equal("Basic " + Convert.ToBase64String("my-pat"u8.ToArray().Prepend((byte)':').ToArray()), Assert.Single(entry.RequestMessage.Headers!["Authorization"]));
        });
    }

    [Fact]
    public void Windows_credentials_are_offered_to_the_collections_host_only()
    {
        var account = new NetworkCredential("builder", "secret", "CONTOSO");

        var credentials = AdoConnection.WindowsCredentials(new Uri("https://tfs.contoso.local/tfs/DefaultCollection"), account);

        Assert.Same(account, credentials.GetCredential(new Uri("https://tfs.contoso.local/tfs/DefaultCollection/_apis/wit/workitems/1"), "Negotiate"));
        Assert.Same(account, credentials.GetCredential(new Uri("https://tfs.contoso.local/other"), "NTLM"));
        Assert.Null(credentials.GetCredential(new Uri("https://elsewhere.contoso.local/tfs"), "Negotiate"));
        Assert.Null(credentials.GetCredential(new Uri("http://tfs.contoso.local/tfs"), "NTLM"));
    }

    [Fact]
    public void Windows_authentication_is_refused_for_azure_devops_services()
    {
        var error = Assert.Throws<ArgumentException>(() => AdoConnection.WithWindowsAuthentication(new Uri("https://dev.azure.com/contoso")));

        Assert.Contains("has no Windows authentication", error.Message);
    }

    [Fact]
    public void Plain_http_is_refused_unless_the_option_names_it_and_never_for_the_cloud()
    {
        var collection = new Uri("http://tfs.contoso.local:8080/tfs/DefaultCollection");

        var refused = Assert.Throws<ArgumentException>(() => new AdoConnection(collection, new AzureKeyCredential("pat")));
        var allowed = new AdoConnection(collection, new AzureKeyCredential("pat"), new AdoClientOptions { AllowHttpForOnPremisesCollection = true });
        var cloud = Assert.Throws<ArgumentException>(() => new AdoConnection(new Uri("http://contoso.visualstudio.com"), new AzureKeyCredential("pat"), new AdoClientOptions { AllowHttpForOnPremisesCollection = true }));

        Assert.Contains(nameof(AdoClientOptions.AllowHttpForOnPremisesCollection), refused.Message);
        Assert.Equal(collection, allowed.OrganizationUrl);
        Assert.DoesNotContain(nameof(AdoClientOptions.AllowHttpForOnPremisesCollection), cloud.Message);
    }

    [Fact]
    public async Task A_profile_newer_than_the_server_fails_the_first_call_with_the_profile_to_use_and_sends_nothing_else()
    {
        var pipeline = VersionCheckedPipeline("azure-devops-server-7.0");

        var first = await Assert.ThrowsAsync<AdoServerVersionException>(() => GetAsync(pipeline));
        var second = await Assert.ThrowsAsync<AdoServerVersionException>(() => GetAsync(pipeline));

        Assert.Contains("generated for azure-devops-server-7.0; this server supports up to 6.0 (Azure DevOps Server 2020): set AdoApiVersion to azure-devops-server-6.0", first.Message);
        Assert.Equal("azure-devops-server-6.0", first.SuggestedProfile);
        Assert.Same(first, second);
        var sent = Assert.Single(_ado.Server.LogEntries);
        Assert.Equal("OPTIONS", sent.RequestMessage.Method);
        Assert.Equal("/tfs/DefaultCollection/_apis/", sent.RequestMessage.Path);
    }

    [Theory]
    [InlineData("azure-devops-server-6.0")]
    [InlineData("azure-devops-server-5.0")]
    public async Task A_profile_the_server_accepts_reads_the_versions_once(string profile)
    {
        _ado.Server.Given(Request.Create().UsingGet()).RespondWith(WireMock.ResponseBuilders.Response.Create().WithBody("{}"));
        var pipeline = VersionCheckedPipeline(profile);

        await GetAsync(pipeline);
        await GetAsync(pipeline);

        Assert.Single(_ado.Server.LogEntries, e => e.RequestMessage.Method == "OPTIONS");
        Assert.Equal(2, _ado.Server.LogEntries.Count(e => e.RequestMessage.Method == "GET"));
    }

    [Fact]
    public async Task A_servers_refusal_of_the_version_names_the_profile_that_fits_it()
    {
        _ado.Server.Given(Request.Create().UsingGet()).RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(400).WithHeader("Content-Type", "application/json")
            .WithBody("""{ "message": "The requested REST API version of 7.1 is out of range for this server. The latest REST API version this server supports is 6.0.", "typeKey": "VssVersionOutOfRangeException" }"""));
        var connection = new AdoConnection(_ado.OrganizationUrl, new AzureKeyCredential("pat"), EmbeddedAdo.CreateOptions());

        var error = await Assert.ThrowsAsync<AdoApiException>(() => connection.GetClient<WorkItemTracking.WorkItemsClient>().GetWorkItemAsync(1));

        Assert.Contains("set AdoApiVersion to azure-devops-server-6.0 (Azure DevOps Server 2020)", error.Message);
    }

    private HttpPipeline VersionCheckedPipeline(string profile)
    {
        HttpPipeline? pipeline = null;
        pipeline = HttpPipelineBuilder.Build(EmbeddedAdo.CreateOptions(), [new AdoServerVersionPolicy(_ado.OrganizationUrl, profile, () => pipeline!)], [], new ResponseClassifier());
        return pipeline;
    }

    private async Task GetAsync(HttpPipeline pipeline)
    {
        using var message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Get;
        message.Request.Uri.Reset(new Uri(_ado.OrganizationUrl + "/_apis/wit/workitems/1"));
        await pipeline.SendAsync(message, CancellationToken.None);
    }

    public void Dispose() => _ado.Dispose();
}
