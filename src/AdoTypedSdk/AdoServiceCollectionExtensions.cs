using AdoTypedSdk;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
        services.TryAddSingleton(provider =>
        {
            var options = new AdoClientOptions { LoggerFactory = provider.GetService<ILoggerFactory>() };
            configure?.Invoke(options);
            return new AdoConnection(organizationUrl, credential, options);
        });
        return services.AddAdoClients();
    }

    /// <summary>
    /// Makes every generated client (<c>WorkItemsClient</c>, …) injectable; each is the container's <see cref="AdoConnection"/>'s own
    /// client. Clients are known once the assembly that generated them is loaded, as it is when this is called from that assembly.
    /// The connection is built when the host starts (its startup validation), so a bad configuration (a missing or non-https
    /// <c>organizationUrl</c>, an unknown area in <c>BaseAddressOverrides</c>) stops the app at startup, with a message naming the key,
    /// rather than at its first request. Connections registered with Microsoft.Extensions.Azure log through the host's <c>ILoggerFactory</c>.
    /// </summary>
    public static IServiceCollection AddAdoClients(this IServiceCollection services)
    {
        foreach (var client in AdoCatalog.Clients)
            services.TryAddTransient(client, provider => provider.GetRequiredService<AdoConnection>().GetClient(client));
        if (services.Any(s => s.ServiceType == typeof(IValidateOptions<ConnectionStartupCheck>)))
            return services;
        // Microsoft.Extensions.Azure makes each connection's options through the options system, by client name: every name gets the host's loggers.
        services.AddSingleton<IConfigureOptions<AdoClientOptions>>(provider =>
            new ConfigureNamedOptions<AdoClientOptions>(null, options => options.LoggerFactory ??= provider.GetService<ILoggerFactory>()));
        services.AddOptions<ConnectionStartupCheck>()
            .Validate<IServiceProvider>((_, provider) => Connect(provider) is not null)
            .ValidateOnStart();
        return services;
    }

    /// <summary>Builds the registered connection; the error of a bad configuration, not the DI container's wrapper of it.</summary>
    private static AdoConnection Connect(IServiceProvider provider)
    {
        try
        {
            return provider.GetRequiredService<AdoConnection>();
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is { } cause)
        {
            // Microsoft.Extensions.Azure builds the connection by reflection.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(cause);
            throw;
        }
    }

    /// <summary>The options type whose startup validation builds the connection.</summary>
    private sealed class ConnectionStartupCheck;
}
