namespace AdoTypedSdk;

/// <summary>The ADO operation a request performs (<c>WorkItems.GetWorkItem</c>): what traces, metrics and errors are named after.</summary>
/// <param name="Area">The area whose document declares the operation.</param>
/// <param name="Client">The client's name without <c>Client</c>: <c>WorkItems</c>.</param>
/// <param name="Name">The operation's name, as its method is named without <c>Async</c>: <c>GetWorkItem</c>.</param>
public sealed record AdoOperation(AdoArea Area, string Client, string Name)
{
    /// <summary><c>WorkItems.GetWorkItem</c>.</summary>
    public string DisplayName { get; } = Client + "." + Name;

    /// <inheritdoc/>
    public override string ToString() => DisplayName;
}
