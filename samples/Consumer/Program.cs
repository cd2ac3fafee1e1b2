using AdoTypedSdk;
using AdoTypedSdk.Testing;
using AdoTypedSdk.WorkItemTracking;
using Azure;
using Azure.Identity;

// Reads work item 12 through clients this project's own build generated, from a loopback stand-in of AdoTypedSdk.Testing serving
// Microsoft's recording of the version this project chose. A cloud version signs in with a managed identity (a loopback endpoint); an
// on-premises profile (azure-devops-server-*, tfs-*) reaches a collection URL with a personal access token.
var version = AdoConnection.ApiVersion!;
var onPremises = !char.IsAsciiDigit(version[0]);
using var identity = new ManagedIdentityEndpoint();
identity.UseForThisProcess();
using var ado = onPremises ? new EmbeddedAdo("tfs/DefaultCollection") : new EmbeddedAdo();
ado.Serve($"wit/{version}/httpExamples/workItems/GET__wit_WorkItems_id{(onPremises ? "-onprem" : "")}.json");

var connection = onPremises
    ? new AdoConnection(ado.OrganizationUrl, new AzureKeyCredential("consumer-pat"), EmbeddedAdo.CreateOptions())
    : new AdoConnection(ado.OrganizationUrl, new ManagedIdentityCredential(new ManagedIdentityCredentialOptions { Transport = LoopbackTransport.Create() }), EmbeddedAdo.CreateOptions());
var workItem = onPremises
    ? await connection.GetClient<WorkItemsClient>().GetWorkItemAsync(12)
    : await connection.GetClient<WorkItemsClient>().GetWorkItemAsync(12, project: "Fabrikam-Fiber-Git");

Console.WriteLine($"ADO {version} work item {workItem.Id}: {workItem.Fields!["System.Title"]} ({workItem.Fields["System.State"]})");
if (onPremises)
{
    var sent = ado.Server.LogEntries.Single(e => e.RequestMessage.Method == "GET").RequestMessage;
    Console.WriteLine($"Collection: {ado.OrganizationUrl}; sent {sent.Path} with {sent.Headers!["Authorization"].Single().Split(' ')[0]} authentication");
}
else
    Console.WriteLine($"Token requests: {identity.Requests.Count}");
var clientsAssembly = typeof(WorkItemsClient).Assembly;
var clients = clientsAssembly.GetTypes().Where(t => t.IsSubclassOf(typeof(AdoClientBase))).ToList();
Console.WriteLine($"Generated clients in {clientsAssembly.GetName().Name}: {clients.Count}, {(clients.All(c => !c.IsPublic) ? "internal" : "public")}, in {string.Join(", ", clients.Select(c => c.Namespace).Distinct())}");
