using AdoTypedSdk.Generator.Normalization.Rules;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public class ByteNumberRuleTests
{
    [Fact]
    public void A_byte_scalar_is_a_number_and_an_array_of_bytes_stays_base64()
    {
        var document = Specs.Document("{}", definitions: """
            { "Subscription": { "type": "object", "properties": {
                "probationRetries": { "type": "string", "format": "byte" },
                "blockData": { "type": "array", "items": { "type": "string", "format": "byte" } },
                "name": { "type": "string" } } } }
            """);

        new ByteNumberRule().Apply(document);
        new ByteArrayRule().Apply(document);

        var properties = document.Definitions["Subscription"]!["properties"]!;
        Assert.Equal("integer", (string?)properties["probationRetries"]!["type"]);
        Assert.Equal("byte", (string?)properties["probationRetries"]!["format"]);
        Assert.Equal("string", (string?)properties["blockData"]!["type"]);
        Assert.Equal("byte", (string?)properties["blockData"]!["format"]);
        Assert.Null(properties["name"]!["format"]);
        Assert.Equal("string", (string?)properties["name"]!["type"]);
    }
}
