using AdoTypedSdk.Hooks;
using AdoTypedSdk.WorkItemTracking;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FunctionApp;

/// <summary>
/// <c>POST /api/hooks/workitems</c>: ADO's service hook for work items. On <c>workitem.updated</c> it reads the updated item with the
/// app's managed identity and logs what changed; every event is handled once, however often ADO delivers it.
/// </summary>
public sealed class WorkItemHook(ServiceHookReceiver receiver, WorkItemsClient workItems, IOptions<WorkItemSettings> settings, ILogger<WorkItemHook> logger)
{
    [Function(nameof(WorkItemHook))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "hooks/workitems")] HttpRequest request, CancellationToken cancellationToken)
    {
        var delivery = new ServiceHookRequest(name => request.Headers.TryGetValue(name, out var value) ? value.ToString() : null, request.Body, request.ContentLength);
        var receipt = await receiver.ReceiveAsync(delivery, HandleAsync, cancellationToken);
        if (receipt.WwwAuthenticate is { } challenge)
            request.HttpContext.Response.Headers.WWWAuthenticate = challenge;
        return new ObjectResult(new { message = receipt.Message }) { StatusCode = receipt.Status };
    }

    private async Task HandleAsync(ServiceHookEvent hookEvent, CancellationToken cancellationToken)
    {
        if (hookEvent.Resource is not WorkItemUpdate { WorkItemId: { } id } update)
        {
            logger.LogInformation("Ignored {EventType} event {EventId}.", hookEvent.EventType, hookEvent.Id);
            return;
        }
        var item = await workItems.GetWorkItemAsync(id, settings.Value.Project, cancellationToken: cancellationToken);
        var title = item.Fields is { } fields && fields.TryGetValue("System.Title", out var value) ? (string?)value : null;
        logger.LogInformation("Work item {WorkItemId} '{Title}' is at revision {Revision}; revision {UpdateRevision} changed {Fields}.",
            id, title, item.Rev, update.Rev, string.Join(", ", update.Fields?.Keys ?? []));
    }
}
