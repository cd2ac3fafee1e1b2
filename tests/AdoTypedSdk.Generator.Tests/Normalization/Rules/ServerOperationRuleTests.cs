using AdoTypedSdk.Generator.Normalization;
using AdoTypedSdk.Generator.Normalization.Rules;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public class ServerOperationRuleTests
{
    private const string Reference = """
        { "OperationReference": { "type": "object", "properties": {
            "id": { "type": "string", "format": "uuid" },
            "status": { "enum": ["notSet", "queued", "inProgress", "cancelled", "succeeded", "failed"] },
            "url": { "type": "string" } } },
          "ImportRequest": { "type": "object", "properties": {
            "importRequestId": { "type": "integer" },
            "status": { "enum": ["queued", "inProgress", "completed", "failed", "abandoned"] },
            "url": { "type": "string" } } },
          "EntitlementReference": { "allOf": [ { "$ref": "#/definitions/OperationReference" } ], "properties": { "results": { "type": "array", "items": { "type": "string" } } } } }
        """;

    private static bool Marked(string method, string answer)
    {
        var document = Specs.Document($$"""
            { "/_apis/things": { "{{method}}": { "tags": ["Things"], "operationId": "Thing",
              "responses": { "202": { "description": "ok", "schema": { "$ref": "#/definitions/{{answer}}" } } } } } }
            """, Reference);
        new ServerOperationRule().Apply(document);
        return document.Single().Operation[ServerOperationRule.Extension] is not null;
    }

    [Fact]
    public void A_write_answered_with_a_reference_to_work_on_the_server_is_followed()
    {
        Assert.True(Marked("post", "OperationReference"));
        Assert.True(Marked("delete", "OperationReference"));
        Assert.True(Marked("patch", "EntitlementReference"));
    }

    [Fact]
    public void A_read_of_such_work_and_a_model_without_its_statuses_are_not()
    {
        Assert.False(Marked("get", "OperationReference"));
        Assert.False(Marked("post", "ImportRequest"));
    }
}
