using AdoTypedSdk;
using AdoTypedSdk.WorkItemTracking;
using Azure.Identity;

var ado = new AdoConnection(new Uri("https://dev.azure.com/contoso"), new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned));
var workItem = await ado.GetClient<WorkItemsClient>().GetWorkItemAsync(157, project: "Fabrikam");
Console.WriteLine(workItem.Fields!["System.Title"]);
