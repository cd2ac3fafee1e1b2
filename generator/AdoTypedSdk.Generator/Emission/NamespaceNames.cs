using AdoTypedSdk.Generator.Normalization;

namespace AdoTypedSdk.Generator.Emission;

public static class NamespaceNames
{
    public const string Root = "AdoTypedSdk";

    /// <summary>Names that would shadow a type the SDK's own code uses (<c>AdoTypedSdk.Task</c> hides <c>System.Threading.Tasks.Task</c>).</summary>
    private static readonly HashSet<string> Reserved = ["Task", "Tasks", "Threading", "Object", "String", "Type", "Action", "Uri", "Exception"];

    /// <summary>Document names that upstream writes as one lowercase word although they are several: their words.</summary>
    private static readonly Dictionary<string, string> LowercaseNames = new(StringComparer.Ordinal) { ["pipelinesapproval"] = "PipelinesApproval" };

    /// <summary>
    /// <c>specification/wit/7.1/workItemTracking.json</c> (or <c>…/azure-devops-server-7.0/workItemTracking-onprem.json</c>) →
    /// <c>AdoTypedSdk.WorkItemTracking</c>; a reserved document name takes its area's
    /// name instead (<c>specification/distributedTask/7.1/task.json</c> → <c>AdoTypedSdk.DistributedTask</c>).
    /// </summary>
    public static string ForDocument(string documentPath)
    {
        var fileName = Pinning.AreaNames.Of(documentPath);
        var name = LowercaseNames.GetValueOrDefault(fileName) ?? Identifiers.Pascal(fileName);
        if (Reserved.Contains(name))
            name = Identifiers.Pascal(documentPath.Split('/')[1]);
        return Root + "." + name;
    }
}
