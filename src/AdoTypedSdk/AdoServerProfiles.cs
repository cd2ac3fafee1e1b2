namespace AdoTypedSdk;

/// <summary>
/// The on-premises profiles an app's build can generate (<c>AdoApiVersion</c>): Microsoft's documents of each Azure DevOps Server, with
/// the highest REST API version the server accepts and the product it ships in.
/// </summary>
internal static class AdoServerProfiles
{
    internal sealed record Profile(string Name, Version ApiVersion, string Product);

    /// <summary>Newest first.</summary>
    internal static readonly IReadOnlyList<Profile> All =
    [
        new("azure-devops-server-7.1", new(7, 1), "Azure DevOps Server 2022 Update 1 or later"),
        new("azure-devops-server-7.0", new(7, 0), "Azure DevOps Server 2022"),
        new("azure-devops-server-6.0", new(6, 0), "Azure DevOps Server 2020"),
        new("azure-devops-server-5.0", new(5, 0), "Azure DevOps Server 2019"),
        new("tfs-4.1", new(4, 1), "Team Foundation Server 2018"),
    ];

    /// <summary>The profile of that name, or null for a cloud version (<c>7.1</c>).</summary>
    internal static Profile? Named(string? name) => All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The REST API version clients generated for <paramref name="name"/> send: a profile's, or the cloud version itself.</summary>
    internal static Version? ApiVersionOf(string? name) =>
        Named(name)?.ApiVersion ?? (Version.TryParse(name, out var cloud) ? cloud : null);

    /// <summary>The newest profile a server that accepts up to <paramref name="serverVersion"/> takes; null when it is older than all.</summary>
    internal static Profile? ForServer(Version serverVersion) => All.FirstOrDefault(p => p.ApiVersion <= serverVersion);
}
