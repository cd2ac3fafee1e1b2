using System.ComponentModel;
using AdoTypedSdk.Routing;
using Azure.Core;

namespace AdoTypedSdk.GeneratedCode;

/// <summary>
/// For generated code; not part of the supported API, and may change in any release. One operation of a generated client, made once per
/// client type: its route, method, what it asks for, and which statuses are its successes.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class OperationDefinition
{
    private readonly int[] _withBody;
    private readonly int[] _withoutBody;
    private AdoOperation? _operation;

    /// <param name="client">The client's name without <c>Client</c> (<c>WorkItems</c>).</param>
    /// <param name="name">The operation's name (<c>GetWorkItem</c>).</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="route">The route with its fixed query, as the generator writes it (see <c>RouteTemplate</c>).</param>
    /// <param name="accept">The media type asked for: JSON, or what a download produces.</param>
    /// <param name="withBody">The success statuses that carry the operation's value.</param>
    /// <param name="withoutBody">The success statuses that carry none (204): the value is null.</param>
    /// <param name="download">The value is the body itself, streamed (<see cref="FileResponse"/>), not JSON.</param>
    public OperationDefinition(string client, string name, string method, string route, string accept, int[] withBody, int[] withoutBody, bool download = false)
    {
        Client = client;
        Name = name;
        Method = RequestMethod.Parse(method);
        Route = new RouteTemplate(route);
        Accept = accept;
        _withBody = withBody;
        _withoutBody = withoutBody;
        Download = download;
    }

    internal string Client { get; }

    internal string Name { get; }

    internal RequestMethod Method { get; }

    internal RouteTemplate Route { get; }

    internal string Accept { get; }

    internal bool Download { get; }

    /// <summary>The operation as traces, metrics and errors name it; the area is the client's, known once a client exists.</summary>
    internal AdoOperation Operation(AdoArea area) =>
        _operation is { } known && ReferenceEquals(known.Area, area) ? known : _operation = new AdoOperation(area, Client, Name);

    internal ResponseKind Classify(int status) =>
        Array.IndexOf(_withBody, status) >= 0 ? ResponseKind.Value
        : Array.IndexOf(_withoutBody, status) >= 0 ? ResponseKind.NoValue
        : ResponseKind.Failure;

    internal enum ResponseKind { Value, NoValue, Failure }
}
