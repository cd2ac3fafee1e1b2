using AdoTypedSdk.Generator.Emission;

namespace AdoTypedSdk.Generator.Tests.Emission;

public class NamespaceNamesTests
{
    [Theory]
    [InlineData("specification/wit/7.1/workItemTracking.json", "AdoTypedSdk.WorkItemTracking")]
    [InlineData("specification/advancedSecurity/7.2/advancedSecurity.Reporting.json", "AdoTypedSdk.AdvancedSecurityReporting")]
    [InlineData("specification/distributedTask/7.1/task.json", "AdoTypedSdk.DistributedTask")]
    [InlineData("specification/approvalsAndChecks/7.1/pipelinesapproval.json", "AdoTypedSdk.PipelinesApproval")]
    public void Namespace_comes_from_the_document_name(string path, string expected) =>
        Assert.Equal(expected, NamespaceNames.ForDocument(path));
}
