using AdoTypedSdk;
using AdoTypedSdk.WorkItemTracking;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FunctionApp;

/// <summary><c>GET /api/workitems/{id}</c>: the work item as ADO sends it.</summary>
public sealed class GetWorkItem(WorkItemsClient workItems, IOptions<WorkItemSettings> settings, ILogger<GetWorkItem> logger)
{
    [Function(nameof(GetWorkItem))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "workitems/{id:int}")] HttpRequest request, int id, CancellationToken cancellationToken)
    {
        try
        {
            var item = await workItems.GetWorkItemAsync(id, settings.Value.Project, cancellationToken: cancellationToken);
            // The model carries its own System.Text.Json converter, so ASP.NET Core writes the JSON ADO sent (_links, fields, dates).
            return new OkObjectResult(item);
        }
        catch (AdoApiException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            return new NotFoundObjectResult(new ProblemDetails { Status = e.Status, Title = $"Work item {id} does not exist in {settings.Value.Project}." });
        }
        catch (AdoApiException e)
        {
            // ADO's ActivityId lets ADO support find the request; the message never holds the token.
            logger.LogError(e, "ADO answered {Status} for work item {Id} (ActivityId {ActivityId}).", e.Status, id, e.ActivityId);
            return new ObjectResult(new ProblemDetails { Status = StatusCodes.Status502BadGateway, Title = "Azure DevOps did not answer as expected." })
                { StatusCode = StatusCodes.Status502BadGateway };
        }
    }
}
