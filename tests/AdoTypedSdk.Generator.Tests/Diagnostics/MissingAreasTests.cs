using AdoTypedSdk.Generator.Diagnostics;

namespace AdoTypedSdk.Generator.Tests.Diagnostics;

public sealed class MissingAreasTests
{
    private static readonly string[] Version =
    [
        "specification/git/7.1/git.json",
        "specification/wiki/7.1/wiki.json",
        "specification/wit/7.1/workItemTracking.json",
    ];

    private const string Cs0234 =
        """{"ruleId": "CS0234", "level": "error", "message": "The type or namespace name 'Git' does not exist in the namespace 'AdoTypedSdk' (are you missing an assembly reference?)"}""";

    [Fact]
    public void A_namespace_of_an_area_not_generated_names_the_area_and_AdoAreas()
    {
        var explanations = MissingAreas.Explain(Cs0234, Version, ["specification/wit/7.1/workItemTracking.json"]);

        Assert.Equal(
            ["AdoTypedSdk.Git is the 'git' area, which this build does not generate (it generates: workItemTracking). Add git to AdoAreas, or <AdoArea Include=\"git\" />, and build again."],
            explanations);
    }

    [Fact]
    public void An_area_named_by_several_errors_is_explained_once_and_each_area_in_document_order()
    {
        var errors = Cs0234 + Cs0234 + Cs0234.Replace("'Git'", "'Wiki'");

        var explanations = MissingAreas.Explain(errors, Version, ["specification/wit/7.1/workItemTracking.json"]);

        Assert.Equal(2, explanations.Count);
        Assert.StartsWith("AdoTypedSdk.Git is the 'git' area", explanations[0]);
        Assert.StartsWith("AdoTypedSdk.Wiki is the 'wiki' area", explanations[1]);
    }

    [Fact]
    public void A_generated_area_or_a_namespace_of_no_area_is_not_explained()
    {
        Assert.Empty(MissingAreas.Explain(Cs0234, Version, ["specification/git/7.1/git.json"]));
        Assert.Empty(MissingAreas.Explain(Cs0234.Replace("'Git'", "'Gti'"), Version, []));
    }
}
