namespace AdoTypedSdk.Tests.Routing;

/// <summary>Every area of the all-areas build resolves to its document's host.</summary>
public class GeneratedAreaEndpointTests
{
    [Fact]
    public void Every_generated_area_resolves_to_its_documents_host_for_a_cloud_organization()
    {
        var endpoints = new AdoEndpoints(new Uri("https://dev.azure.com/fabrikam"));

        Assert.All(AdoConnection.Areas, area =>
        {
            var expectedHost = area.Host.Replace("{service}", "");
            Assert.Equal(expectedHost, endpoints.OrganizationBase(area).Host);
            Assert.Equal("https", endpoints.OrganizationBase(area).Scheme);
        });
        Assert.Equal("vsrm.dev.azure.com", endpoints.OrganizationBase(AdoConnection.Areas.Single(a => a.Name == "Release")).Host);
        Assert.Equal("app.vssps.visualstudio.com", endpoints.HostBase(AdoConnection.Areas.Single(a => a.Name == "Accounts")).Host);
    }
}
