namespace AdoTypedSdk.Hooks;

/// <summary>
/// How <see cref="ServiceHookReceiver"/> checks a delivery. ADO signs nothing: a subscription sends either basic-authentication
/// credentials or custom headers, so configure one of the two (bound from configuration by <c>AddAdoServiceHookReceiver</c>).
/// </summary>
public sealed class ServiceHookReceiverOptions
{
    /// <summary>The user name the subscription's basic authentication sends.</summary>
    public string? BasicUserName { get; set; }

    /// <summary>The password the subscription's basic authentication sends.</summary>
    public string? BasicPassword { get; set; }

    /// <summary>The name of a custom header the subscription sends (<c>X-Hook-Secret</c>).</summary>
    public string? SecretHeaderName { get; set; }

    /// <summary>The shared secret the header carries.</summary>
    public string? SecretHeaderValue { get; set; }

    /// <summary>The largest body accepted, in bytes; a larger one is refused with 413 without being read whole. 1 MiB by default.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How long a processed event's id is remembered, so that ADO's retries of it are skipped. Two days by default.</summary>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromDays(2);

    /// <summary>
    /// How long a delivery being processed holds its id: another delivery of the event meanwhile is answered 409, so ADO tries it again
    /// later, instead of being processed twice. Five minutes by default.
    /// </summary>
    public TimeSpan ProcessingTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
