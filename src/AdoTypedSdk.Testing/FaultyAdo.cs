using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace AdoTypedSdk.Testing;

/// <summary>
/// A raw HTTPS server on loopback for failures WireMock cannot stage: a connection dropped after the whole request was read, or an answer
/// cut off in the middle of its body. Each request is answered as <c>script</c> says, given the request's number (from 1) and what was
/// received; bodies are counted, not kept, so large uploads cost no memory here. One request per connection. The version check of an
/// on-premises profile's connection (<c>OPTIONS {collection}/_apis/</c>) is answered as <see cref="EmbeddedAdo"/> answers it, and is not
/// among <see cref="Requests"/>.
/// </summary>
public sealed class FaultyAdo : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<int, ReceivedRequest, Fault> _script;
    private readonly List<ReceivedRequest> _requests = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    /// <summary>Starts the server on a free loopback port.</summary>
    public FaultyAdo(Func<int, ReceivedRequest, Fault> script, string organization = "fabrikam")
    {
        _script = script;
        _listener.Start();
        OrganizationUrl = new Uri($"https://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/{organization}");
        _loop = Task.Run(AcceptAsync);
    }

    /// <summary><c>https://127.0.0.1:{port}/{organization}</c>.</summary>
    public Uri OrganizationUrl { get; }

    /// <summary>Every request read to its end, in order.</summary>
    public IReadOnlyList<ReceivedRequest> Requests
    {
        get { lock (_requests) return _requests.ToList(); }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            await using var tls = new SslStream(client.GetStream());
            await tls.AuthenticateAsServerAsync(LoopbackCertificate.Instance);
            var request = await ReadRequestAsync(tls);
            if (request is null)
                return;
            // The version check of an on-premises profile's connection is answered as a server would, as EmbeddedAdo does, so scripts see
            // only the calls under test.
            var fault = request.Method == "OPTIONS" && request.Target == OrganizationUrl.AbsolutePath + "/_apis/"
                ? Fault.Respond(200, EmbeddedAdo.ResourceLocations(EmbeddedAdo.GeneratedApiVersion()))
                : Script(request);
            await AnswerAsync(tls, fault);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
        {
            // The client went away; nothing to answer.
        }
    }

    /// <summary>Records <paramref name="request"/> and asks the script what to do with it.</summary>
    private Fault Script(ReceivedRequest request)
    {
        int number;
        lock (_requests)
        {
            _requests.Add(request);
            number = _requests.Count;
        }
        return _script(number, request);
    }

    private async Task AnswerAsync(SslStream tls, Fault fault)
    {
        if (fault.Kind == FaultKind.NoAnswer)
            await Task.Delay(Timeout.Infinite, _stop.Token);
        if (fault.Kind == FaultKind.Drop)
            return;
        if (fault.Kind == FaultKind.Download)
        {
            await WriteDownloadAsync(tls, fault.DownloadLength);
            return;
        }
        var status = fault.Status;
        var body = Encoding.UTF8.GetBytes(fault.Body);
        var head = new StringBuilder($"HTTP/1.1 {status} {fault.ReasonPhrase ?? ((HttpStatusCode)status).ToString()}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n");
        foreach (var (name, value) in fault.Headers)
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        await tls.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()));
        await tls.WriteAsync(body.AsMemory(0, Math.Min(body.Length, fault.BodyBytesSent ?? body.Length)));
        await tls.FlushAsync();
    }

    /// <summary>A 200 with <paramref name="length"/> bytes of <c>application/octet-stream</c>, made as they are sent.</summary>
    private static async Task WriteDownloadAsync(Stream stream, long length)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n"));
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)0x5A);
        for (var left = length; left > 0; left -= chunk.Length)
            await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, left)));
        await stream.FlushAsync();
    }

    private static async Task<ReceivedRequest?> ReadRequestAsync(Stream stream)
    {
        var reader = new BufferedReader(stream);
        var requestLine = await reader.ReadLineAsync();
        if (string.IsNullOrEmpty(requestLine))
            return null;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var line = await reader.ReadLineAsync(); !string.IsNullOrEmpty(line); line = await reader.ReadLineAsync())
        {
            var colon = line.IndexOf(':');
            headers[line[..colon]] = line[(colon + 1)..].Trim();
        }
        long length = 0;
        if (headers.TryGetValue("Content-Length", out var declared))
            length = await reader.SkipAsync(long.Parse(declared, CultureInfo.InvariantCulture));
        else if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            for (var size = long.Parse((await reader.ReadLineAsync())!.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture); size > 0;
                 size = long.Parse((await reader.ReadLineAsync())!.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture))
            {
                length += await reader.SkipAsync(size);
                await reader.ReadLineAsync();
            }
            await reader.ReadLineAsync();
        }
        var parts = requestLine.Split(' ');
        return new ReceivedRequest(parts[0], parts[1], headers, length);
    }

    /// <summary>Stops the server.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _loop.Wait(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }

    /// <summary>Reads lines and skips bodies over one buffer.</summary>
    private sealed class BufferedReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _start, _end;

        public async Task<string?> ReadLineAsync()
        {
            var line = new StringBuilder();
            while (true)
            {
                if (_start == _end && !await FillAsync())
                    return line.Length == 0 ? null : line.ToString();
                var b = _buffer[_start++];
                if (b == '\n')
                    return line.ToString().TrimEnd('\r');
                line.Append((char)b);
            }
        }

        public async Task<long> SkipAsync(long count)
        {
            var skipped = 0L;
            while (skipped < count && (_start < _end || await FillAsync()))
            {
                var take = (int)Math.Min(count - skipped, _end - _start);
                _start += take;
                skipped += take;
            }
            return skipped;
        }

        private async Task<bool> FillAsync()
        {
            _start = 0;
            _end = await stream.ReadAsync(_buffer);
            return _end > 0;
        }
    }
}

