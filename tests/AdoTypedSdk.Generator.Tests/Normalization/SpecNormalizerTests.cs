using System.Text.RegularExpressions;
using AdoTypedSdk.Generator.Normalization;
using AdoTypedSdk.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Tests.Normalization;

public class SpecNormalizerTests
{
    [Fact]
    public void Operations_sharing_a_route_and_method_get_distinct_keys_that_differ_only_by_empty_query_pairs()
    {
        var document = Specs.Document("""
            { "/{organization}/_apis/pools": { "get": { "tags": ["Pools"], "x-ms-vss-method": "GetAgentPoolsByIds", "parameters": [ { "$ref": "#/parameters/v" } ], "responses": {} } } }
            """, extensionPaths: """
            { "/{organization}/_apis/pools?": { "get": { "tags": ["Pools"], "x-ms-vss-method": "GetAgentPools", "parameters": [ { "$ref": "#/parameters/v" } ], "responses": {} } } }
            """, parameters: """{ "v": { "name": "api-version", "in": "query", "description": "This should be set to '7.1' to use this version." } }""");

        var paths = (JObject)SpecNormalizer.Normalize(document)["paths"]!;

        Assert.Equal(["/~/_apis/pools?api-version=7.1", "/~/_apis/pools?api-version=7.1&"], paths.Properties().Select(p => p.Name));
        Assert.Null(document.Root["x-ms-paths"]);
    }

    [Fact]
    public void Methods_of_one_route_with_different_pinned_versions_get_separate_keys()
    {
        var document = Specs.Document("""
            { "/_apis/a": {
                "get": { "tags": ["A"], "x-ms-vss-method": "Get", "parameters": [ { "$ref": "#/parameters/p1" } ], "responses": {} },
                "post": { "tags": ["A"], "x-ms-vss-method": "Create", "parameters": [ { "$ref": "#/parameters/p2" } ], "responses": {} } } }
            """, parameters: """
            { "p1": { "name": "api-version", "in": "query", "description": "set to '7.1-preview.1'" }, "p2": { "name": "api-version", "in": "query", "description": "set to '7.1-preview.2'" } }
            """);

        var paths = (JObject)SpecNormalizer.Normalize(document)["paths"]!;

        Assert.NotNull(paths["/_apis/a?api-version=7.1-preview.1"]!["get"]);
        Assert.NotNull(paths["/_apis/a?api-version=7.1-preview.2"]!["post"]);
    }

    [Fact]
    public void Every_rule_has_a_test_class()
    {
        var testClasses = typeof(SpecNormalizerTests).Assembly.GetTypes().Select(t => t.Name).ToHashSet();

        Assert.All(SpecNormalizer.Rules, rule => Assert.Contains(rule.GetType().Name + "Tests", testClasses));
        Assert.Equal(
            typeof(ISpecRule).Assembly.GetTypes().Count(t => typeof(ISpecRule).IsAssignableFrom(t) && !t.IsInterface),
            SpecNormalizer.Rules.Count);
    }

    [Fact]
    public void The_docs_list_every_rule_in_the_order_they_run()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "generation.md")) + "\n## ";
        var section = readme[readme.IndexOf("## Spec repairs", StringComparison.Ordinal)..];
        var listed = Regex.Matches(section[..section.IndexOf("\n## ", 1, StringComparison.Ordinal)], @"^\| (\w+) \|", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).Where(name => name != "Rule");

        Assert.Equal(SpecNormalizer.Rules.Select(rule => rule.GetType().Name[..^"Rule".Length]), listed);
    }

    private static readonly HashSet<string> SwaggerWords = new(["get", "put", "post", "delete", "patch", "head", "options", "query", "path", "header", "body"], StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void No_rule_names_an_operation()
    {
        var operationNames = RepositoryFiles.DocumentPaths()
            .SelectMany(path => JObject.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.SpecRoot, path))).Descendants().OfType<JProperty>())
            .Where(p => p.Name is "operationId" or "x-ms-vss-method" && p.Value.Type == JTokenType.String)
            .Select(p => (string)p.Value!)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.True(operationNames.Count > 500, $"expected the restored documents' operations, found {operationNames.Count}");
        // A parameter's name, spelt as the documents spell it, is structure too ("download", where an operation is "Download").
        var parameterNames = RepositoryFiles.DocumentPaths()
            .SelectMany(path => JObject.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.SpecRoot, path))).Descendants().OfType<JObject>())
            .Where(o => o["in"] is JValue && o["name"] is JValue { Type: JTokenType.String })
            .Select(o => (string)o["name"]!)
            .ToHashSet(StringComparer.Ordinal);

        var rulesFolder = Path.Combine(RepositoryFiles.Root, "generator", "AdoTypedSdk.Generator", "Normalization", "Rules");
        foreach (var file in Directory.EnumerateFiles(rulesFolder, "*.cs"))
        {
            // The code's string literals; comments may quote what ADO sends ("add") without the rule depending on it.
            var code = Regex.Replace(File.ReadAllText(file), @"^\s*//.*$", "", RegexOptions.Multiline);
            var literals = Regex.Matches(code, "\"([^\"\\\\]*)\"").Select(m => m.Groups[1].Value);
            // HTTP methods and parameter locations are structure, even where an operation shares the name (TFS 2018 has "Delete" and "Query").
            var named = literals.Where(l => operationNames.Contains(l) && !SwaggerWords.Contains(l) && !parameterNames.Contains(l)).ToList();
            Assert.True(named.Count == 0, $"{Path.GetFileName(file)} names operations: {string.Join(", ", named)}");
        }
    }
}
