using System.Diagnostics.CodeAnalysis;
using System.Text;
using Azure;
using Azure.Core;

namespace AdoTypedSdk.Tests.Infrastructure;

/// <summary>An answer with a JSON body, as the pipeline hands one over (buffered), for tests of how answers are read.</summary>
internal sealed class JsonAnswer(string json, int status = 200) : Response
{
    public override int Status => status;

    public override string ReasonPhrase => "OK";

    public override Stream? ContentStream { get; set; } = new MemoryStream(Encoding.UTF8.GetBytes(json));

    public override string ClientRequestId { get; set; } = "";

    /// <summary>Reads <paramref name="json"/> as a generated call reads its answer.</summary>
    public static T Read<T>(string json) => AdoJson.Read<T>(new JsonAnswer(json), null);

    public override void Dispose()
    {
    }

    protected override bool ContainsHeader(string name) => name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase);

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => [new HttpHeader("Content-Type", "application/json")];

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
    {
        value = ContainsHeader(name) ? "application/json" : null;
        return value is not null;
    }

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        values = ContainsHeader(name) ? ["application/json"] : null;
        return values is not null;
    }
}
