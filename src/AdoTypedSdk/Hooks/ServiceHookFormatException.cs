namespace AdoTypedSdk.Hooks;

/// <summary>A posted body that is not a service-hook event; the message names what is missing.</summary>
public sealed class ServiceHookFormatException(string message) : Exception(message);
