using System.Web;
using AdoTypedSdk.Build;
using AdoTypedSdk.Testing;
using Azure;

namespace AdoTypedSdk.Tests.Customizations.Build;

/// <summary>A build log followed as the build writes it: every line once, in order, to the end.</summary>
public sealed class FollowBuildLogTests
{
    [Fact]
    public async Task A_log_that_grows_between_reads_is_read_to_the_end_with_no_line_lost_or_repeated()
    {
        var log = Enumerable.Range(1, 10).Select(i => $"line {i}").ToList();
        // The log as each read of the build finds it: not started, 3 lines, 7, then all 10 and the build completed.
        int[] written = [0, 3, 7, 10];
        var buildReads = 0;
        using var server = new FaultyAdo((_, request) =>
        {
            if (!request.Target.Contains("/logs/", StringComparison.Ordinal))
            {
                var read = Interlocked.Increment(ref buildReads);
                return Fault.Respond(200, $$"""{ "id": 1201, "status": "{{(read >= written.Length ? "completed" : "inProgress")}}" }""");
            }
            var have = written[Math.Min(buildReads, written.Length) - 1];
            if (have == 0)
                return Fault.Respond(404, """{ "message": "The log does not exist yet.", "typeKey": "BuildLogNotFoundException" }""");
            var start = int.Parse(HttpUtility.ParseQueryString(new Uri("https://x" + request.Target).Query)["startLine"] ?? "1");
            var lines = log.Take(have).Skip(start - 1).Select(l => $"\"{l}\"");
            return Fault.Respond(200, $$"""{ "count": {{lines.Count()}}, "value": [{{string.Join(", ", lines)}}] }""");
        });
        var builds = new AdoConnection(server.OrganizationUrl, new AzureKeyCredential("pat"), EmbeddedAdo.CreateOptions()).GetClient<BuildsClient>();

        var followed = await builds.FollowBuildLogAsync("Fabrikam", 1201, 4, TimeSpan.FromMilliseconds(10)).ToListAsync();

        Assert.Equal(log, followed);
        Assert.Equal(["1", "1", "4", "8"], server.Requests.Where(r => r.Target.Contains("/logs/", StringComparison.Ordinal))
            .Select(r => HttpUtility.ParseQueryString(new Uri("https://x" + r.Target).Query)["startLine"]));
    }

    [Fact]
    public async Task A_log_a_completed_build_does_not_have_is_an_error()
    {
        using var server = new FaultyAdo((_, request) => request.Target.Contains("/logs/", StringComparison.Ordinal)
            ? Fault.Respond(404, """{ "message": "Log 9 was not found.", "typeKey": "BuildLogNotFoundException" }""")
            : Fault.Respond(200, """{ "id": 1201, "status": "completed" }"""));
        var builds = new AdoConnection(server.OrganizationUrl, new AzureKeyCredential("pat"), EmbeddedAdo.CreateOptions()).GetClient<BuildsClient>();

        var missing = await Assert.ThrowsAsync<AdoApiException>(async () => await builds.FollowBuildLogAsync("Fabrikam", 1201, 9).ToListAsync());

        Assert.Equal(404, missing.Status);
    }
}
