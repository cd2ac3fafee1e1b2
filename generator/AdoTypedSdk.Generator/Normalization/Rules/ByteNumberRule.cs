using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// The documents write a .NET <c>byte</c> member (<c>probationRetries</c>, a legacy result's <c>outcome</c>) as <c>type: string,
/// format: byte</c>, which OpenAPI reads as base64 text; ADO sends it as the number it is (<c>"probationRetries": 6</c>). A scalar of that
/// form becomes <c>type: integer, format: byte</c>, a C# <c>byte</c>. Arrays of such items are .NET <c>byte[]</c>, which ADO does send as
/// base64: <see cref="ByteArrayRule"/>, which runs after this rule, makes those one base64 string.
/// </summary>
public sealed class ByteNumberRule : ISpecRule
{
    public void Apply(SpecDocument document)
    {
        foreach (var schema in document.AllSchemas().Where(s => (string?)s["type"] == "string" && (string?)s["format"] == "byte"))
            schema["type"] = "integer";
    }
}
