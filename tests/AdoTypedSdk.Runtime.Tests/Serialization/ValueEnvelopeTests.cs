using AdoTypedSdk.Common;
using AdoTypedSdk.Tests.Infrastructure;
using Newtonsoft.Json;

namespace AdoTypedSdk.Runtime.Tests.Serialization;

/// <summary>ADO's <c>{count, value}</c> envelope around an answer that is one value.</summary>
public class ValueEnvelopeTests
{
    private static T Read<T>(string json) => JsonAnswer.Read<T>(json);

    [Fact]
    public void A_model_in_an_envelope_is_the_envelopes_value()
    {
        var reference = Read<TeamProjectReference>("""{ "count": 1, "value": { "name": "Fabrikam" } }""");

        Assert.Equal("Fabrikam", reference.Name);
    }

    [Fact]
    public void A_single_item_looked_up_may_come_as_an_enveloped_list_of_one()
    {
        var reference = Read<TeamProjectReference>("""{ "count": 1, "value": [ { "name": "Fabrikam" } ] }""");

        Assert.Equal("Fabrikam", reference.Name);
    }

    [Fact]
    public void A_text_in_an_envelope_is_the_envelopes_value()
    {
        var text = Read<string>("""{ "count": 1, "value": "done" }""");

        Assert.Equal("done", text);
    }

    private sealed class Tally
    {
        [JsonProperty("count")] public int? Count { get; set; }

        [JsonProperty("value")] public int? Value { get; set; }
    }

    [Fact]
    public void A_model_that_declares_count_or_value_is_read_as_it_is()
    {
        var tally = Read<Tally>("""{ "count": 2, "value": 5 }""");

        Assert.Equal((2, 5), (tally.Count, tally.Value));
    }

    [Fact]
    public void A_model_that_starts_with_count_but_is_no_envelope_keeps_its_properties()
    {
        var reference = Read<TeamProjectReference>("""{ "count": 1, "name": "Fabrikam" }""");

        Assert.Equal("Fabrikam", reference.Name);
        Assert.True(reference.AdditionalProperties.ContainsKey("count"));
    }
}
