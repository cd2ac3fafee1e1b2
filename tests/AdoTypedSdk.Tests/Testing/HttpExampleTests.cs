using AdoTypedSdk.Testing;

namespace AdoTypedSdk.Tests.Testing;

public sealed class HttpExampleTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"example-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_file);

    private HttpExample Read(string url)
    {
        File.WriteAllText(_file, $$"""{ "x-ms-vss-request-method": "GET", "x-ms-vss-request-url": "{{url}}", "parameters": {}, "responses": { "200": { "body": {} } } }""");
        return HttpExample.Read(_file, "wit/azure-devops-server-7.1/httpExamples/templates/GET_templates-onprem.json");
    }

    [Fact]
    public void A_well_formed_url_is_kept_as_recorded()
    {
        var example = Read("https://fabrikam:8080/DefaultCollection/_apis/wit/templates?api-version=7.1");

        Assert.Equal("https://fabrikam:8080/DefaultCollection/_apis/wit/templates?api-version=7.1", example.RequestUrl!.AbsoluteUri);
    }

    [Fact]
    public void A_malformed_authority_keeps_path_and_query()
    {
        var example = Read("https://fabrikam:8080m0652/Test Project/Test Project Team/_apis/wit/templates?$top=2");

        Assert.Equal("recorded.invalid", example.RequestUrl!.Host);
        Assert.Equal("/Test Project/Test Project Team/_apis/wit/templates", Uri.UnescapeDataString(example.RequestUrl.AbsolutePath));
        Assert.Equal("?$top=2", example.RequestUrl.Query);
    }

    [Fact]
    public void Text_without_an_authority_is_no_url()
    {
        Assert.Null(Read("not a url").RequestUrl);
    }
}
