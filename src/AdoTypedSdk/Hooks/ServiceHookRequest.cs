namespace AdoTypedSdk.Hooks;

/// <summary>
/// A delivery as any HTTP stack sees it (ASP.NET Core's <c>HttpRequest</c>, Functions' <c>HttpRequestData</c>), so the receiver needs
/// neither: its headers, its body and its declared length.
/// </summary>
/// <param name="Header">A header's value by name, or null when absent.</param>
/// <param name="Body">The body; read once, and no further than the size limit.</param>
/// <param name="ContentLength">The declared length, when the request has one.</param>
public sealed record ServiceHookRequest(Func<string, string?> Header, Stream Body, long? ContentLength);
