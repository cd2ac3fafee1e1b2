using AdoTypedSdk.Git;
using AdoTypedSdk.Testing;
using Azure;

namespace AdoTypedSdk.Tests.GeneratedCalls;

/// <summary>A JSON body larger than ADO takes in one request is refused before anything is sent, with the limit named.</summary>
public sealed class RequestBodyLimitTests
{
    [Fact]
    public async Task A_push_over_the_request_limit_is_refused_with_no_request_sent()
    {
        using var server = new FaultyAdo((_, _) => Fault.Respond(201, "{}"));
        var pushes = new AdoConnection(server.OrganizationUrl, new AzureKeyCredential("pat"), EmbeddedAdo.CreateOptions()).GetClient<PushesClient>();
        var push = new GitPush();
        // File contents travel base64-encoded inside the JSON; any JSON of that size is the same to the limit.
        push.AdditionalProperties["contents"] = new string('A', AdoLimits.JsonRequestBodyBytes);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => pushes.CreatePushAsync(push, "fabrikam-web", "Fabrikam"));

        Assert.Equal("body", refused.ParamName);
        Assert.StartsWith("The body of Pushes.CreatePush is 26,214,415 bytes of JSON; ADO takes at most 26,214,400 bytes (25 MiB) in one request", refused.Message);
        Assert.Contains("a push into several pushes", refused.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_body_at_the_limit_is_sent()
    {
        using var server = new FaultyAdo((_, _) => Fault.Respond(201, "{}"));
        var pushes = new AdoConnection(server.OrganizationUrl, new AzureKeyCredential("pat"), EmbeddedAdo.CreateOptions()).GetClient<PushesClient>();
        var push = new GitPush();
        push.AdditionalProperties["contents"] = new string('A', AdoLimits.JsonRequestBodyBytes - 15);

        await pushes.CreatePushAsync(push, "fabrikam-web", "Fabrikam");

        Assert.Equal(AdoLimits.JsonRequestBodyBytes, Assert.Single(server.Requests).BodyLength);
    }
}
