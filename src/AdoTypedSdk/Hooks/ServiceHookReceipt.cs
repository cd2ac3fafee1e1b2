namespace AdoTypedSdk.Hooks;

/// <summary>What to answer ADO for one delivery: the status, a message for the body, and the event when it was read.</summary>
/// <param name="Status">200 (processed, or a duplicate skipped), 400, 401, 409 (the event is being processed by another delivery) or 413.</param>
/// <param name="Message">Why, in a sentence, for the answer's body and the log.</param>
/// <param name="Event">The event, once the body was read.</param>
/// <param name="Duplicate">The event had been processed before, and was skipped.</param>
public sealed record ServiceHookReceipt(int Status, string Message, ServiceHookEvent? Event = null, bool Duplicate = false)
{
    /// <summary>The <c>WWW-Authenticate</c> header to send with a 401 for basic authentication; null otherwise.</summary>
    public string? WwwAuthenticate { get; init; }
}