/// <summary>A request <see cref="FaultyAdo"/> read to its end.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Target">The request target as sent: path and query, still escaped.</param>
/// <param name="Headers">The request headers.</param>
/// <param name="BodyLength">How many body bytes arrived.</param>
public sealed record ReceivedRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, long BodyLength);

/// <summary>What <see cref="FaultyAdo"/> does with a request it has read.</summary>
/// <param name="Kind">Answer, close the connection, or keep it open without a word.</param>
/// <param name="Status">The status to answer with.</param>
/// <param name="Body">The JSON body.</param>
/// <param name="BodyBytesSent">How many bytes of the body to send before closing; null for all of them.</param>
/// <param name="Headers">Extra response headers.</param>
/// <param name="DownloadLength">For <see cref="FaultKind.Download"/>, how many bytes to send.</param>
/// <param name="ReasonPhrase">The status line's reason; null for the status's usual name.</param>
public sealed record Fault(FaultKind Kind, int Status, string Body, int? BodyBytesSent, IReadOnlyList<(string Name, string Value)> Headers, long DownloadLength = 0, string? ReasonPhrase = null)
{
    /// <summary>Answers with <paramref name="length"/> bytes of <c>application/octet-stream</c>, made as they are sent (nothing is held).</summary>
    public static Fault Download(long length) => new(FaultKind.Download, 200, "", null, [], length);

    /// <summary>Closes the connection after reading the whole request: the service may have acted on it.</summary>
    public static Fault DropAfterRequest { get; } = new(FaultKind.Drop, 0, "", null, []);

    /// <summary>Reads the whole request and never answers, until the server stops.</summary>
    public static Fault NoAnswer { get; } = new(FaultKind.NoAnswer, 0, "", null, []);

    /// <summary>Answers in full.</summary>
    public static Fault Respond(int status, string body, params (string Name, string Value)[] headers) => new(FaultKind.Answer, status, body, null, headers);

    /// <summary>Declares the whole body's length, sends <paramref name="bytesSent"/> bytes of it and closes the connection.</summary>
    public static Fault CutBody(int status, string body, int bytesSent) => new(FaultKind.Answer, status, body, bytesSent, []);
}

/// <summary>How <see cref="FaultyAdo"/> treats a request.</summary>
public enum FaultKind
{
    /// <summary>Sends an answer, maybe cut short.</summary>
    Answer,

    /// <summary>Closes the connection without answering.</summary>
    Drop,

    /// <summary>Keeps the connection open without answering.</summary>
    NoAnswer,

    /// <summary>Sends a large binary answer.</summary>
    Download,
}
