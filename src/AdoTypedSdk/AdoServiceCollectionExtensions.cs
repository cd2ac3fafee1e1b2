using AdoTypedSdk;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The generated ADO clients in a service container, sharing the container's one <see cref="AdoConnection"/>.</summary>
public static class AdoServiceCollectionExtensions
{
    /// <summary>
    /// Registers a connection to <paramref name="organizationUrl"/> with tokens from <paramref name="credential"/>, and every generated
    /// client. With Microsoft.Extensions.Azure, prefer <c>AddAzureClients(c =&gt; c.AddAdoConnection(...))</c> and <see cref="AddAdoClients"/>.
    /// </summary>
    public static IServiceCollection AddAdoConnection(this IServiceCollection services, Uri organizationUrl, TokenCredential credential, Action<AdoClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(organizationUrl);
        ArgumentNullException.ThrowIfNull(credential);
        services.TryAddSingleton(_ =>
        {
            var options = new AdoClientOptions();
            configure?.Invoke(options);
            return new AdoConnection(organizationUrl, credential, options);
        });
        return services.AddAdoClients();
    }

    /// <summary>
    /// Makes every generated client (<c>WorkItemsClient</c>, …) injectable; each is the container's <see cref="AdoConnection"/>'s own
    /// client. Clients are known once the assembly that generated them is loaded, as it is when this is called from that assembly.
    /// </summary>
    public static IServiceCollection AddAdoClients(this IServiceCollection services)
    {
        foreach (var client in AdoCatalog.Clients)
            services.TryAddTransient(client, provider => provider.GetRequiredService<AdoConnection>().GetClient(client));
        return services;
    }
}
