using System.Net;
using System.Text;
using AdoTypedSdk.Common;
using Newtonsoft.Json;

namespace AdoTypedSdk.Tests.Serialization;

/// <summary>ADO's <c>{count, value}</c> envelope around an answer that is one value.</summary>
public class ValueEnvelopeTests
{
    private static Task<(T Value, string Text)> ReadAsync<T>(string json)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        return AdoJson.ReadAsync<T>(response, new Dictionary<string, IEnumerable<string>>(), CancellationToken.None);
    }

    [Fact]
    public async Task A_model_in_an_envelope_is_the_envelopes_value()
    {
        var (reference, _) = await ReadAsync<TeamProjectReference>("""{ "count": 1, "value": { "name": "Fabrikam" } }""");

        Assert.Equal("Fabrikam", reference.Name);
    }

    [Fact]
    public async Task A_single_item_looked_up_may_come_as_an_enveloped_list_of_one()
    {
        var (reference, _) = await ReadAsync<TeamProjectReference>("""{ "count": 1, "value": [ { "name": "Fabrikam" } ] }""");

        Assert.Equal("Fabrikam", reference.Name);
    }

    [Fact]
    public async Task A_text_in_an_envelope_is_the_envelopes_value()
    {
        var (text, _) = await ReadAsync<string>("""{ "count": 1, "value": "done" }""");

        Assert.Equal("done", text);
    }

    private sealed class Tally
    {
        [JsonProperty("count")] public int? Count { get; set; }

        [JsonProperty("value")] public int? Value { get; set; }
    }

    [Fact]
    public async Task A_model_that_declares_count_or_value_is_read_as_it_is()
    {
        var (tally, _) = await ReadAsync<Tally>("""{ "count": 2, "value": 5 }""");

        Assert.Equal((2, 5), (tally.Count, tally.Value));
    }

    [Fact]
    public async Task A_model_that_starts_with_count_but_is_no_envelope_keeps_its_properties()
    {
        var (reference, _) = await ReadAsync<TeamProjectReference>("""{ "count": 1, "name": "Fabrikam" }""");

        Assert.Equal("Fabrikam", reference.Name);
        Assert.True(reference.AdditionalProperties.ContainsKey("count"));
    }
}
