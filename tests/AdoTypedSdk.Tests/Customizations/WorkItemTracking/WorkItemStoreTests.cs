using AdoTypedSdk.Testing;
using AdoTypedSdk.WorkItemTracking;
using Azure;

namespace AdoTypedSdk.Tests.Customizations.WorkItemTracking;

/// <summary>An embedded ADO holding work items, and a connection to it; each test class gets its own.</summary>
public abstract class WorkItemStoreTests : IDisposable
{
    protected WorkItemStoreTests()
    {
        Store = new EmbeddedWorkItems(Ado);
        // A personal access token: the on-premises profiles accept no Microsoft Entra token, and these tests run for them too.
        Connection = new AdoConnection(Ado.OrganizationUrl, new AzureKeyCredential("pat"), EmbeddedAdo.CreateOptions());
    }

    protected EmbeddedAdo Ado { get; } = new();

    protected EmbeddedWorkItems Store { get; }

    protected AdoConnection Connection { get; }

    protected WorkItemsClient WorkItems => Connection.GetClient<WorkItemsClient>();

    protected WiqlClient Wiql => Connection.GetClient<WiqlClient>();

    /// <summary>The requests of one kind (<c>workitems?</c>, <c>/wiql</c>) the store answered.</summary>
    protected List<EmbeddedWorkItems.RecordedRequest> RequestsTo(string pathPart) =>
        Store.Requests.Where(r => r.PathAndQuery.Contains(pathPart, StringComparison.OrdinalIgnoreCase)).ToList();

    public void Dispose()
    {
        Ado.Dispose();
        GC.SuppressFinalize(this);
    }
}
