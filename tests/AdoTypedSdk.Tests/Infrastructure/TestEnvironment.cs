using System.Runtime.CompilerServices;
using AdoTypedSdk.Testing;

namespace AdoTypedSdk.Tests.Infrastructure;

/// <summary>
/// Runs when the test assembly loads, before any test can create a credential: the process's managed identity points at a loopback
/// App Service-style token endpoint, and the IMDS fallback at a dead loopback port. The generated clients' assembly registers its areas
/// now, so tests that only ask <see cref="AdoConnection.Areas"/> see them.
/// </summary>
internal static class TestEnvironment
{
    public static ManagedIdentityEndpoint IdentityEndpoint { get; private set; } = null!;

    [ModuleInitializer]
    internal static void Initialize()
    {
        IdentityEndpoint = new ManagedIdentityEndpoint();
        IdentityEndpoint.UseForThisProcess();
        RuntimeHelpers.RunModuleConstructor(typeof(WorkItemTracking.WorkItemsClient).Module.ModuleHandle);
    }
}
