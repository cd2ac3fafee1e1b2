using AdoTypedSdk.Generator.Normalization;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Tests.Normalization;

/// <summary>Builds small hand-written documents for the rule tests.</summary>
internal static class Specs
{
    public static SpecDocument Document(string paths, string definitions = "{}", string? extensionPaths = null, string parameters = "{}") =>
        new(JObject.Parse($$"""
            {
              "swagger": "2.0",
              "info": { "title": "Sample", "version": "7.1" },
              "host": "dev.azure.com",
              "paths": {{paths}},
              {{(extensionPaths is null ? "" : $"\"x-ms-paths\": {extensionPaths},")}}
              "definitions": {{definitions}},
              "parameters": {{parameters}}
            }
            """), "sample.json", "7.1");

    /// <summary>A single GET operation on <paramref name="route"/> with the given parameters (JSON array text).</summary>
    public static SpecDocument Get(string route, string parameters, string extra = "") =>
        Document($$"""{ "{{route}}": { "get": { "tags": ["Things"], "operationId": "Things_Get", "x-ms-vss-method": "GetThing", "parameters": {{parameters}} {{extra}}, "responses": { "200": { "description": "ok" } } } } }""");

    public static SpecOperation Single(this SpecDocument document) => Assert.Single(document.Operations);

    public static JObject Parameter(this SpecOperation operation, string name) =>
        operation.Parameters.OfType<JObject>().Single(p => (string?)p["name"] == name);
}
