namespace AdoTypedSdk;

/// <summary>
/// The clients were generated for a newer REST API version than the Azure DevOps Server accepts: nothing was sent. The message names the
/// profile to generate instead (<see cref="SuggestedProfile"/>).
/// </summary>
public sealed class AdoServerVersionException : AdoApiException
{
    internal AdoServerVersionException(string generatedFor, Version serverVersion, string? suggestedProfile, string? product)
        : base(Describe(generatedFor, serverVersion, suggestedProfile, product), null, null)
    {
        GeneratedFor = generatedFor;
        ServerVersion = serverVersion;
        SuggestedProfile = suggestedProfile;
    }

    /// <summary>The <c>AdoApiVersion</c> the clients were generated for.</summary>
    public string GeneratedFor { get; }

    /// <summary>The newest REST API version the server accepts.</summary>
    public Version ServerVersion { get; }

    /// <summary>The profile that fits the server, or null when the server is older than every profile.</summary>
    public string? SuggestedProfile { get; }

    private static string Describe(string generatedFor, Version serverVersion, string? suggested, string? product) =>
        $"The clients were generated for {generatedFor}; this server supports up to {serverVersion}" +
        (suggested is null
            ? ", which is older than every profile AdoTypedSdk generates. Nothing was sent."
            : $" ({product}): set AdoApiVersion to {suggested}. Nothing was sent.");
}
