using AdoTypedSdk.Generator.Normalization;
using AdoTypedSdk.Generator.Normalization.Rules;
using AdoTypedSdk.Tests.Infrastructure;
using Newtonsoft.Json;

namespace AdoTypedSdk.Generator.Tests.Normalization;

/// <summary>
/// Every rule repairs something in the built profile's documents (the cloud's, or an on-premises server's), or is listed here with the
/// reason it finds nothing there. A rule that stops applying after a re-pin, or starts applying where it was listed, fails this test.
/// </summary>
public class RuleCoverageTests
{
    private const string EveryProfile = "*";

    /// <summary>(rule, profile or <see cref="EveryProfile"/>) → why the rule changes no document of that profile.</summary>
    private static readonly Dictionary<(string Rule, string Profile), string> FindsNothing = new()
    {
        [(nameof(JsonPatchBodyRule), EveryProfile)] =
            "Every pinned document already declares its JSON-patch bodies as arrays with that one content type; the rule guards re-pins.",
        [(nameof(OptionalPropertyRule), EveryProfile)] =
            "No pinned document has a required list or x-nullable: false in its models today; the rule guards re-pins.",
        [(nameof(RecordedFlagEnumRule), "tfs-4.1")] =
            "No TFS 2018 recording sends two members of an unmarked enum together.",
        [(nameof(RecordedStatusRule), "tfs-4.1")] =
            "No TFS 2018 recording shows a success status its operation lacks.",
        [(nameof(ItemLimitRule), "tfs-4.1")] =
            "TFS 2018's documents state no list parameter's maximum (its work item ids are \"The comma-separated list of requested work item ids\").",
    };

    [Fact]
    public void Each_rule_repairs_the_built_profiles_documents_or_says_why_not()
    {
        var changed = SpecNormalizer.Rules.ToDictionary(r => r.GetType().Name, _ => 0);
        foreach (var path in File.ReadAllLines(Path.Combine(RepositoryFiles.SpecRoot, "documents.txt")))
        {
            var document = SpecDocument.Load(Path.Combine(RepositoryFiles.SpecRoot, path), RepositoryFiles.ApiVersion);
            var before = Snapshot(document);
            foreach (var rule in SpecNormalizer.Rules)
            {
                rule.Apply(document);
                var after = Snapshot(document);
                if (after != before)
                    changed[rule.GetType().Name]++;
                before = after;
            }
        }

        var expected = changed.Keys.Where(rule => !Listed(rule)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, changed.Where(c => c.Value > 0).Select(c => c.Key).Order(StringComparer.Ordinal).ToList());
    }

    private static bool Listed(string rule) =>
        FindsNothing.ContainsKey((rule, EveryProfile)) || FindsNothing.ContainsKey((rule, RepositoryFiles.ApiVersion));

    private static string Snapshot(SpecDocument document) => JsonConvert.SerializeObject(SpecNormalizer.Assemble(document));
}
