namespace AdoTypedSdk;

/// <summary>
/// Base of every generated client. Get clients from <see cref="AdoConnection.GetClient{TClient}"/>, or construct them with an
/// <see cref="AdoConnection"/>; for a test double, derive from a client and override the methods the code under test calls.
/// </summary>
public abstract class AdoClientBase
{
    /// <summary>For test doubles: a client without a connection, whose methods a derived class overrides.</summary>
    protected AdoClientBase()
    {
        Connection = null!;
    }

    /// <summary>Creates a client that sends through <paramref name="connection"/>.</summary>
    protected AdoClientBase(AdoConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Connection = connection;
    }

    /// <summary>The connection this client sends through (null for a test double).</summary>
    public AdoConnection Connection { get; }

    /// <summary>The ADO area this client belongs to; the generated catalog supplies it for each client.</summary>
    public abstract AdoArea Area { get; }
}
