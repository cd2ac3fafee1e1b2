using AdoTypedSdk.Build;
using AdoTypedSdk.Common;
using AdoTypedSdk.Git;
using AdoTypedSdk.Hooks;
using AdoTypedSdk.Pipelines;
using AdoTypedSdk.Release;
using AdoTypedSdk.WorkItemTracking;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Tests.Hooks;

/// <summary>
/// Each event type of the table read from a payload in the shape Microsoft documents (made-up values): its resource is the generated
/// model of the area that declares it, with the documented values in place.
/// </summary>
public sealed class ServiceHookEventTests
{
    private static ServiceHookEvent Read(string eventType)
    {
        using var body = File.OpenRead(PayloadPath(eventType));
        return ServiceHookEvent.Read(body);
    }

    internal static string PayloadPath(string eventType) => Path.Combine(AppContext.BaseDirectory, "Hooks", "Payloads", eventType + ".json");

    public static TheoryData<string> EventTypes => new(ServiceHookEventType.Known.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Every_event_type_of_the_table_reads_into_its_areas_model(string eventType)
    {
        var hookEvent = Read(eventType);
        var row = ServiceHookEventType.Known[eventType];

        Assert.Null(hookEvent.ResourceNote);
        Assert.Same(row, hookEvent.Type);
        Assert.Equal(row.ResourceVersion, hookEvent.ResourceVersion);
        Assert.StartsWith("https://learn.microsoft.com/azure/devops/service-hooks/events#", row.Source.ToString());
        // The table's model, or its area-qualified name where several areas declare that name (Git's Comment: GitComment).
        static void IsModel(string model, Type type) =>
            Assert.Contains(type.Name, new[] { model, type.Namespace![(type.Namespace!.LastIndexOf('.') + 1)..] + model });
        if (row.Resource is { } model)
            IsModel(model, hookEvent.Resource.GetType());
        else
            Assert.All(row.Parts!, part => IsModel(part.Value, ((ServiceHookResourceParts)hookEvent.Resource)[part.Key]!.GetType()));
    }

    [Fact]
    public void A_work_item_update_carries_its_field_changes_and_the_revision()
    {
        var hookEvent = Read("workitem.updated");

        var update = hookEvent.ResourceAs<WorkItemUpdate>();
        Assert.Equal(12, update.WorkItemId);
        Assert.Equal("Active", (string?)update.Fields!["System.State"].NewValue);
        Assert.Equal("New", (string?)update.Fields["System.State"].OldValue);
        Assert.Equal("e0020000-aaaa-4bbb-8ccc-dddddddddddd", hookEvent.Id);
        Assert.Equal("tfs", hookEvent.PublisherId);
        Assert.Equal(2, hookEvent.NotificationId);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 15, 27, 46, TimeSpan.Zero), hookEvent.CreatedDate);
        Assert.Equal("https://dev.azure.com/contoso/", hookEvent.ResourceContainers["project"].BaseUrl);
        Assert.StartsWith("Bug #12", hookEvent.Message!.Text);
    }

    [Fact]
    public void Pull_requests_pushes_builds_releases_and_runs_keep_their_documented_values()
    {
        Assert.Equal(41, Read("git.pullrequest.created").ResourceAs<GitPullRequest>().PullRequestId);
        Assert.Equal("refs/heads/main", Read("git.push").ResourceAs<GitPush>().RefUpdates!.Single().Name);
        Assert.Equal(3107, Read("build.complete").ResourceAs<AdoTypedSdk.Build.Build>().Id);
        Assert.Equal("Release-58", Read("ms.vss-release.release-created-event").ResourceAs<ReleaseCreatedEvent>().Release!.Name);
        Assert.Equal("Production", Read("ms.vss-release.deployment-completed-event").ResourceAs<DeploymentCompletedEvent>().Environment!.Name);

        var comment = Read("ms.vss-code.git-pullrequest-comment-event").ResourceAs<ServiceHookResourceParts>();
        // Git's Comment is GitComment in the versions where other areas declare a Comment too.
        var gitComment = comment.Get<object>("comment");
        Assert.Equal("AdoTypedSdk.Git", gitComment.GetType().Namespace);
        Assert.Equal("Looks good once the test passes.", (string?)((dynamic)gitComment).Content);
        Assert.Equal(41, comment.Get<GitPullRequest>("pullRequest").PullRequestId);
        var run = Read("ms.vss-pipelines.run-state-changed-event").ResourceAs<ServiceHookResourceParts>();
        Assert.Equal(3107, run.Get<Run>("run").Id);
        var pipeline = run.Get<object>("pipeline");
        Assert.Equal("AdoTypedSdk.Pipelines", pipeline.GetType().Namespace);
        Assert.Equal("Storefront CI", (string?)((dynamic)pipeline).Name);
    }

    [Fact]
    public void An_unknown_event_type_reads_with_its_resource_as_json()
    {
        var body = JObject.Parse(File.ReadAllText(PayloadPath("git.push")));
        body["eventType"] = "ms.vss-code.git-branch-policy-event";

        var hookEvent = ServiceHookEvent.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body.ToString())));

        Assert.IsAssignableFrom<JToken>(hookEvent.Resource);
        Assert.Null(hookEvent.Type);
        Assert.Equal("AdoTypedSdk does not type the resource of 'ms.vss-code.git-branch-policy-event' events.", hookEvent.ResourceNote);
        var error = Assert.Throws<InvalidOperationException>(() => hookEvent.ResourceAs<GitPush>());
        Assert.Contains("not a GitPush", error.Message);
    }

    [Theory]
    [InlineData("""{ "id": "1", "resource": {} }""", "The body is not a service-hook event: it has no eventType.")]
    [InlineData("""{ "eventType": "git.push" }""", "The body is not a service-hook event: it has no id, no resource.")]
    [InlineData("""[1, 2]""", "The body is JSON but not an object; a service-hook event is an object with eventType, id and resource.")]
    [InlineData("""{ "eventType": 3, "id": "1", "resource": {} }""", "The body is not a service-hook event: eventType and id must be strings.")]
    public void A_body_that_is_not_an_event_names_what_is_missing(string body, string message)
    {
        var error = Assert.Throws<ServiceHookFormatException>(() => ServiceHookEvent.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body))));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_body_that_is_not_json_says_so()
    {
        var error = Assert.Throws<ServiceHookFormatException>(() => ServiceHookEvent.Read(new MemoryStream("eventType=git.push"u8.ToArray())));

        Assert.StartsWith("The body is not JSON: ", error.Message);
    }
}
