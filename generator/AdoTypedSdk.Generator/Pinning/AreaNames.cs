namespace AdoTypedSdk.Generator.Pinning;

/// <summary>
/// The name a build knows a document by (<c>AdoAreas</c>, namespaces): its file name, without the <c>-onprem</c> that the on-premises
/// profiles' documents carry, so that <c>workItemTracking</c> names the area in every profile.
/// </summary>
public static class AreaNames
{
    private const string OnPremisesSuffix = "-onprem";

    /// <summary><c>specification/wit/azure-devops-server-7.0/workItemTracking-onprem.json</c> → <c>workItemTracking</c>.</summary>
    public static string Of(string documentPath)
    {
        var name = Path.GetFileNameWithoutExtension(documentPath);
        return name.EndsWith(OnPremisesSuffix, StringComparison.OrdinalIgnoreCase) ? name[..^OnPremisesSuffix.Length] : name;
    }
}
