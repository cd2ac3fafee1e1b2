using AdoTypedSdk.Common;
using AdoTypedSdk.WorkItemTracking;
using Newtonsoft.Json;

namespace AdoTypedSdk.Runtime.Tests.Serialization;

public class DictionaryEnvelopeConverterTests
{
    private static readonly JsonSerializerSettings Settings = AdoJsonTests.Configured();

    [Theory]
    [InlineData("""{ "count": 2, "value": { "Bug": { "id": 1 }, "Task": { "id": 2 } } }""")]
    [InlineData("""{ "Bug": { "id": 1 }, "Task": { "id": 2 } }""")]
    public void A_dictionary_response_accepts_the_envelope_and_a_bare_map(string json)
    {
        var items = JsonConvert.DeserializeObject<IDictionary<string, WorkItem>>(json, Settings)!;

        Assert.Equal(["Bug", "Task"], items.Keys);
        Assert.Equal(2, items["Task"].Id);
    }

    [Fact]
    public void A_map_whose_keys_only_look_like_an_envelope_is_read_as_it_is()
    {
        var items = JsonConvert.DeserializeObject<IDictionary<string, object>>("""{ "count": 5, "value": { "a": 1 } }""", Settings)!;

        Assert.Equal(["count", "value"], items.Keys);
    }

    [Fact]
    public void Dictionaries_inside_a_body_are_not_unwrapped()
    {
        var item = JsonConvert.DeserializeObject<WorkItem>("""{ "id": 1, "fields": { "count": 1, "value": { "x": 1 } } }""", Settings)!;

        Assert.Equal(["count", "value"], item.Fields!.Keys);
    }
}
