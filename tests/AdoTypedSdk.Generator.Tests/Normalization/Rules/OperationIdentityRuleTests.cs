using AdoTypedSdk.Generator.Normalization.Rules;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public class OperationIdentityRuleTests
{
    [Fact]
    public void Client_comes_from_the_tag_and_method_from_the_vss_method()
    {
        var document = Specs.Document("""
            { "/_apis/wit/workitems/{id}": { "get": { "tags": ["Work Items"], "operationId": "Work Items_Get Work Item", "x-ms-vss-method": "GetWorkItem", "responses": {} } } }
            """);

        new OperationIdentityRule().Apply(document);

        var operation = document.Single();
        Assert.Equal("WorkItems", operation.Tag);
        Assert.Equal("GetWorkItem", (string?)operation.Operation["operationId"]);
    }

    [Fact]
    public void Repeated_name_within_a_client_is_made_unique_by_http_method()
    {
        var document = Specs.Document("""
            { "/_apis/wit/wiql/{id}": {
                "head": { "tags": ["Wiql"], "operationId": "Wiql_Get", "x-ms-vss-method": "QueryById", "responses": {} },
                "get": { "tags": ["Wiql"], "operationId": "Wiql_Query By Id", "x-ms-vss-method": "QueryById", "responses": {} } } }
            """);

        new OperationIdentityRule().Apply(document);

        var names = document.Operations.ToDictionary(o => o.Method, o => (string?)o.Operation["operationId"]);
        Assert.Equal("QueryById", names["get"]);
        Assert.Equal("QueryByIdHead", names["head"]);
    }

    [Fact]
    public void Async_suffix_from_ado_is_not_doubled()
    {
        var document = Specs.Document("""{ "/_apis/a": { "get": { "tags": ["Requests"], "x-ms-vss-method": "GetRequestsAsync", "responses": {} } } }""");

        new OperationIdentityRule().Apply(document);

        Assert.Equal("GetRequests", (string?)document.Single().Operation["operationId"]);
    }

    [Fact]
    public void Same_name_in_different_clients_is_left_alone()
    {
        var document = Specs.Document("""
            { "/_apis/a": { "get": { "tags": ["A"], "x-ms-vss-method": "List", "responses": {} } },
              "/_apis/b": { "get": { "tags": ["B"], "x-ms-vss-method": "List", "responses": {} } } }
            """);

        new OperationIdentityRule().Apply(document);

        Assert.All(document.Operations, o => Assert.Equal("List", (string?)o.Operation["operationId"]));
    }

    [Fact]
    public void Without_vss_method_the_operation_id_after_the_tag_is_used()
    {
        var document = Specs.Document("""{ "/_apis/a": { "get": { "tags": ["Things"], "operationId": "Things_Get all things", "responses": {} } } }""");

        new OperationIdentityRule().Apply(document);

        Assert.Equal("GetAllThings", (string?)document.Single().Operation["operationId"]);
    }
}
