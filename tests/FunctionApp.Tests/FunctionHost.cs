using AdoTypedSdk.Testing;
using AdoTypedSdk.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionApp.Tests;

/// <summary>
/// The app as the host would build it, with the app's own registration (<see cref="AzureDevOpsRegistration"/>): its managed identity
/// answered by a loopback token endpoint, ADO by the embedded server with Microsoft's recording of work item 12.
/// </summary>
public sealed class FunctionHost : IDisposable
{
    /// <summary>The tests of the app share one host: its identity endpoint is the process's.</summary>
    public const string Collection = "Function app";

    public const string Project = "Fabrikam-Fiber-Git";
    public const string HookUser = "ado-hooks";
    public const string HookPassword = "a-long-random-secret-for-tests";

    public FunctionHost()
    {
        Identity.UseForThisProcess();
        Recording = Ado.Serve($"wit/{GeneratedSpecs.ApiVersion}/httpExamples/workItems/GET__wit_WorkItems_id.json");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureDevOps:organizationUrl"] = Ado.OrganizationUrl.ToString(),
            ["AzureDevOps:project"] = Project,
            ["AzureDevOps:ServiceHooks:BasicUserName"] = HookUser,
            ["AzureDevOps:ServiceHooks:BasicPassword"] = HookPassword,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Logs));
        services.AddMvcCore();
        services.AddAzureDevOps(configuration, options => options.Transport = LoopbackTransport.Create());
        services.AddTransient<GetWorkItem>();
        services.AddTransient<WorkItemHook>();
        Services = services.BuildServiceProvider();
    }

    public ManagedIdentityEndpoint Identity { get; } = new();

    public EmbeddedAdo Ado { get; } = new();

    public HttpExample Recording { get; }

    /// <summary>What the app logged.</summary>
    internal LogCapture Logs { get; } = new();

    public ServiceProvider Services { get; }

    /// <summary>
    /// Calls a trigger as the host would, in a request scope, and writes its result with ASP.NET Core's executor: status and body text.
    /// </summary>
    public async Task<(int Status, string Body)> InvokeAsync<TFunction>(Action<HttpRequest> request, Func<TFunction, HttpRequest, Task<IActionResult>> run)
        where TFunction : notnull
    {
        using var scope = Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        request(context.Request);
        var body = new MemoryStream();
        context.Response.Body = body;

        var result = await run(scope.ServiceProvider.GetRequiredService<TFunction>(), context.Request);
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));

        return (context.Response.StatusCode, System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }

    public void Dispose()
    {
        Services.Dispose();
        Ado.Dispose();
        Identity.Dispose();
    }
}


[CollectionDefinition(FunctionHost.Collection)]
public sealed class FunctionHostCollection : ICollectionFixture<FunctionHost>;
