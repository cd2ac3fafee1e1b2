namespace AdoTypedSdk;

/// <summary>What a connection does with ADO's rate-limit signals (<see cref="AdoThrottlingOptions.Mode"/>).</summary>
public enum AdoThrottlingMode
{
    /// <summary>Nothing: requests go out at full speed until ADO refuses them (429), and only the retry policy waits.</summary>
    Off,

    /// <summary>Reports the waits the governor would make (metrics, span events, logs) but sends at once.</summary>
    Observe,

    /// <summary>Holds and paces the connection's requests as ADO's headers ask. The default.</summary>
    Enforce,
}
