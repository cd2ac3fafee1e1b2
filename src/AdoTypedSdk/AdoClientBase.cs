using System.ComponentModel;
using System.Text;

namespace AdoTypedSdk;

/// <summary>
/// Base of every generated client: the one place where clients are constructed, addressed and connected to the HTTP pipeline.
/// Get clients from <see cref="AdoConnection.GetClient{TClient}"/> or construct them with an <see cref="AdoConnection"/>.
/// </summary>
public abstract partial class AdoClientBase
{
    private readonly string _clientName;

    /// <summary>Creates a client that sends through <paramref name="connection"/>.</summary>
    protected AdoClientBase(AdoConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Connection = connection;
        var name = GetType().Name;
        _clientName = name.EndsWith("Client", StringComparison.Ordinal) ? name[..^"Client".Length] : name;
        _baseAddress = organizationScoped => organizationScoped ? Connection.Endpoints.OrganizationBase(Area) : Connection.Endpoints.HostBase(Area);
    }

    // Made once: every request resolves its URL with it, and is named after its operation.
    private readonly Func<bool, Uri> _baseAddress;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, AdoOperation> _operations = new(StringComparer.Ordinal);

    /// <summary>The connection this client sends through.</summary>
    public AdoConnection Connection { get; }

    /// <summary>The ADO area this client belongs to; the generated catalog supplies it for each client.</summary>
    public abstract AdoArea Area { get; }

    // The members below are the hooks the generated code calls (NSwag's client-base conventions, and our Client.Class.BeforeSend template).

    /// <summary>Called by the generated methods just before sending: names the operation for the pipeline's traces, metrics and errors.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected void SetOperation(HttpRequestMessage request, string operationName)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_operations.TryGetValue(operationName, out var operation))
            _operations[operationName] = operation = new AdoOperation(Area, _clientName, operationName);
        request.Options.Set(AdoOperation.RequestOption, operation);
    }

    /// <summary>The connection's shared HTTP client; called by the generated methods.</summary>
    protected Task<HttpClient> CreateHttpClientAsync(CancellationToken cancellationToken) => Task.FromResult(Connection.HttpClient);

    /// <summary>Makes the generated relative URL absolute for this client's area; called by the generated methods.</summary>
    protected Task PrepareRequestAsync(HttpClient client, HttpRequestMessage request, StringBuilder urlBuilder, CancellationToken cancellationToken)
    {
        var absolute = Routing.RouteTemplate.Resolve(urlBuilder.ToString(), _baseAddress);
        urlBuilder.Clear().Append(absolute);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Called by the generated methods once the request is complete: header parameters, which the generated code adds without validation,
    /// must not hold CR, LF or NUL, which would end the header and start another of the caller's choosing.
    /// </summary>
    protected Task PrepareRequestAsync(HttpClient client, HttpRequestMessage request, string url, CancellationToken cancellationToken)
    {
        RejectLineBreaks(request.Headers.NonValidated);
        if (request.Content is not null)
            RejectLineBreaks(request.Content.Headers.NonValidated);
        MoveContentHeaders(request);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Called by the generated methods with every response (NSwag's hook). Nothing is left to do here: rate-limit reports, rejected
    /// identities and traces are the connection's pipeline policies, so that pages and links get them as well.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected virtual Task ProcessResponseAsync(HttpClient client, HttpResponseMessage response, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Header parameters that are content headers (<c>Content-Range</c>) arrive under this prefix, written by the generator's
    /// HeaderParameterName rule, because .NET refuses content headers among a request's own headers; they belong on the body.
    /// </summary>
    private const string ContentHeaderPrefix = "X-AdoTypedSdk-Body-";

    private static string HeaderName(string sent) =>
        sent.StartsWith(ContentHeaderPrefix, StringComparison.OrdinalIgnoreCase) ? sent[ContentHeaderPrefix.Length..] : sent;

    private static void RejectLineBreaks(System.Net.Http.Headers.HttpHeadersNonValidated headers)
    {
        foreach (var (name, values) in headers)
            foreach (var value in values)
                if (value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
                    throw new ArgumentException($"The value of the '{HeaderName(name)}' header contains CR, LF or NUL, which would end the header and start another. Nothing was sent.", HeaderName(name));
    }

    private static void MoveContentHeaders(HttpRequestMessage request)
    {
        var any = false;
        foreach (var header in request.Headers.NonValidated)
            any |= header.Key.StartsWith(ContentHeaderPrefix, StringComparison.OrdinalIgnoreCase);
        if (!any)
            return;
        foreach (var (name, values) in request.Headers.Where(h => h.Key.StartsWith(ContentHeaderPrefix, StringComparison.OrdinalIgnoreCase)).ToList())
        {
            request.Headers.Remove(name);
            var header = HeaderName(name);
            request.Content ??= new ByteArrayContent([]);
            request.Content.Headers.Remove(header);
            request.Content.Headers.TryAddWithoutValidation(header, values);
        }
    }
}
