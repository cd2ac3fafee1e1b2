using AdoTypedSdk.Generator.Normalization.Rules;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public class DotNetFormatRuleTests
{
    [Theory]
    [InlineData("""{ "type": "string", "format": "TimeSpan" }""", "string", "time-span")]
    [InlineData("""{ "type": "string", "format": "decimal" }""", "string", "decimal")]
    [InlineData("""{ "type": "string", "format": "Decimal" }""", "number", "decimal")]
    [InlineData("""{ "type": "string", "format": "JToken" }""", null, null)]
    [InlineData("""{ "type": "string", "format": "T" }""", null, null)]
    [InlineData("""{ "type": "string", "format": "Char" }""", "string", null)]
    [InlineData("""{ "type": "string", "format": "Stream" }""", "string", null)]
    [InlineData("""{ "type": "integer", "format": "int16" }""", "integer", "int32")]
    [InlineData("""{ "type": "integer", "format": "int64" }""", "integer", "int64")]
    public void Leaked_dotnet_format_maps_to_a_json_type(string property, string? type, string? format)
    {
        var document = Specs.Document("{}", definitions: $$"""{ "Model": { "type": "object", "properties": { "value": {{property}} } } }""");

        new DotNetFormatRule().Apply(document);

        var schema = (JObject)document.Definitions["Model"]!["properties"]!["value"]!;
        Assert.Equal(type, (string?)schema["type"]);
        Assert.Equal(format, (string?)schema["format"]);
    }

    [Fact]
    public void Array_without_items_holds_anything()
    {
        var document = Specs.Document("{}", definitions: """{ "Model": { "type": "object", "properties": { "values": { "type": "array" } } } }""");

        new DotNetFormatRule().Apply(document);

        Assert.Equal(new JObject(), document.Definitions["Model"]!["properties"]!["values"]!["items"]);
    }
}
