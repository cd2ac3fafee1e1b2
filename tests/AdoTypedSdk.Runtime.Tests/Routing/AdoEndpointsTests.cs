namespace AdoTypedSdk.Runtime.Tests.Routing;

public class AdoEndpointsTests
{
    private static AdoArea Area(string host, string name = "Release") => new("AdoTypedSdk." + name, "specification/x/7.1/x.json", host);

    [Theory]
    [InlineData("dev.azure.com", "https://dev.azure.com/fabrikam/", "https://dev.azure.com/")]
    [InlineData("vsrm.dev.azure.com", "https://vsrm.dev.azure.com/fabrikam/", "https://vsrm.dev.azure.com/")]
    [InlineData("vssps.dev.azure.com", "https://vssps.dev.azure.com/fabrikam/", "https://vssps.dev.azure.com/")]
    [InlineData("{service}dev.azure.com", "https://dev.azure.com/fabrikam/", "https://dev.azure.com/")]
    [InlineData("app.vssps.visualstudio.com", "https://app.vssps.visualstudio.com/fabrikam/", "https://app.vssps.visualstudio.com/")]
    public void Cloud_organization_url_derives_each_area_host(string documentHost, string organizationBase, string hostBase)
    {
        var endpoints = new AdoEndpoints(new Uri("https://dev.azure.com/fabrikam"));

        Assert.Equal(AdoDeployment.Cloud, endpoints.Kind);
        Assert.Equal(organizationBase, endpoints.OrganizationBase(Area(documentHost)).AbsoluteUri);
        Assert.Equal(hostBase, endpoints.HostBase(Area(documentHost)).AbsoluteUri);
    }

    [Theory]
    [InlineData("dev.azure.com", "https://fabrikam.visualstudio.com/")]
    [InlineData("vsrm.dev.azure.com", "https://fabrikam.vsrm.visualstudio.com/")]
    [InlineData("feeds.dev.azure.com", "https://fabrikam.feeds.visualstudio.com/")]
    [InlineData("app.vssps.visualstudio.com", "https://app.vssps.visualstudio.com/")]
    public void Legacy_organization_url_keeps_the_organization_in_the_host(string documentHost, string organizationBase)
    {
        var endpoints = new AdoEndpoints(new Uri("https://fabrikam.visualstudio.com/"));

        Assert.Equal(AdoDeployment.LegacyCloud, endpoints.Kind);
        Assert.Equal("fabrikam", endpoints.Organization);
        Assert.Equal(organizationBase, endpoints.OrganizationBase(Area(documentHost)).AbsoluteUri);
    }

    [Fact]
    public void On_premises_collection_serves_every_area()
    {
        var endpoints = new AdoEndpoints(new Uri("https://server/tfs/DefaultCollection"));

        Assert.Equal(AdoDeployment.OnPremises, endpoints.Kind);
        Assert.Equal("https://server/tfs/DefaultCollection/", endpoints.OrganizationBase(Area("vsrm.dev.azure.com")).AbsoluteUri);
        Assert.Equal("https://server/tfs/DefaultCollection/", endpoints.HostBase(Area("app.vssps.visualstudio.com")).AbsoluteUri);
    }

    [Fact]
    public void Override_replaces_one_area_only()
    {
        var endpoints = new AdoEndpoints(new Uri("https://dev.azure.com/fabrikam"),
            new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase) { ["Release"] = new("https://proxy.contoso.com/rm") });

        Assert.Equal("https://proxy.contoso.com/rm/", endpoints.OrganizationBase(Area("vsrm.dev.azure.com", "Release")).AbsoluteUri);
        Assert.Equal("https://vsrm.dev.azure.com/fabrikam/", endpoints.OrganizationBase(Area("vsrm.dev.azure.com", "Other")).AbsoluteUri);
    }

    [Theory]
    [InlineData("https://dev.azure.com/")]
    [InlineData("https://dev.azure.com/a/b")]
    public void Cloud_url_must_name_one_organization(string url)
    {
        var error = Assert.Throws<ArgumentException>(() => new AdoEndpoints(new Uri(url)));
        Assert.Contains(url, error.Message);
    }
}
