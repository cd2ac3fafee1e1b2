[assembly: System.Runtime.Versioning.TargetFramework(".NETCoreApp,Version=v10.0", FrameworkDisplayName=".NET 10.0")]
namespace AdoTypedSdk.Testing
{
    public sealed class EmbeddedAdo : System.IDisposable
    {
        public EmbeddedAdo(string organization = "fabrikam", string? serverApiVersion = null) { }
        public string Organization { get; }
        public System.Uri OrganizationUrl { get; }
        public WireMock.Server.WireMockServer Server { get; }
        public string ServerApiVersion { get; }
        public AdoTypedSdk.AdoConnection Connect(Azure.Core.TokenCredential credential, AdoTypedSdk.AdoClientOptions? options = null) { }
        public void Dispose() { }
        public static AdoTypedSdk.AdoClientOptions CreateOptions() { }
    }
    public sealed class EmbeddedWorkItems
    {
        public EmbeddedWorkItems(AdoTypedSdk.Testing.EmbeddedAdo ado) { }
        public System.TimeSpan CallDelay { get; set; }
        public int Count { get; }
        public System.Collections.Generic.IReadOnlyList<AdoTypedSdk.Testing.EmbeddedWorkItems.RecordedRequest> Requests { get; }
        public int Add(System.Collections.Generic.IReadOnlyDictionary<string, object?> fields) { }
        public void Add(int id, System.Collections.Generic.IReadOnlyDictionary<string, object?> fields) { }
        public void AddLink(int source, int target, string type = "System.LinkTypes.Hierarchy-Forward") { }
        public void AddMany(int count, System.Func<int, System.Collections.Generic.Dictionary<string, object?>> fields) { }
        public void Change(int id, string referenceName, object? value) { }
        public Newtonsoft.Json.Linq.JObject? Get(int id) { }
        public Newtonsoft.Json.Linq.JToken? GetField(int id, string referenceName) { }
        public void Hide(int id) { }
        public sealed class RecordedRequest : System.IEquatable<AdoTypedSdk.Testing.EmbeddedWorkItems.RecordedRequest>
        {
            public RecordedRequest(string Method, string PathAndQuery, string? Body) { }
            public string? Body { get; init; }
            public string Method { get; init; }
            public string PathAndQuery { get; init; }
        }
    }
    public static class ExampleStubs
    {
        public static AdoTypedSdk.Testing.HttpExample Serve(this AdoTypedSdk.Testing.EmbeddedAdo ado, string examplePath) { }
        public static AdoTypedSdk.Testing.HttpExample Serve(this AdoTypedSdk.Testing.EmbeddedAdo ado, string specRoot, string examplePath) { }
    }
    public sealed class Fault : System.IEquatable<AdoTypedSdk.Testing.Fault>
    {
        public Fault(AdoTypedSdk.Testing.FaultKind Kind, int Status, string Body, int? BodyBytesSent, [System.Runtime.CompilerServices.TupleElementNames(new string[] {
                "Name",
                "Value"})] System.Collections.Generic.IReadOnlyList<System.ValueTuple<string, string>> Headers, long DownloadLength = 0, string? ReasonPhrase = null) { }
        public string Body { get; init; }
        public int? BodyBytesSent { get; init; }
        public long DownloadLength { get; init; }
        [System.Runtime.CompilerServices.TupleElementNames(new string[] {
                "Name",
                "Value"})]
        public System.Collections.Generic.IReadOnlyList<System.ValueTuple<string, string>> Headers { get; init; }
        public AdoTypedSdk.Testing.FaultKind Kind { get; init; }
        public string? ReasonPhrase { get; init; }
        public int Status { get; init; }
        public static AdoTypedSdk.Testing.Fault DropAfterRequest { get; }
        public static AdoTypedSdk.Testing.Fault NoAnswer { get; }
        public static AdoTypedSdk.Testing.Fault CutBody(int status, string body, int bytesSent) { }
        public static AdoTypedSdk.Testing.Fault Download(long length) { }
        public static AdoTypedSdk.Testing.Fault Respond(int status, string body, [System.Runtime.CompilerServices.TupleElementNames(new string[] {
                "Name",
                "Value"})] params System.ValueTuple<string, string>[] headers) { }
    }
    public enum FaultKind
    {
        Answer = 0,
        Drop = 1,
        NoAnswer = 2,
        Download = 3,
    }
    public sealed class FaultyAdo : System.IDisposable
    {
        public FaultyAdo(System.Func<int, AdoTypedSdk.Testing.ReceivedRequest, AdoTypedSdk.Testing.Fault> script, string organization = "fabrikam") { }
        public System.Uri OrganizationUrl { get; }
        public System.Collections.Generic.IReadOnlyList<AdoTypedSdk.Testing.ReceivedRequest> Requests { get; }
        public void Dispose() { }
    }
    public sealed class ForwardOnlyStream : System.IO.Stream
    {
        public ForwardOnlyStream(long length, byte fill = 90) { }
        public override bool CanRead { get; }
        public override bool CanSeek { get; }
        public override bool CanWrite { get; }
        public override long Length { get; }
        public override long Position { get; set; }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) { }
        public override long Seek(long offset, System.IO.SeekOrigin origin) { }
        public override void SetLength(long value) { }
        public override void Write(byte[] buffer, int offset, int count) { }
    }
    public static class GeneratedSpecs
    {
        public static string ApiVersion { get; }
        public static string NormalizedRoot { get; }
        public static string SpecRoot { get; }
        public static System.Collections.Generic.IReadOnlyList<string> DocumentPaths() { }
    }
    public sealed class HttpExample : System.IEquatable<AdoTypedSdk.Testing.HttpExample>
    {
        public HttpExample(string Path, string? Method, System.Uri? RequestUrl, Newtonsoft.Json.Linq.JObject Parameters, System.Collections.Generic.IReadOnlyDictionary<int, AdoTypedSdk.Testing.HttpExampleResponse> Responses) { }
        public string? Method { get; init; }
        public Newtonsoft.Json.Linq.JObject Parameters { get; init; }
        public string Path { get; init; }
        public System.Collections.Generic.KeyValuePair<int, AdoTypedSdk.Testing.HttpExampleResponse>? PrimaryResponse { get; }
        public System.Uri? RequestUrl { get; init; }
        public System.Collections.Generic.IReadOnlyDictionary<int, AdoTypedSdk.Testing.HttpExampleResponse> Responses { get; init; }
        public static AdoTypedSdk.Testing.HttpExample Read(string file, string relativePath) { }
    }
    public sealed class HttpExampleResponse : System.IEquatable<AdoTypedSdk.Testing.HttpExampleResponse>
    {
        public HttpExampleResponse(System.Collections.Generic.IReadOnlyDictionary<string, string> Headers, Newtonsoft.Json.Linq.JToken? Body) { }
        public Newtonsoft.Json.Linq.JToken? Body { get; init; }
        public System.Collections.Generic.IReadOnlyDictionary<string, string> Headers { get; init; }
    }
    public static class LoopbackCertificate
    {
        public static System.Security.Cryptography.X509Certificates.X509Certificate2 Instance { get; }
    }
    public static class LoopbackTransport
    {
        public static Azure.Core.Pipeline.HttpPipelineTransport Create() { }
        public static bool IsLoopback(System.Uri uri) { }
    }
    public sealed class ManagedIdentityEndpoint : System.IDisposable
    {
        public const string IdentityHeader = "loopback-identity-secret";
        public ManagedIdentityEndpoint(System.TimeSpan? tokenLifetime = default) { }
        public System.Collections.Generic.IReadOnlyList<AdoTypedSdk.Testing.ManagedIdentityEndpoint.TokenRequest> Requests { get; }
        public WireMock.Server.WireMockServer Server { get; }
        public string Url { get; }
        public void Dispose() { }
        public void UseForThisProcess() { }
        public sealed class TokenRequest : System.IEquatable<AdoTypedSdk.Testing.ManagedIdentityEndpoint.TokenRequest>
        {
            public TokenRequest(string? ApiVersion, string? Resource, string? ClientId, string? IdentityHeader) { }
            public string? ApiVersion { get; init; }
            public string? ClientId { get; init; }
            public string? IdentityHeader { get; init; }
            public string? Resource { get; init; }
        }
    }
    public sealed class ReceivedRequest : System.IEquatable<AdoTypedSdk.Testing.ReceivedRequest>
    {
        public ReceivedRequest(string Method, string Target, System.Collections.Generic.IReadOnlyDictionary<string, string> Headers, long BodyLength) { }
        public long BodyLength { get; init; }
        public System.Collections.Generic.IReadOnlyDictionary<string, string> Headers { get; init; }
        public string Method { get; init; }
        public string Target { get; init; }
    }
    public sealed class SimulatedAdo
    {
        public SimulatedAdo(AdoTypedSdk.Testing.SimulatedAdoOptions? options = null) { }
        public int Delayed { get; }
        public System.Net.Http.HttpMessageHandler Handler { get; }
        public System.Uri OrganizationUrl { get; }
        public int Refused { get; }
        public int Requests { get; }
        public System.TimeSpan ScaledWindow { get; }
        public Azure.Core.Pipeline.HttpPipelineTransport CreateTransport() { }
        public System.TimeSpan MinimumTime(int requests, double cost) { }
    }
    public sealed class SimulatedAdoOptions
    {
        public SimulatedAdoOptions() { }
        public double Budget { get; set; }
        public System.Func<System.Net.Http.HttpRequestMessage, double> Cost { get; set; }
        public System.TimeSpan MaxDelay { get; set; }
        public string Resource { get; set; }
        public System.Func<System.Net.Http.HttpRequestMessage, System.Net.Http.HttpResponseMessage>? Respond { get; set; }
        public double TimeScale { get; set; }
        public double WarningShare { get; set; }
        public System.TimeSpan Window { get; set; }
    }
}