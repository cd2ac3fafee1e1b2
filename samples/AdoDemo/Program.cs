using AdoTypedSdk;
using AdoTypedSdk.Build;
using AdoTypedSdk.Common;
using AdoTypedSdk.Core;
using AdoTypedSdk.Git;
using AdoTypedSdk.Testing;
using AdoTypedSdk.WorkItemTracking;
using Azure.Identity;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

// AdoTypedSdk demo: a managed identity reads a work item through the generated clients.
//   dotnet run --project samples/AdoDemo                      embedded ADO (Microsoft's recorded examples) and a loopback identity endpoint
//   dotnet run --project samples/AdoDemo -- --org https://dev.azure.com/contoso --project Fabrikam --work-item 157
//   dotnet run --project samples/AdoDemo -p:AdoApiVersion=azure-devops-server-7.0 -- --collection https://tfs.contoso.local/tfs/DefaultCollection
//       --pat-env ADO_PAT (or --windows-auth) --project Fabrikam --work-item 157
var options = DemoOptions.Parse(args);
if (options.Error is { } usage)
    return Fail(usage);
try
{
    return options.Organization is null ? await Embedded.RunAsync() : await RealOrganization.RunAsync(options);
}
catch (Exception e) when (DemoErrors.Explain(e) is { } explanation)
{
    return Fail(explanation);
}

static int Fail(string message)
{
    Console.Error.WriteLine("error: " + message);
    return 1;
}

/// <param name="Organization">An organization URL (<c>--org</c>) or an Azure DevOps Server collection URL (<c>--collection</c>).</param>
/// <param name="PatVariable">For a collection: the environment variable that holds a personal access token.</param>
/// <param name="WindowsAuthentication">For a collection: sign in as the process's Windows identity.</param>
internal sealed record DemoOptions(Uri? Organization, string? Project, int WorkItem, string? Error, string? PatVariable = null, bool WindowsAuthentication = false)
{
    private const string Usage = "Usage: AdoDemo [--org https://dev.azure.com/<org> | --collection <collection URL> (--pat-env <VARIABLE> | --windows-auth)] --project <project> --work-item <id>";

    public static DemoOptions Parse(string[] args)
    {
        Uri? organization = null;
        string? project = null, patVariable = null;
        var workItem = 0;
        bool collection = false, windows = false;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--org" or "--collection" when value is not null && Uri.TryCreate(value, UriKind.Absolute, out var url):
                    organization = url;
                    collection = args[i] == "--collection";
                    i++;
                    break;
                case "--pat-env" when value is not null: patVariable = value; i++; break;
                case "--windows-auth": windows = true; break;
                case "--project" when value is not null: project = value; i++; break;
                case "--work-item" when int.TryParse(value, out var id): workItem = id; i++; break;
                default: return new(null, null, 0, $"unexpected argument '{args[i]}'. {Usage}");
            }
        }
        if (organization is not null && (project is null || workItem <= 0))
            return new(null, null, 0, $"{(collection ? "--collection" : "--org")} needs --project <project> and --work-item <id>.");
        if (collection && (patVariable is null) == !windows)
            return new(null, null, 0, "--collection needs one way to sign in: --pat-env <VARIABLE> (a personal access token) or --windows-auth.");
        if (!collection && (patVariable is not null || windows))
            return new(null, null, 0, "--pat-env and --windows-auth are for an Azure DevOps Server collection (--collection).");
        return new(organization, project, workItem, null, patVariable, windows);
    }
}

internal static class Embedded
{
    private const string Project = "Fabrikam-Fiber-Git";

