namespace AdoTypedSdk.Build.Tests.Docs;

/// <summary>How a C# block of the docs and the annotation above it are read.</summary>
public sealed class DocSnippetTests
{
    [Fact]
    public void A_block_without_its_annotation_is_named()
    {
        var error = Assert.Throws<FormatException>(() => DocSnippet.Read("docs/paging.md", ["Text", "```csharp", "var x = 1;", "```"]).ToList());
        Assert.StartsWith("docs/paging.md:2: a C# block without a '<!-- snippet: ... -->' line above it", error.Message);
    }

    [Fact]
    public void An_annotation_says_what_its_block_needs()
    {
        var snippet = Assert.Single(DocSnippet.Read("README.md",
            ["""<!-- snippet: given WebApplicationBuilder builder, AdoConnection ado; areas build, wiki; runs; answers GET Fabrikam/_apis/build/builds {"count": 0, "value": []}; prints 0 builds -->""",
             "  ```csharp", "  var x = 1;", "  ```"]));
        Assert.Equal(("README.md:3", "WebApplicationBuilder builder, AdoConnection ado", "build|wiki", true, false), (snippet.Id, snippet.Given, string.Join('|', snippet.Areas), snippet.Runs, snippet.DeclaresTypes));
        Assert.Equal(["var x = 1;"], snippet.Code);
        Assert.Equal([new DocSnippet.Answer("GET", "Fabrikam/_apis/build/builds", """{"count": 0, "value": []}""")], snippet.Answers);
        Assert.Equal(["0 builds"], snippet.Prints);
    }

    [Fact]
    public void An_unknown_option_is_named_with_its_line()
    {
        var error = Assert.Throws<FormatException>(() => DocSnippet.Read("docs/paging.md", ["<!-- snippet: given int x; run -->", "```csharp", "x++;", "```"]).ToList());
        Assert.Equal("docs/paging.md:1: 'run' is not a snippet option (given, areas, types, from, runs, answers <method> <path> <json>, prints <text>).", error.Message);
    }
}
