using System.Runtime.Serialization;
using AdoTypedSdk.Common;
using AdoTypedSdk.GeneratedCode;
using AdoTypedSdk.Serialization;
using AdoTypedSdk.WorkItemTracking;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Runtime.Tests.Serialization;

/// <summary>
/// Values of another kind than a model declares, read into generated models and into made-up ones shaped as the generator writes them:
/// none fails the answer, each is kept in <c>AdditionalProperties</c> and written back as it came.
/// </summary>
public class MisfitValueTests
{
    public enum Shade
    {
        [EnumMember(Value = "light")] Light,
        [EnumMember(Value = "dark")] Dark,
    }

    [JsonConverter(typeof(AdoModelConverter))]
    public class Sample
    {
        [JsonProperty("retries", NullValueHandling = NullValueHandling.Ignore)] public byte? Retries { get; set; }
        [JsonProperty("blockData", NullValueHandling = NullValueHandling.Ignore)] public byte[]? BlockData { get; set; }
        [JsonProperty("count", NullValueHandling = NullValueHandling.Ignore)] public int? Count { get; set; }
        [JsonProperty("ratio", NullValueHandling = NullValueHandling.Ignore)] public double? Ratio { get; set; }
        [JsonProperty("enabled", NullValueHandling = NullValueHandling.Ignore)] public bool? Enabled { get; set; }
        [JsonProperty("shade", NullValueHandling = NullValueHandling.Ignore), JsonConverter(typeof(StringEnumConverter))] public Shade? Shade { get; set; }

        private IDictionary<string, object>? _additionalProperties;

        [JsonExtensionData]
        public IDictionary<string, object> AdditionalProperties { get => _additionalProperties ??= new Dictionary<string, object>(); set => _additionalProperties = value; }
    }

    /// <summary>A base the document declares without properties; ADO sends its derived shapes.</summary>
    [JsonConverter(typeof(AdoModelConverter))]
    [System.Text.Json.Serialization.JsonConverter(typeof(AdoModelSystemTextJsonConverter))]
    public class ProviderData
    {
        private IDictionary<string, object>? _additionalProperties;

        [JsonExtensionData]
        public IDictionary<string, object> AdditionalProperties { get => _additionalProperties ??= new Dictionary<string, object>(); set => _additionalProperties = value; }
    }

    [Fact]
    public void Declared_values_are_read_as_their_types()
    {
        var sample = Read("""{ "retries": 6, "blockData": "AQID", "count": 3, "ratio": 0.5, "enabled": true, "shade": "dark" }""");

        Assert.Equal((byte)6, sample.Retries);
        Assert.Equal([1, 2, 3], sample.BlockData);
        Assert.Equal(3, sample.Count);
        Assert.Equal(0.5, sample.Ratio);
        Assert.True(sample.Enabled);
        Assert.Equal(Shade.Dark, sample.Shade);
        Assert.Empty(sample.AdditionalProperties);
    }

    [Theory]
    [InlineData("""{ "blockData": 6 }""", "blockData")] // a number where base64 bytes are declared
    [InlineData("""{ "retries": 300 }""", "retries")] // beyond a byte
    [InlineData("""{ "count": "many" }""", "count")] // text where a number is declared
    [InlineData("""{ "count": 2.5 }""", "count")] // a fraction where an integer is declared
    [InlineData("""{ "count": true }""", "count")]
    [InlineData("""{ "enabled": 1 }""", "enabled")]
    [InlineData("""{ "enabled": { "value": true } }""", "enabled")]
    [InlineData("""{ "shade": "" }""", "shade")] // an empty enum value, which real clients send and ADO returns
    [InlineData("""{ "shade": "dusk" }""", "shade")]
    [InlineData("""{ "shade": 1 }""", "shade")]
    public void A_value_of_another_kind_is_kept_and_written_back_as_it_came(string json, string name)
    {
        var sample = Read(json);

        Assert.True(sample.AdditionalProperties.ContainsKey(name), $"'{name}' was not kept: {JsonConvert.SerializeObject(sample.AdditionalProperties)}");
        Assert.True(JToken.DeepEquals(JObject.Parse(json), JObject.Parse(JsonConvert.SerializeObject(sample))), JsonConvert.SerializeObject(sample));
    }

    [Fact]
    public void Derived_shapes_read_through_a_list_of_their_base_keep_their_properties_both_ways()
    {
        const string json = """
            [ { "vault": "keys", "serviceEndpointId": "5b8f1e7e-5c4e-4a0c-9c1e-0d5a3b9f2c11", "lastRefreshedOn": "2024-01-02T03:04:05Z" },
              { "feed": "packages", "upstreams": [ "npmjs" ] } ]
            """;

        var items = JsonConvert.DeserializeObject<List<ProviderData>>(json)!;

        Assert.Equal("keys", items[0].AdditionalProperties["vault"]?.ToString());
        Assert.True(JToken.DeepEquals(JArray.Parse(json), JArray.Parse(JsonConvert.SerializeObject(items))), JsonConvert.SerializeObject(items));
        Assert.True(JToken.DeepEquals(JArray.Parse(json), JArray.Parse(System.Text.Json.JsonSerializer.Serialize(items))));
    }

    private static Sample Read(string json) => JsonConvert.DeserializeObject<Sample>(json)!;

    [Fact]
    public void Values_that_do_not_fit_their_documented_type_are_kept_and_sent_back()
    {
        var settings = AdoJsonTests.Configured();
        const string json = """{ "id": "r1", "createdBy": "00030000CA16C4DA@Live.com", "status": "someNewStatus", "size": 3 }""";

        var request = JsonConvert.DeserializeObject<AdoTypedSdk.Symbol.SymbolRequest>(json, settings)!;

        Assert.Equal("r1", request.Id);
        Assert.Equal(3, request.Size);
        Assert.Null(request.CreatedBy);
        Assert.Null(request.Status);
        var written = Newtonsoft.Json.Linq.JObject.Parse(JsonConvert.SerializeObject(request, settings));
        Assert.Equal("00030000CA16C4DA@Live.com", (string?)written["createdBy"]);
        Assert.Equal("someNewStatus", (string?)written["status"]);
    }

    [Fact]
    public void Enum_given_by_number_is_kept_as_the_number_not_guessed()
    {
        var settings = AdoJsonTests.Configured();

        // The document lists PageType by name only; ADO numbers it from 1, so position 1 would wrongly read as "history".
        var page = JsonConvert.DeserializeObject<AdoTypedSdk.WorkItemTrackingProcess.WorkItemTrackingProcessPage>("""{ "id": "p", "pageType": 1 }""", settings)!;

        Assert.Null(page.PageType);
        Assert.Equal("1", page.AdditionalProperties["pageType"]!.ToString());
        Assert.Equal(1, (int)Newtonsoft.Json.Linq.JObject.Parse(JsonConvert.SerializeObject(page, settings))["pageType"]!);
    }

    [Fact]
    public void Object_where_the_document_says_string_is_kept_and_other_scalars_read_as_text()
    {
        var settings = AdoJsonTests.Configured();
        const string json = """{ "id": "d291b0c4-a05c-4ea6-8df1-4b41d5f39eff", "name": { "displayName": "Jamal Hartnett" }, "uniqueName": 42 }""";

        var identity = JsonConvert.DeserializeObject<IdentityReference>(json, settings)!;

        Assert.Null(identity.Name);
        Assert.Equal("42", identity.UniqueName);
        var written = Newtonsoft.Json.Linq.JObject.Parse(JsonConvert.SerializeObject(identity, settings));
        Assert.Equal("Jamal Hartnett", (string?)written["name"]!["displayName"]);
    }
}
