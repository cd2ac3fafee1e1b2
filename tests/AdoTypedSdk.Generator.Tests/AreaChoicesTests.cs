using AdoTypedSdk.Generator.Pinning;

namespace AdoTypedSdk.Generator.Tests;

public sealed class AreaChoicesTests
{
    [Theory]
    [InlineData("workItemTracking;git")]
    [InlineData("workItemTracking,git")]
    [InlineData("workItemTracking+git")]
    [InlineData(" workItemTracking  git ")]
    [InlineData("workItemTracking;git,WorkItemTracking")]
    public void Area_names_may_be_separated_by_semicolons_commas_pluses_or_spaces_and_count_once(string text) =>
        Assert.Equal(["workItemTracking", "git"], AreaChoices.ParseAreas(text));

    [Fact]
    public void No_names_means_every_area() => Assert.Empty(AreaChoices.ParseAreas(" ; "));

    [Fact]
    public void An_area_item_access_overrides_the_default_for_its_area_only()
    {
        var choices = AreaChoices.Parse("workItemTracking,git", "git=internal", "public");

        Assert.Equal("internal", choices.AccessOf("git"));
        Assert.Equal("internal", choices.AccessOf("Git"));
        Assert.Equal("public", choices.AccessOf("workItemTracking"));
    }

    [Fact]
    public void Common_is_public_when_any_generated_area_is_public_and_internal_otherwise()
    {
        var choices = AreaChoices.Parse("workItemTracking,git", "git=internal", "public");
        Assert.Equal("public", choices.CommonAccess(["workItemTracking", "git"]));
        Assert.Equal("internal", choices.CommonAccess(["git"]));
        Assert.Equal("public", AreaChoices.Parse("git", "git=public", "internal").CommonAccess(["git"]));
    }

    [Fact]
    public void Two_accesses_for_one_area_are_one_error_naming_both()
    {
        var error = Assert.Throws<SpecException>(() => AreaChoices.Parse("git", "git=internal,Git=public", "public"));
        Assert.Equal("<AdoArea Include=\"Git\"> is given Access=\"internal\" and Access=\"public\"; give each area one Access.", error.Message);
    }

    [Fact]
    public void The_same_access_given_twice_is_no_contradiction() =>
        Assert.Equal("internal", AreaChoices.Parse("git", "git=internal,git=internal", "public").AccessOf("git"));

    [Theory]
    [InlineData("git=private", "public", "Access of <AdoArea Include=\"git\"> is 'private', which is not valid. Valid values: public, internal.")]
    [InlineData("", "Internal", "AdoClientAccessModifier is 'Internal', which is not valid. Valid values: public, internal.")]
    public void An_unknown_access_modifier_names_the_setting_and_the_value(string areaAccess, string defaultAccess, string message) =>
        Assert.Equal(message, Assert.Throws<SpecException>(() => AreaChoices.Parse("git", areaAccess, defaultAccess)).Message);

    [Fact]
    public void Access_for_an_area_the_build_does_not_generate_is_refused()
    {
        var error = Assert.Throws<SpecException>(() => AreaChoices.Parse("workItemTracking", "git=internal", "public"));
        Assert.Contains("'git', which the build does not generate", error.Message);
    }
}
