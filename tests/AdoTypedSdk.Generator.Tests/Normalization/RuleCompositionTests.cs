using System.Text.RegularExpressions;
using AdoTypedSdk.Generator.Normalization;
using AdoTypedSdk.Generator.Normalization.Rules;
using AdoTypedSdk.Generator.Tests.Infrastructure;
using AdoTypedSdk.Tests.Infrastructure;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace AdoTypedSdk.Generator.Tests.Normalization;

/// <summary>
/// The rules compose for any set of recordings, as a consumer who pins a newer commit (with more recordings) gets them: recordings that
/// send parameters the documents lack must still give code that compiles.
/// </summary>
public sealed partial class RuleCompositionTests(ITestOutputHelper output)
{
    /// <summary>Every page-size, skip and token name the rules know, sent as text, as a recording would.</summary>
    private const string RecordedQuery = "$top=5&top=5&maxPageSize=5&maxResults=5&batchSize=5&$skip=2&skip=2&continuationToken=a1&pagingToken=a1";

    [Fact]
    public void Recordings_that_send_every_paging_name_to_every_pageable_operation_still_generate_code_that_compiles()
    {
        using var harness = new GenerationHarness(RepositoryFiles.ApiVersion);
        var recorded = 0;
        foreach (var path in RepositoryFiles.DocumentPaths())
        {
            var original = Load(Path.Combine(RepositoryFiles.SpecRoot, path));
            var pageable = PageableOperations(path, original);
            if (pageable.Count == 0)
                continue;
            foreach (var (route, method, operation) in Operations(original).Where(o => pageable.Contains(Key(o.Route, o.Method))))
            {
                var example = $"composed/{++recorded}.json";
                harness.AddFile(Path.Combine(Path.GetDirectoryName(path)!, example), new JObject
                {
                    ["x-ms-vss-request-url"] = "https://dev.azure.com/fabrikam" + Placeholder().Replace(route.Split('?')[0].Replace("/{organization}", ""), "v1") + "?" + RecordedQuery,
                    ["x-ms-vss-request-method"] = method.ToUpperInvariant(),
                    ["parameters"] = new JObject(),
                    ["responses"] = new JObject(),
                }.ToString());
                var examples = operation["x-ms-examples"] as JObject ?? (JObject)(operation["x-ms-examples"] = new JObject());
                examples["Composed"] = new JObject { ["$ref"] = "./" + example };
            }
            harness.AddDocument(path, original, RepositoryFiles.SpecRoot);
        }
        Assert.True(recorded > 10, $"expected the version's pageable operations, found {recorded}");

        harness.Generate();
        var errors = harness.Compile();

        output.WriteLine($"{recorded} pageable operations given recordings with {RecordedQuery}; {errors.Count} compile errors");
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
        AssertNoParameterTwice(harness.NormalizedDirectory);
    }

    [Fact]
    public void No_operation_of_the_pinned_documents_has_a_parameter_twice_after_the_repairs()
    {
        var normalized = Directory.CreateTempSubdirectory("normalized-");
        try
        {
            foreach (var path in RepositoryFiles.DocumentPaths())
                File.WriteAllText(Path.Combine(normalized.FullName, Path.GetFileName(path)),
                    SpecNormalizer.Normalize(SpecDocument.Load(Path.Combine(RepositoryFiles.SpecRoot, path), RepositoryFiles.ApiVersion)).ToString(Formatting.None));
            AssertNoParameterTwice(normalized.FullName);
        }
        finally
        {
            normalized.Delete(recursive: true);
        }
    }

    /// <summary>Two parameters that ADO reads as one (names equal up to case and a leading <c>$</c>) would be sent twice, or clash in C#.</summary>
    private static void AssertNoParameterTwice(string normalizedDirectory)
    {
        var twice = new List<string>();
        foreach (var file in Directory.EnumerateFiles(normalizedDirectory, "*.json").Where(f => !f.EndsWith(".client.json", StringComparison.Ordinal)))
            foreach (var (route, method, operation) in Operations(Load(file)))
            {
                var names = (operation["parameters"] as JArray ?? []).OfType<JObject>().Where(p => (string?)p["in"] is "query" or "header" or "path")
                    .Select(p => (string)p["name"]!).ToList();
                twice.AddRange(names.Where((name, i) => names.Skip(i + 1).Any(other => Identifiers.SameParameterName(name, other)))
                    .Select(name => $"{Path.GetFileName(file)} {method.ToUpperInvariant()} {route}: {name}"));
            }
        Assert.True(twice.Count == 0, "parameters ADO reads as one:\n" + string.Join("\n", twice));
    }

    /// <summary>The operations the repairs mark pageable, by their upstream route and method.</summary>
    private static HashSet<string> PageableOperations(string path, JObject original)
    {
        var document = new SpecDocument((JObject)original.DeepClone(), Path.Combine(RepositoryFiles.SpecRoot, path), RepositoryFiles.ApiVersion);
        // The rules change routes in place; each operation object stays the one it was.
        var upstream = document.Operations.ToDictionary(o => (object)o.Operation, o => Key(o.Route, o.Method), ReferenceEqualityComparer.Instance);
        SpecNormalizer.Normalize(document);
        return document.Operations.Where(o => o.Operation[PageableOperationRule.Extension] is not null)
            .Select(o => upstream[o.Operation]).ToHashSet(StringComparer.Ordinal);
    }

    private static string Key(string route, string method) => method + " " + route;

    private static IEnumerable<(string Route, string Method, JObject Operation)> Operations(JObject document) =>
        new[] { "paths", "x-ms-paths" }.Select(section => document[section]).OfType<JObject>()
            .SelectMany(paths => paths.Properties())
            .SelectMany(route => ((JObject)route.Value).Properties().Where(m => m.Value is JObject && m.Name != "parameters").Select(m => (route.Name, m.Name, (JObject)m.Value)));

    private static JObject Load(string file)
    {
        using var reader = new JsonTextReader(new StreamReader(file, detectEncodingFromByteOrderMarks: true)) { DateParseHandling = DateParseHandling.None };
        return JObject.Load(reader);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Placeholder();
}
