using AdoTypedSdk.Generator.Normalization.Rules;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public class ByteArrayRuleTests
{
    [Fact]
    public void Array_of_bytes_is_one_base64_string_and_other_arrays_stay()
    {
        var document = Specs.Document("{}", definitions: """
            { "ModuleCoverage": { "type": "object", "properties": {
                "blockData": { "type": "array", "items": { "type": "string", "format": "byte" } },
                "names": { "type": "array", "items": { "type": "string" } } } } }
            """);

        new ByteArrayRule().Apply(document);

        var properties = document.Definitions["ModuleCoverage"]!["properties"]!;
        Assert.Equal("string", (string?)properties["blockData"]!["type"]);
        Assert.Equal("byte", (string?)properties["blockData"]!["format"]);
        Assert.Null(properties["blockData"]!["items"]);
        Assert.Equal("array", (string?)properties["names"]!["type"]);
    }
}
