using AdoTypedSdk;
using AdoTypedSdk.Testing;
using AdoTypedSdk.WorkItemTracking;
using Azure.Identity;

// Reads work item 12 with a managed identity, through clients this project's own build generated. ADO and the identity endpoint are the
// loopback stand-ins of AdoTypedSdk.Testing, serving Microsoft's recording of the version this project chose.
using var identity = new ManagedIdentityEndpoint();
identity.UseForThisProcess();
using var ado = new EmbeddedAdo();
ado.Serve($"wit/{AdoConnection.ApiVersion}/httpExamples/workItems/GET__wit_WorkItems_id.json");

var credential = new ManagedIdentityCredential(new ManagedIdentityCredentialOptions { Transport = LoopbackTransport.Create() });
var connection = new AdoConnection(ado.OrganizationUrl, credential, EmbeddedAdo.CreateOptions());
var workItem = await connection.GetClient<WorkItemsClient>().GetWorkItemAsync(12, project: "Fabrikam-Fiber-Git");

Console.WriteLine($"ADO {AdoConnection.ApiVersion} work item {workItem.Id}: {workItem.Fields!["System.Title"]} ({workItem.Fields["System.State"]})");
Console.WriteLine($"Token requests: {identity.Requests.Count}");
var clients = typeof(WorkItemsClient).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(AdoClientBase))).ToList();
Console.WriteLine($"Generated clients in this assembly: {clients.Count}, {(clients.All(c => !c.IsPublic) ? "internal" : "public")}, in {string.Join(", ", clients.Select(c => c.Namespace).Distinct())}");
