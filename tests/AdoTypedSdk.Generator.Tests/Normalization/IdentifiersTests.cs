using AdoTypedSdk.Generator.Normalization;

namespace AdoTypedSdk.Generator.Tests.Normalization;

public class IdentifiersTests
{
    [Theory]
    [InlineData("Work Items", "WorkItems")]
    [InlineData("_links", "Links")]
    [InlineData("commit_sha", "CommitSha")]
    [InlineData("$expand", "Expand")]
    [InlineData("3_2", "N32")]
    [InlineData("workItemTracking", "WorkItemTracking")]
    [InlineData("cargoApi-AzureArtifacts", "CargoApiAzureArtifacts")]
    [InlineData("---", "Value")]
    public void Pascal_makes_a_valid_identifier(string text, string expected) => Assert.Equal(expected, Identifiers.Pascal(text));

    [Fact]
    public void Unique_appends_the_first_free_number() =>
        Assert.Equal("Name3", Identifiers.Unique("Name", n => n is "Name" or "Name2"));
}
