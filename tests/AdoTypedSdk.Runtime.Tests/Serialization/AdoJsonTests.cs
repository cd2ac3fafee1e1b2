using AdoTypedSdk.Common;
using AdoTypedSdk.WorkItemTracking;
using Newtonsoft.Json;

namespace AdoTypedSdk.Runtime.Tests.Serialization;

public class AdoJsonTests
{
    private static readonly JsonSerializerSettings Settings = Configured();

    internal static JsonSerializerSettings Configured()
    {
        var settings = new JsonSerializerSettings();
        AdoJson.Configure(settings);
        return settings;
    }

    [Theory]
    [InlineData("""{ "count": 2, "value": [ { "id": 1 }, { "id": 2 } ] }""")]
    [InlineData("""{ "value": [ { "id": 1 }, { "id": 2 } ], "count": 2, "continuationToken": null }""")]
    [InlineData("""[ { "id": 1 }, { "id": 2 } ]""")]
    public void List_responses_accept_the_envelope_and_a_bare_array(string json)
    {
        var items = JsonConvert.DeserializeObject<IReadOnlyList<WorkItem>>(json, Settings)!;

        Assert.Equal([1, 2], items.Select(i => i.Id));
    }

    [Fact]
    public void Envelope_with_only_a_count_is_an_empty_list()
    {
        var items = JsonConvert.DeserializeObject<IReadOnlyList<WorkItem>>("""{ "count": 0 }""", Settings)!;

        Assert.Empty(items);
    }

    [Theory]
    // The "values" spelling (team iterations), an envelope inside an envelope (process behaviors), a single item where a list is declared.
    [InlineData("""{ "values": [ { "id": 5 } ] }""")]
    [InlineData("""{ "count": 1, "value": { "count": 1, "value": [ { "id": 5 } ] } }""")]
    [InlineData("""{ "id": 5 }""")]
    public void Other_list_shapes_ado_sends_are_read(string json)
    {
        var items = JsonConvert.DeserializeObject<IReadOnlyList<WorkItem>>(json, Settings)!;

        Assert.Equal(5, Assert.Single(items).Id);
    }

    [Fact]
    public void A_list_where_a_scalar_was_expected_is_a_clear_error()
    {
        var error = Assert.Throws<JsonSerializationException>(() => JsonConvert.DeserializeObject<IReadOnlyList<WorkItem>>("""[ 5 ]""", Settings));

        Assert.Contains("WorkItem", error.Message);
    }

    [Fact]
    public void Renamed_properties_use_the_ado_wire_name_both_ways()
    {
        var item = JsonConvert.DeserializeObject<WorkItem>("""{ "id": 5, "_links": { "self": { "href": "https://x/5" } } }""", Settings)!;

        Assert.NotNull(item.Links);
        Assert.Contains("\"_links\":", JsonConvert.SerializeObject(item, Settings));
        Assert.DoesNotContain("\"links\":", JsonConvert.SerializeObject(item, Settings));
    }

    [Fact]
    public void Patch_operation_is_sent_with_its_string_op_and_without_nulls()
    {
        var json = JsonConvert.SerializeObject(new JsonPatchOperation { Op = JsonPatchOperationType.Replace, Path = "/fields/System.State", Value = "Done" }, Settings);

        Assert.Equal("""{"op":"replace","path":"/fields/System.State","value":"Done"}""", json);
    }

    [Fact]
    public void Date_strings_inside_untyped_values_are_kept_as_sent()
    {
        var item = JsonConvert.DeserializeObject<WorkItem>("""{ "fields": { "System.CreatedDate": "2014-12-29T20:49:35.357Z" } }""", Settings)!;

        Assert.Equal("2014-12-29T20:49:35.357Z", item.Fields!["System.CreatedDate"]!.ToString());
    }

    [Fact]
    public void Untyped_values_are_read_as_the_json_they_hold_null_included()
    {
        var item = JsonConvert.DeserializeObject<WorkItem>("""{ "fields": { "a": null, "b": [1, {"c": 2.50}], "d": {"e": "f"} }, "_links": null }""", Settings)!;

        Assert.Equal(Newtonsoft.Json.Linq.JTokenType.Null, item.Fields!["a"]!.Type);
        Assert.Equal("""[1,{"c":2.5}]""", item.Fields["b"]!.ToString(Formatting.None));
        Assert.Equal("f", (string?)item.Fields["d"]!["e"]);
        Assert.Null(item.Links);
        Assert.False(((Newtonsoft.Json.IJsonLineInfo)item.Fields["d"]!).HasLineInfo());
    }
}

public class UnknownEnumValueTests
{
    [Fact]
    public void Enum_value_the_document_does_not_list_is_kept_and_sent_back_unchanged()
    {
        var settings = AdoJsonTests.Configured();

        var project = JsonConvert.DeserializeObject<TeamProjectReference>("""{ "name": "P", "visibility": "unchanged", "state": "wellFormed" }""", settings)!;

        Assert.Null(project.Visibility);
        Assert.Equal(ProjectState.WellFormed, project.State);
        Assert.Equal("unchanged", project.AdditionalProperties["visibility"]!.ToString());
        Assert.Contains("\"visibility\":\"unchanged\"", JsonConvert.SerializeObject(project, settings));
    }
}
