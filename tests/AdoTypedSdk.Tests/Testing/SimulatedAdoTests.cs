using System.Net;
using AdoTypedSdk.Testing;

namespace AdoTypedSdk.Tests.Testing;

/// <summary>The simulated ADO's stages, read with a plain HttpClient: warning headers, then a held 200, then 429 with TF400733.</summary>
public sealed class SimulatedAdoTests
{
    private static HttpRequestMessage Read(SimulatedAdo ado, int id, string identity = "Basic one") =>
        new(HttpMethod.Get, new Uri(ado.OrganizationUrl, $"fabrikam/_apis/wit/workitems/{id}")) { Headers = { { "Authorization", identity } } };

    private static double Seconds(HttpResponseMessage response, string header) =>
        double.Parse(Assert.Single(response.Headers.GetValues(header)), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Warns_past_half_the_budget_holds_what_the_window_can_take_soon_and_refuses_the_rest()
    {
        // A 10-TSTU budget in a window of 300 s / 300 = 1 s; ADO holds a request at most 30 s / 300 = 0.1 s.
        var ado = new SimulatedAdo(new SimulatedAdoOptions { Budget = 10, TimeScale = 300 });
        using var client = new HttpClient(ado.Handler);

        var quiet = await client.SendAsync(Read(ado, 1));
        for (var id = 2; id <= 4; id++)
            await client.SendAsync(Read(ado, id));
        var warned = await client.SendAsync(Read(ado, 5));
        for (var id = 6; id <= 10; id++)
            await client.SendAsync(Read(ado, id));
        var refused = await client.SendAsync(Read(ado, 11));

        Assert.Equal(HttpStatusCode.OK, quiet.StatusCode);
        Assert.False(quiet.Headers.Contains("X-RateLimit-Remaining"));
        Assert.Equal("Core", Assert.Single(warned.Headers.GetValues("X-RateLimit-Resource")));
        Assert.Equal("10", Assert.Single(warned.Headers.GetValues("X-RateLimit-Limit")));
        Assert.Equal("5", Assert.Single(warned.Headers.GetValues("X-RateLimit-Remaining")));
        Assert.True(Seconds(warned, "X-RateLimit-Reset") >= DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("TF400733", await refused.Content.ReadAsStringAsync());
        Assert.True(Seconds(refused, "Retry-After") > 0);
        Assert.Equal((11, 0, 1), (ado.Requests, ado.Delayed, ado.Refused));
    }

    [Fact]
    public async Task A_request_the_window_admits_within_the_longest_delay_is_held_and_answered_200_with_the_delay_and_retry_after()
    {
        // A window of 300 s / 600 = 0.5 s, and delays of up to 300 s / 600, so the request over budget is held until the first charge leaves.
        var ado = new SimulatedAdo(new SimulatedAdoOptions { Budget = 2, TimeScale = 600, MaxDelay = TimeSpan.FromMinutes(5) });
        using var client = new HttpClient(ado.Handler);
        await client.SendAsync(Read(ado, 1));
        await client.SendAsync(Read(ado, 2));

        var held = await client.SendAsync(Read(ado, 3));

        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        var delay = Seconds(held, "X-RateLimit-Delay");
        Assert.InRange(delay, 0.1, 0.5);
        // ADO's whole seconds: the delay rounded up.
        Assert.Equal("1", Assert.Single(held.Headers.GetValues("Retry-After")));
        Assert.Equal("0", Assert.Single(held.Headers.GetValues("X-RateLimit-Remaining")));
        Assert.Equal(1, ado.Delayed);
        Assert.Contains("\"System.Title\":\"Simulated work item 3\"", await held.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Each_identity_has_its_own_budget()
    {
        var ado = new SimulatedAdo(new SimulatedAdoOptions { Budget = 1, TimeScale = 1 });
        using var client = new HttpClient(ado.Handler);

        await client.SendAsync(Read(ado, 1, "Basic one"));
        var other = await client.SendAsync(Read(ado, 2, "Basic two"));
        var same = await client.SendAsync(Read(ado, 3, "Basic one"));

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, same.StatusCode);
    }

    [Theory]
    [InlineData(1000, 0.5, 200, 2)]
    [InlineData(400, 0.5, 200, 0)]
    [InlineData(401, 0.5, 200, 1)]
    [InlineData(1000, 1, 200, 4)]
    public void The_least_time_is_a_window_for_every_further_budget_of_requests(int requests, double cost, double budget, int windows)
    {
        var ado = new SimulatedAdo(new SimulatedAdoOptions { Budget = budget, TimeScale = 20 });

        Assert.Equal(TimeSpan.FromSeconds(15) * windows, ado.MinimumTime(requests, cost));
    }
}
