using AdoTypedSdk.Generator.Emission;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Tests.Emission;

public class UsualImportNamesTests
{
    private static JObject Document(string definitions) => JObject.Parse($$"""{ "swagger": "2.0", "paths": {}, "definitions": {{definitions}} }""");

    [Fact]
    public void The_names_of_system_and_azure_types_are_known()
    {
        Assert.Contains("DayOfWeek", UsualImportNames.TypeNames);
        Assert.Contains("HttpStatusCode", UsualImportNames.TypeNames);
        Assert.Contains("JsonPatchDocument", UsualImportNames.TypeNames);
        Assert.Contains("Operation", UsualImportNames.TypeNames);
        Assert.Contains("ResourceType", UsualImportNames.TypeNames);
        // In an assembly of its own (System.Net.Requests), which a service references all the same.
        Assert.Contains("Authorization", UsualImportNames.TypeNames);
        Assert.DoesNotContain("JsonPatchDocument", UsualImportNames.SystemTypeNames);
        Assert.DoesNotContain("WorkItem", UsualImportNames.TypeNames);
    }

    [Fact]
    public void An_areas_own_type_named_like_a_usual_imports_is_renamed_after_its_area_as_nswag_names_its_class()
    {
        var document = Document("""{ "DayOfWeek": { "type": "string", "enum": ["monday"] }, "attribute": { "type": "object" }, "TeamSetting": { "type": "object" }, "Operation": { "type": "object" } }""");

        var names = UsualImportNames.ForArea(document, "Work", fromShared: new HashSet<string> { "Operation" });

        Assert.Equal(new Dictionary<string, string> { ["DayOfWeek"] = "WorkDayOfWeek", ["attribute"] = "WorkAttribute" }, names);
    }

    [Fact]
    public void A_shared_type_takes_the_name_of_the_one_type_that_refers_to_it_or_else_ado()
    {
        var definitions = Document("""
            {
              "JsonPatchOperation": { "type": "object", "properties": { "op": { "$ref": "#/definitions/Operation" } } },
              "Operation": { "type": "string", "enum": ["add"] },
              "JsonPatchDocument": { "type": "array", "items": { "$ref": "#/definitions/JsonPatchOperation" } },
              "Version": { "type": "object" },
              "Release": { "type": "object", "properties": { "version": { "$ref": "#/definitions/Version" } } }
            }
            """)["definitions"]!.ToObject<Dictionary<string, JObject>>()!;

        var names = UsualImportNames.ForShared(definitions);

        Assert.Equal("JsonPatchOperationType", names["Operation"]);
        Assert.Equal("AdoJsonPatchDocument", names["JsonPatchDocument"]);
        Assert.Equal("ReleaseVersion", names["Version"]);
        Assert.Equal(3, names.Count);
    }

    [Fact]
    public void A_new_name_that_is_taken_fails_naming_both()
    {
        var document = Document("""{ "DayOfWeek": { "type": "string" }, "WorkDayOfWeek": { "type": "string" } }""");

        var error = Assert.Throws<AdoTypedSdk.Generator.Pinning.SpecException>(() => UsualImportNames.ForArea(document, "Work", new HashSet<string>()));

        Assert.Contains("DayOfWeek", error.Message);
        Assert.Contains("WorkDayOfWeek, is taken", error.Message);
    }
}
