using AdoTypedSdk.Generator.Normalization.Rules;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public class OrganizationInBaseAddressRuleTests
{
    [Fact]
    public void Organization_segment_becomes_the_marker_and_its_parameter_goes()
    {
        var document = Specs.Get("/{organization}/{project}/_apis/wit/workitems/{id}", """
            [ { "in": "path", "name": "organization", "required": true, "type": "string" },
              { "in": "path", "name": "id", "required": true, "type": "integer" } ]
            """);

        new OrganizationInBaseAddressRule().Apply(document);

        var operation = document.Single();
        Assert.Equal("/~/{project}/_apis/wit/workitems/{id}", operation.Route);
        Assert.DoesNotContain(operation.Parameters, p => (string?)p["name"] == "organization");
    }

    [Fact]
    public void Route_without_organization_stays_relative_to_the_host()
    {
        var document = Specs.Get("/_apis/accounts", "[]");

        new OrganizationInBaseAddressRule().Apply(document);

        Assert.Equal("/_apis/accounts", document.Single().Route);
    }

    [Fact]
    public void A_referenced_organization_parameter_goes_too()
    {
        var document = Specs.Document("""
            { "/{organization}/_apis/things": { "get": { "tags": ["Things"], "operationId": "Things_Get", "parameters": [ { "$ref": "#/parameters/organization" } ], "responses": {} } } }
            """, parameters: """{ "organization": { "in": "path", "name": "organization", "required": true, "type": "string" } }""");

        new OrganizationInBaseAddressRule().Apply(document);

        Assert.Empty(document.Single().Parameters);
    }

    [Fact]
    public void An_on_premises_collection_segment_is_the_marker_too_and_the_collection_url_host_becomes_its_authority()
    {
        var document = Specs.Get("/{collection}/{project}/_apis/wit/workitems/{id}", """
            [ { "in": "path", "name": "collection", "required": true, "type": "string" },
              { "in": "path", "name": "id", "required": true, "type": "integer" } ]
            """);
        document.Root["host"] = "https://fabrikam-fiber-inc:8080/DefaultCollection";

        new OrganizationInBaseAddressRule().Apply(document);

        var operation = document.Single();
        Assert.Equal("/~/{project}/_apis/wit/workitems/{id}", operation.Route);
        Assert.DoesNotContain(operation.Parameters, p => (string?)p["name"] == "collection");
        Assert.Equal("fabrikam-fiber-inc:8080", (string?)document.Root["host"]);
    }
}
