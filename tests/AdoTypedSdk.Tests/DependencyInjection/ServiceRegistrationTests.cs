using AdoTypedSdk.Git;
using AdoTypedSdk.Testing;
using AdoTypedSdk.Tests.Infrastructure;
using AdoTypedSdk.WorkItemTracking;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdoTypedSdk.Tests.DependencyInjection;

/// <summary>The SDK in a service container: Microsoft.Extensions.Azure's <c>AddAzureClients</c>, configuration, ILogger, injectable clients.</summary>
public sealed class ServiceRegistrationTests : IDisposable
{
    private const string Project = "Fabrikam-Fiber-Git";
    private readonly EmbeddedAdo _ado = new();

    public ServiceRegistrationTests() => _ado.Serve($"wit/{RepositoryFiles.ApiVersion}/httpExamples/workItems/GET__wit_WorkItems_id.json");

    private IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();

    [Fact]
    public async Task AddAzureClients_binds_the_connection_from_configuration_and_clients_share_it()
    {
        var configuration = Configuration(("AzureDevOps:organizationUrl", _ado.OrganizationUrl.ToString()), ("AzureDevOps:Retry:MaxRetries", "1"));
        var credential = new FakeCredential();
        var logs = new LogCapture();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddAzureClients(clients =>
        {
            clients.AddAdoConnection(configuration.GetSection("AzureDevOps")).ConfigureOptions(options => options.Transport = LoopbackTransport.Create());
            clients.UseCredential(credential);
        });
        services.AddAdoClients();
        using var provider = services.BuildServiceProvider();

        var workItems = provider.GetRequiredService<WorkItemsClient>();
        var item = await workItems.GetWorkItemAsync(12, project: Project);

        Assert.Equal(12, item.Id);
        Assert.Same(provider.GetRequiredService<AdoConnection>(), workItems.Connection);
        Assert.Same(workItems.Connection, provider.GetRequiredService<GitRepositoriesClient>().Connection);
        Assert.Equal(1, workItems.Connection.Options.Retry.MaxRetries);
        Assert.Equal(1, credential.Requests);
        // Azure.Core's request log reaches ILogger; the bearer token never does.
        Assert.Contains(logs.Entries, e => e.Category.StartsWith("Azure.Core", StringComparison.Ordinal) && e.Message.Contains("/_apis/wit/workitems/12"));
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("token-1"));
    }

    [Fact]
    public void A_base_address_override_for_an_unknown_area_fails_at_startup_naming_the_key_and_the_areas()
    {
        System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(typeof(WorkItemsClient).Module.ModuleHandle);
        var configuration = Configuration(("AzureDevOps:organizationUrl", _ado.OrganizationUrl.ToString()), ("AzureDevOps:BaseAddressOverrides:Relase", "https://proxy.example/"));
        var services = new ServiceCollection();
        services.AddAzureClients(clients =>
        {
            clients.AddAdoConnection(configuration.GetSection("AzureDevOps")).ConfigureOptions(options => options.Transport = LoopbackTransport.Create());
            clients.UseCredential(new FakeCredential());
        });
        services.AddAdoClients();
        using var provider = services.BuildServiceProvider();

        // What the host runs when it starts, before any request.
        var error = Assert.Throws<ArgumentException>(() => provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate());

        Assert.Contains("BaseAddressOverrides:Relase names no area", error.Message);
        Assert.Contains("Release", error.Message.Split("Areas:")[1]);
    }

    [Fact]
    public async Task Requests_can_go_through_a_named_client_of_IHttpClientFactory()
    {
        var configuration = Configuration(("AzureDevOps:organizationUrl", _ado.OrganizationUrl.ToString()));
        var seen = new List<Uri>();
        var services = new ServiceCollection();
        services.AddHttpClient("AzureDevOps")
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == LoopbackCertificate.Instance.Thumbprint })
            .AddHttpMessageHandler(() => new Recorder(seen));
        services.AddAzureClients(clients =>
        {
            clients.AddAdoConnection(configuration.GetSection("AzureDevOps"))
                .ConfigureOptions((options, provider) => options.Transport = new HttpClientTransport(provider.GetRequiredService<IHttpClientFactory>().CreateClient("AzureDevOps")));
            clients.UseCredential(new FakeCredential());
        });
        services.AddAdoClients();
        using var provider = services.BuildServiceProvider();

        var item = await provider.GetRequiredService<WorkItemsClient>().GetWorkItemAsync(12, project: Project);

        Assert.Equal(12, item.Id);
        Assert.EndsWith("/_apis/wit/workitems/12", Assert.Single(seen).AbsolutePath, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A handler of the named client, as a team's central handlers would be.</summary>
    private sealed class Recorder(List<Uri> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (seen)
                seen.Add(request.RequestUri!);
            return base.SendAsync(request, cancellationToken);
        }
    }

    [Fact]
    public async Task A_plain_registration_gives_injectable_clients()
    {
        var services = new ServiceCollection();
        services.AddAdoConnection(_ado.OrganizationUrl, new FakeCredential(), options => options.Transport = LoopbackTransport.Create());
        using var provider = services.BuildServiceProvider();

        var item = await provider.GetRequiredService<WorkItemsClient>().GetWorkItemAsync(12, project: Project);

        Assert.Equal(12, item.Id);
    }

    [Theory]
    [InlineData("AzureDevOps:Retry:MaxRetries", "1",
        "AdoTypedSdk: the configuration section 'AzureDevOps' has no organizationUrl (its keys: Retry). Set AzureDevOps:organizationUrl to your organization's URL, like https://dev.azure.com/<organization> (environment variable AzureDevOps__organizationUrl).")]
    [InlineData("AzureDevOps:organisationUrl", "https://dev.azure.com/contoso",
        "AdoTypedSdk: the configuration section 'AzureDevOps' has no organizationUrl (its keys: organisationUrl). 'organisationUrl' looks like a misspelling of it. Set AzureDevOps:organizationUrl to your organization's URL, like https://dev.azure.com/<organization> (environment variable AzureDevOps__organizationUrl).")]
    [InlineData("Other:organizationUrl", "https://dev.azure.com/contoso",
        "AdoTypedSdk: the configuration section 'AzureDevOps' is missing or empty, so the ADO connection has no organizationUrl. Add it, e.g. in appsettings.json: \"AzureDevOps\": { \"organizationUrl\": \"https://dev.azure.com/<organization>\" }, or set the environment variable AzureDevOps__organizationUrl.")]
    [InlineData("AzureDevOps:organizationUrl", "dev.azure.com/contoso",
        "AdoTypedSdk: AzureDevOps:organizationUrl is 'dev.azure.com/contoso', which is not an absolute https URL. Use your organization's URL, like https://dev.azure.com/<organization>, or an on-premises collection's, like https://tfs.contoso.local/tfs/DefaultCollection.")]
    public void A_configuration_without_a_usable_organization_url_fails_at_startup_naming_the_section_and_key(string key, string value, string message)
    {
        var services = new ServiceCollection();
        services.AddAzureClients(clients =>
        {
            clients.AddAdoConnection(Configuration((key, value)).GetSection("AzureDevOps"));
            clients.UseCredential(new FakeCredential());
        });
        services.AddAdoClients();
        using var provider = services.BuildServiceProvider();

        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate());

        Assert.Equal(message, error.Message);
    }

    public void Dispose() => _ado.Dispose();
}