    public static async Task<int> RunAsync()
    {
        // The process's managed identity points at a loopback App Service endpoint before any credential exists.
        using var identityEndpoint = new ManagedIdentityEndpoint();
        identityEndpoint.UseForThisProcess();
        using var ado = new EmbeddedAdo();
        Console.WriteLine($"AdoTypedSdk demo: embedded Azure DevOps at {ado.OrganizationUrl} serving Microsoft's recorded examples;");
        Console.WriteLine($"managed identity from the loopback endpoint {identityEndpoint.Url}.");
        Console.WriteLine();

        var credential = new ManagedIdentityCredential(new ManagedIdentityCredentialOptions { Transport = LoopbackTransport.Create() });
        var connection = new AdoConnection(ado.OrganizationUrl, credential, EmbeddedAdo.CreateOptions());
        var workItems = connection.GetClient<WorkItemsClient>();
        // Microsoft's recordings of the version the clients were generated for (registered once a client exists).
        var version = AdoConnection.ApiVersion;
        ado.Serve($"wit/{version}/httpExamples/workItems/GET__wit_WorkItems_id.json");
        ado.Serve($"git/{version}/httpExamples/repositories/GET__git_repositories.json");
        ado.Serve($"core/{version}/httpExamples/projects/GET__projects.json");
        var created = ado.Serve($"wit/{version}/httpExamples/workItems/POST__wit_workitems_create.json");

        var workItem = await workItems.GetWorkItemAsync(12, project: Project);
        Summary.Print(workItem);

        var repositories = await connection.GetClient<GitRepositoriesClient>().GetRepositoriesAsync();
        Console.WriteLine($"Git repositories ({repositories.Count}):");
        foreach (var repository in repositories)
            Console.WriteLine($"  {repository.Name,-28} {repository.Project?.Name}  {repository.DefaultBranch}");
        Console.WriteLine();

        // GetProjectsAsync walks every page; ToListAsync gathers them.
        var projects = await connection.GetClient<ProjectsClient>().GetProjectsAsync().ToListAsync();
        Console.WriteLine($"Projects ({projects.Count}): {string.Join(", ", projects.Select(p => p.Name))}");
        Console.WriteLine();

        await BuildPages.WalkAsync(ado, connection);

        var createdProject = created.RequestUrl!.Segments[2].TrimEnd('/');
        var newItem = await workItems.CreateWorkItemAsync(
            [new JsonPatchOperation { Op = JsonPatchOperationType.Add, Path = "/fields/System.Title", Value = "Sample task" }],
            project: createdProject, type: "Task");
        Console.WriteLine($"Created work item {newItem.Id}: \"{newItem.Fields?["System.Title"]}\" ({newItem.Fields?["System.WorkItemType"]}, {newItem.Fields?["System.State"]})");
        Console.WriteLine();
        Console.WriteLine($"Token requests: {identityEndpoint.Requests.Count}");
        return 0;
    }
}

/// <summary>Paging: the embedded ADO answers the builds of a busy project in three pages, and the SDK walks them all.</summary>
internal static class BuildPages
{
    public static async Task WalkAsync(EmbeddedAdo ado, AdoConnection connection)
    {
        const string Project = "Fabrikam-Fiber-Git";
        var path = $"/{ado.Organization}/{Project}/_apis/build/builds";
        string?[] tokens = [null, "2026-11-20T10:15:00Z", "2026-11-13T08:00:00Z"];
        for (var page = 0; page < tokens.Length; page++)
        {
            var request = Request.Create().UsingGet().WithPath(path);
            request = tokens[page] is { } token ? request.WithParam("continuationToken", token) : request.WithParam("continuationToken", MatchBehaviour.RejectOnMatch);
            var builds = string.Join(", ", Enumerable.Range(page * 2 + 1, 2).Select(id => $$"""{ "id": {{id}}, "buildNumber": "20261120.{{id}}", "result": "succeeded" }"""));
            var reply = Response.Create().WithHeader("Content-Type", "application/json").WithBody($$"""{ "count": 2, "value": [ {{builds}} ] }""");
            ado.Server.Given(request).RespondWith(page + 1 < tokens.Length ? reply.WithHeader("x-ms-continuationtoken", tokens[page + 1]!) : reply);
        }

        Console.WriteLine("Builds, every page:");
        await foreach (var build in connection.GetClient<BuildsClient>().GetBuildsAsync(Project))
            Console.WriteLine($"  {build.Id} {build.BuildNumber} {build.Result}");
        var requests = ado.Server.LogEntries.Where(e => e.RequestMessage.Path == path).OrderBy(e => e.RequestMessage.DateTime).ToList();
        Console.WriteLine($"in {requests.Count} pages, requested as:");
        foreach (var entry in requests)
            Console.WriteLine($"  GET {new Uri(entry.RequestMessage.AbsoluteUrl).PathAndQuery}");
        Console.WriteLine();
    }
}

