using AdoTypedSdk.Hooks;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="ServiceHookReceiver"/>.</summary>
public static class ServiceHookServiceCollectionExtensions
{
    /// <summary>
    /// Registers the receiver with options bound from <paramref name="configuration"/> (<c>BasicUserName</c>/<c>BasicPassword</c> or
    /// <c>SecretHeaderName</c>/<c>SecretHeaderValue</c>, <c>MaxBodyBytes</c>, <c>DeduplicationWindow</c>) and an in-memory
    /// <c>IDistributedCache</c> unless one is registered (register Redis's where several instances receive).
    /// </summary>
    public static IServiceCollection AddAdoServiceHookReceiver(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ServiceHookReceiverOptions>().Bind(configuration);
        services.AddDistributedMemoryCache();
        services.AddSingleton<ServiceHookReceiver>();
        return services;
    }
}
