using AdoTypedSdk;
using Azure.Core.Extensions;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.Azure;

/// <summary>
/// Registers an <see cref="AdoConnection"/> with <c>services.AddAzureClients(...)</c> (Microsoft.Extensions.Azure), as the Azure SDK's
/// clients are: the credential is the builder's (<c>UseCredential</c>; <c>DefaultAzureCredential</c>, so a managed identity, unless
/// the host set another), Azure.Core's logs reach <c>ILogger</c>, and options bind from configuration. Add the generated clients to the
/// container with <see cref="Microsoft.Extensions.DependencyInjection.AdoServiceCollectionExtensions.AddAdoClients"/>.
/// </summary>
public static class AdoClientBuilderExtensions
{
    /// <summary>Registers a connection to <paramref name="organizationUrl"/>.</summary>
    public static IAzureClientBuilder<AdoConnection, AdoClientOptions> AddAdoConnection<TBuilder>(this TBuilder builder, Uri organizationUrl)
        where TBuilder : IAzureClientFactoryBuilderWithCredential
    {
        ArgumentNullException.ThrowIfNull(organizationUrl);
        return builder.RegisterClientFactory<AdoConnection, AdoClientOptions>((options, credential) => new AdoConnection(organizationUrl, credential, options));
    }

    /// <summary>
    /// Registers a connection described by configuration, e.g. the section <c>AzureDevOps</c> holding <c>"organizationUrl":
    /// "https://dev.azure.com/contoso"</c> and, optionally, options such as <c>"Retry": { "MaxRetries": 5 }</c> and a credential
    /// (<c>"credential": "managedidentity", "clientId": "…"</c>, as Microsoft.Extensions.Azure reads it). A missing section or
    /// <c>organizationUrl</c>, or a value that is not a URL, fails when the connection is first built (at startup, with
    /// <see cref="Microsoft.Extensions.DependencyInjection.AdoServiceCollectionExtensions.AddAdoClients"/>) with a message naming the key.
    /// </summary>
    public static IAzureClientBuilder<AdoConnection, AdoClientOptions> AddAdoConnection<TBuilder, TConfiguration>(this TBuilder builder, TConfiguration configuration)
        where TBuilder : IAzureClientFactoryBuilderWithConfiguration<TConfiguration>
    {
        var registered = builder.RegisterClientFactory<AdoConnection, AdoClientOptions>(configuration);
        // The options are made just before the connection, so the check runs first, and again whenever the configuration is read anew.
        return configuration is IConfiguration section
            ? registered.ConfigureOptions(_ => AdoConnectionConfiguration.Check(section))
            : registered;
    }
}