internal static class RealOrganization
{
    public static async Task<int> RunAsync(DemoOptions options)
    {
        // Managed identity when deployed; Azure CLI or Visual Studio sign-in on a developer machine.
        var clientOptions = new AdoClientOptions();
        clientOptions.Retry.MaxRetries = 1;
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(15);
        // Fail fast when no identity is available: one retry per credential, a short wait for developer tools.
        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            Retry = { MaxRetries = 1, Delay = TimeSpan.FromMilliseconds(200), NetworkTimeout = TimeSpan.FromSeconds(10) },
            CredentialProcessTimeout = TimeSpan.FromSeconds(10),
        });
        var connection = options switch
        {
            { PatVariable: { } variable } => new AdoConnection(options.Organization!, new Azure.AzureKeyCredential(
                Environment.GetEnvironmentVariable(variable) is { Length: > 0 } pat ? pat : throw new ArgumentException($"the environment variable {variable} holds no personal access token.")), clientOptions),
            { WindowsAuthentication: true } => AdoConnection.WithWindowsAuthentication(options.Organization!, options: clientOptions),
            _ => new AdoConnection(options.Organization!, credential, clientOptions),
        };
        var workItem = await connection.GetClient<WorkItemsClient>().GetWorkItemAsync(options.WorkItem, project: options.Project);
        Summary.Print(workItem);
        return 0;
    }
}

internal static class Summary
{
    public static void Print(WorkItem item)
    {
        string Field(string name) => item.Fields?.TryGetValue(name, out var value) == true ? Display(value) : "-";
        Console.WriteLine($"Work item {item.Id}");
        Console.WriteLine($"  Type:        {Field("System.WorkItemType")}");
        Console.WriteLine($"  Title:       {Field("System.Title")}");
        Console.WriteLine($"  State:       {Field("System.State")}");
        Console.WriteLine($"  Assigned to: {Field("System.AssignedTo")}");
        Console.WriteLine($"  Area:        {Field("System.AreaPath")}");
        Console.WriteLine($"  Iteration:   {Field("System.IterationPath")}");
        Console.WriteLine($"  Link:        {item.Url}");
        Console.WriteLine();
    }

    /// <summary>Identity fields are objects; show their display name.</summary>
    private static string Display(object? value) =>
        value is Newtonsoft.Json.Linq.JObject identity && identity["displayName"] is { } name ? name.ToString() : value?.ToString() ?? "-";
}

internal static class DemoErrors
{
    /// <summary>One line for the failures a user can act on; anything else keeps its stack trace.</summary>
    public static string? Explain(Exception e) => e switch
    {
        AdoAuthenticationException auth => auth.Message,
        AdoApiException { Status: 404 } notFound => $"not found (HTTP 404): {notFound.ServerMessage ?? "check the project name and work item id."}",
        AdoApiException api => api.Message,
        CredentialUnavailableException or AuthenticationFailedException =>
            "no credential available: deploy with a managed identity, or sign in with 'az login' or Visual Studio. (" + e.Message.Split('\n')[0].Trim() + ")",
        ArgumentException argument => argument.Message,
        HttpRequestException or Azure.RequestFailedException or TaskCanceledException =>
            "cannot reach the organization: " + e.Message.Split('\n')[0].Trim(),
        _ => null,
    };
}
