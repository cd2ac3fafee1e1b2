using AdoTypedSdk.Generator.Emission;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Tests.Emission;

public class DefinitionNamesTests
{
    [Fact]
    public void A_renamed_definition_is_renamed_where_it_is_referred_to_and_where_the_paging_extension_names_it()
    {
        var document = JObject.Parse("""
            {
              "paths": { "/a": { "get": { "responses": { "200": { "schema": { "$ref": "#/definitions/CommentList" } } }, "x-ado-paging": { "itemType": "Comment" } } } },
              "definitions": {
                "Comment": { "type": "object" },
                "CommentList": { "type": "object", "properties": { "comments": { "type": "array", "items": { "$ref": "#/definitions/Comment" } } } }
              }
            }
            """);

        var renamed = DefinitionNames.Rename(document, new Dictionary<string, string> { ["Comment"] = "GitComment" }, "git");

        Assert.Equal(["GitComment", "CommentList"], ((JObject)renamed["definitions"]!).Properties().Select(p => p.Name));
        Assert.Equal("#/definitions/GitComment", (string?)renamed["definitions"]!["CommentList"]!["properties"]!["comments"]!["items"]!["$ref"]);
        Assert.Equal("GitComment", (string?)renamed["paths"]!["/a"]!["get"]!["x-ado-paging"]!["itemType"]);
        Assert.NotNull(document["definitions"]!["Comment"]);
    }

    [Fact]
    public void A_new_name_the_document_declares_already_fails_naming_the_document()
    {
        var document = JObject.Parse("""{ "definitions": { "Comment": {}, "GitComment": {} } }""");

        var error = Assert.Throws<AdoTypedSdk.Generator.Pinning.SpecException>(() => DefinitionNames.Rename(document, new Dictionary<string, string> { ["Comment"] = "GitComment" }, "git.json"));

        Assert.StartsWith("git.json: Comment is to be renamed GitComment", error.Message);
    }
}
