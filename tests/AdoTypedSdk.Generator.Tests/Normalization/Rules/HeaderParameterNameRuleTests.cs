using AdoTypedSdk.Generator.Normalization.Rules;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public class HeaderParameterNameRuleTests
{
    [Fact]
    public void A_header_suffixed_name_is_sent_as_the_http_header_and_keeps_its_csharp_name()
    {
        var document = Specs.Get("/_apis/wit/attachments/{id}", """[ { "in": "header", "name": "contentRangeHeader", "type": "string", "description": "starting and ending byte positions" } ]""");

        new HeaderParameterNameRule().Apply(document);

        var parameter = document.Single().ParametersIn("header").Single();
        Assert.Equal("Content-Range", (string?)parameter["name"]);
        Assert.Equal("contentRangeHeader", (string?)parameter["x-originalName"]);
    }

    [Fact]
    public void A_header_the_description_names_is_sent_under_that_name()
    {
        var document = Specs.Get("/_apis/wiki/wikis/{id}/pages", """
            [ { "in": "header", "name": "Version", "type": "string", "description": "Version of the page. To be populated in the If-Match header of the request." } ]
            """);

        new HeaderParameterNameRule().Apply(document);

        var parameter = document.Single().ParametersIn("header").Single();
        Assert.Equal("If-Match", (string?)parameter["name"]);
        Assert.Equal("Version", (string?)parameter["x-originalName"]);
    }

    [Fact]
    public void Other_header_and_query_parameters_are_left_alone()
    {
        var document = Specs.Get("/_apis/a", """
            [ { "in": "header", "name": "eTag", "type": "string", "description": "Dashboard Widgets Version" },
              { "in": "query", "name": "filterHeader", "type": "string" } ]
            """);

        new HeaderParameterNameRule().Apply(document);

        Assert.Equal("eTag", (string?)document.Single().Parameter("eTag")["name"]);
        Assert.Null(document.Single().Parameter("eTag")["x-originalName"]);
        Assert.Equal("filterHeader", (string?)document.Single().Parameter("filterHeader")["name"]);
    }
}
