using AdoTypedSdk;
using Azure.Identity;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionApp;

/// <summary>
/// The app's ADO registration: one connection from the <c>AzureDevOps</c> settings, with the app's managed identity, and the
/// service-hook receiver.
/// </summary>
public static class AzureDevOpsRegistration
{
    /// <summary>
    /// Registers the connection and the generated clients. <paramref name="configure"/> adjusts the connection's options after
    /// configuration is bound (the tests use it to reach their loopback ADO).
    /// </summary>
    public static IServiceCollection AddAzureDevOps(this IServiceCollection services, IConfiguration configuration, Action<AdoClientOptions>? configure = null)
    {
        services.AddAzureClients(clients =>
        {
            clients.AddAdoConnection(configuration.GetSection("AzureDevOps")).ConfigureOptions(options => configure?.Invoke(options));
            // The function app's system-assigned identity; with a user-assigned one: ManagedIdentityId.FromUserAssignedClientId(clientId).
            clients.UseCredential(new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned));
        });
        services.AddAdoClients();
        services.AddOptions<WorkItemSettings>().Bind(configuration.GetSection("AzureDevOps")).ValidateDataAnnotations().ValidateOnStart();
        // The subscription's credentials (AzureDevOps:ServiceHooks:BasicUserName / BasicPassword); an in-memory IDistributedCache
        // remembers the events handled, unless the app registers a shared one (Redis) for several instances.
        services.AddAdoServiceHookReceiver(configuration.GetSection("AzureDevOps:ServiceHooks"));
        return services;
    }
}

/// <summary>The function's own settings, beside the connection's in the <c>AzureDevOps</c> section.</summary>
public sealed class WorkItemSettings
{
    /// <summary>The project whose work items the function reads (<c>AzureDevOps__project</c> in app settings).</summary>
    [System.ComponentModel.DataAnnotations.Required]
    public string Project { get; set; } = "";
}
