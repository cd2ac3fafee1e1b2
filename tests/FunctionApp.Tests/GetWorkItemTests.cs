using AdoTypedSdk;
using AdoTypedSdk.Testing;
using FunctionApp;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace FunctionApp.Tests;

/// <summary>
/// The reference scenario end to end, short of the Functions host: the app's own registration (<see cref="AzureDevOpsRegistration"/>),
/// its managed identity answered by a loopback token endpoint, ADO by the embedded server with Microsoft's recording of work item 12,
/// and the trigger's result written by ASP.NET Core's own executor, as the host writes it.
/// </summary>
[Collection(FunctionHost.Collection)]
public sealed class GetWorkItemTests(FunctionHost host)
{
    private const string Project = FunctionHost.Project;

    [Fact]
    public async Task Returns_the_work_item_json_ado_sent_with_a_managed_identity_token()
    {
        var (status, json) = await CallAsync(12);

        Assert.Equal(StatusCodes.Status200OK, status);
        // Dates compared as the text ADO sent: read without Json.NET's date parsing.
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(json)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        var returned = JToken.ReadFrom(reader);
        var recorded = host.Recording.Responses[200].Body!;
        Assert.True(JToken.DeepEquals(recorded, returned), $"The function returned:\n{json}\nADO sent:\n{recorded}");
        Assert.Equal("https://dev.azure.com/fabrikam/_apis/wit/workItems/12", (string?)returned["_links"]?["self"]?["href"]);
        Assert.Equal("Jamal Hartnett", (string?)returned["fields"]?["System.AssignedTo"]?["displayName"]);

        // The token came from the loopback managed-identity endpoint (the only one this process knows), for ADO's resource.
        Assert.NotEmpty(host.Identity.Requests);
        Assert.All(host.Identity.Requests, token => Assert.Equal(ManagedIdentityEndpoint.IdentityHeader, token.IdentityHeader));
        Assert.All(host.Identity.Requests, token => Assert.Equal("499b84ac-1321-427f-aa17-267ca6975798", token.Resource));
        var request = host.Ado.Server.LogEntries.Last(e => e.RequestMessage.AbsolutePath.EndsWith("/12", StringComparison.Ordinal)).RequestMessage;
        Assert.StartsWith("Bearer mi-token-system-", request.Headers!["Authorization"].Single(), StringComparison.Ordinal);
        Assert.Equal($"/fabrikam/{Project}/_apis/wit/workitems/12", request.AbsolutePath, ignoreCase: true);
    }

    [Fact]
    public async Task A_work_item_ado_does_not_know_is_a_404_naming_it()
    {
        var (status, json) = await CallAsync(404404);

        Assert.Equal(StatusCodes.Status404NotFound, status);
        Assert.Contains("Work item 404404 does not exist in Fabrikam-Fiber-Git.", json);
    }

    [Fact]
    public void A_missing_project_setting_fails_at_startup_naming_it()
    {
        var services = new ServiceCollection();
        services.AddAzureDevOps(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AzureDevOps:organizationUrl"] = host.Ado.OrganizationUrl.ToString() }).Build());
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WorkItemSettings>>().Value);

        Assert.Contains("Project", error.Message);
    }

    private Task<(int Status, string Json)> CallAsync(int id) => host.InvokeAsync<GetWorkItem>(
        request => (request.Method, request.Path) = ("GET", $"/api/workitems/{id}"),
        (function, request) => function.RunAsync(request, id, CancellationToken.None));
}
