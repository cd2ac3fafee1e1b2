[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("AdoTypedSdk.Runtime.Tests")]
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("AdoTypedSdk.Tests")]
[assembly: System.Runtime.Versioning.TargetFramework(".NETCoreApp,Version=v10.0", FrameworkDisplayName=".NET 10.0")]
namespace AdoTypedSdk
{
    public class AdoApiException : Azure.RequestFailedException
    {
        public AdoApiException(Azure.Response response) { }
        public AdoApiException(AdoTypedSdk.AdoApiException failure, string detail) { }
        public string? ActivityId { get; }
        public AdoTypedSdk.AdoOperation? Operation { get; }
        public AdoTypedSdk.AdoRateLimit? RateLimit { get; }
        public AdoTypedSdk.AdoServerError? ServerError { get; }
        public string? ServerMessage { get; }
        public string? TypeKey { get; }
    }
    public sealed class AdoArea : System.IEquatable<AdoTypedSdk.AdoArea>
    {
        public AdoArea(string Namespace, string DocumentPath, string Host) { }
        public string DocumentPath { get; init; }
        public string Host { get; init; }
        public string Name { get; }
        public string Namespace { get; init; }
    }
    public sealed class AdoAuthenticationException : AdoTypedSdk.AdoApiException { }
    public abstract class AdoClientBase
    {
        protected AdoClientBase() { }
        protected AdoClientBase(AdoTypedSdk.AdoConnection connection) { }
        public abstract AdoTypedSdk.AdoArea Area { get; }
        public AdoTypedSdk.AdoConnection Connection { get; }
    }
    public class AdoClientOptions : Azure.Core.ClientOptions
    {
        public const string AzureDevOpsScope = "499b84ac-1321-427f-aa17-267ca6975798/.default";
        public AdoClientOptions() { }
        public bool AllowHttpForOnPremisesCollection { get; set; }
        public System.Collections.Generic.IDictionary<string, System.Uri> BaseAddressOverrides { get; }
        public bool CheckServerVersion { get; set; }
        public long ChunkedUploadThreshold { get; set; }
        public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; set; }
        public bool RetryWrites { get; set; }
        public string Scope { get; set; }
        public int SplitCallConcurrency { get; set; }
        public AdoTypedSdk.AdoThrottlingOptions Throttling { get; }
        public int UploadChunkSize { get; set; }
    }
    public sealed class AdoConnection
    {
        public AdoConnection(System.Net.Http.HttpClient httpClient, AdoTypedSdk.AdoClientOptions? options = null) { }
        public AdoConnection(System.Uri organizationUrl, Azure.AzureKeyCredential personalAccessToken, AdoTypedSdk.AdoClientOptions? options = null) { }
        public AdoConnection(System.Uri organizationUrl, Azure.Core.TokenCredential credential, AdoTypedSdk.AdoClientOptions? options = null) { }
        public AdoTypedSdk.AdoEndpoints Endpoints { get; }
        public AdoTypedSdk.AdoRateLimit? LatestRateLimit { get; }
        public AdoTypedSdk.AdoClientOptions Options { get; }
        public System.Uri OrganizationUrl { get; }
        public Azure.Core.Pipeline.HttpPipeline Pipeline { get; }
        public static string? ApiVersion { get; }
        public static System.Collections.Generic.IReadOnlyList<AdoTypedSdk.AdoArea> Areas { get; }
        public event System.EventHandler<AdoTypedSdk.AdoRateLimit>? RateLimitReported;
        public AdoTypedSdk.AdoClientBase GetClient(System.Type clientType) { }
        public TClient GetClient<TClient>()
            where TClient : AdoTypedSdk.AdoClientBase { }
        public System.Threading.Tasks.Task<T?> GetLinkAsync<T>(System.Uri link, System.Threading.CancellationToken cancellationToken = default) { }
        public static AdoTypedSdk.AdoConnection WithWindowsAuthentication(System.Uri collectionUrl, System.Net.NetworkCredential? credential = null, AdoTypedSdk.AdoClientOptions? options = null) { }
    }
    public enum AdoDeployment
    {
        Cloud = 0,
        LegacyCloud = 1,
        OnPremises = 2,
    }
    public static class AdoDiagnostics
    {
        public const string SourceName = "AdoTypedSdk";
    }
    public sealed class AdoEndpoints
    {
        public AdoEndpoints(System.Uri organizationUrl, System.Collections.Generic.IReadOnlyDictionary<string, System.Uri>? overrides = null) { }
        public AdoTypedSdk.AdoDeployment Kind { get; }
        public string Organization { get; }
        public System.Uri OrganizationUrl { get; }
        public System.Collections.Generic.IReadOnlySet<string> Authorities(System.Collections.Generic.IEnumerable<AdoTypedSdk.AdoArea> areas) { }
        public System.Uri HostBase(AdoTypedSdk.AdoArea area) { }
        public System.Uri OrganizationBase(AdoTypedSdk.AdoArea area) { }
    }
    public static class AdoJson
    {
        public static void Configure(Newtonsoft.Json.JsonSerializerSettings settings) { }
        public static void Configure(System.Text.Json.JsonSerializerOptions options) { }
    }
    public static class AdoLimits
    {
        public const long AttachmentSimpleUploadBytes = 130000000;
        public const int JsonRequestBodyBytes = 26214400;
        public const int LinksPerWorkItem = 1000;
        public const int QueryLength = 32000;
        public const int QueryResults = 20000;
        public const int TagsPerWorkItem = 100;
        public const int WorkItemIdsPerCall = 200;
    }
    public sealed class AdoOperation : System.IEquatable<AdoTypedSdk.AdoOperation>
    {
        public AdoOperation(AdoTypedSdk.AdoArea Area, string Client, string Name) { }
        public AdoTypedSdk.AdoArea Area { get; init; }
        public string Client { get; init; }
        public string DisplayName { get; }
        public string Name { get; init; }
        public override string ToString() { }
    }
    public sealed class AdoRateLimit : System.IEquatable<AdoTypedSdk.AdoRateLimit>
    {
        public AdoRateLimit(string? Resource, System.TimeSpan? Delay, double? Limit, double? Remaining, System.DateTimeOffset? Reset, System.TimeSpan? RetryAfter) { }
        public System.TimeSpan? Delay { get; init; }
        public double? Limit { get; init; }
        public double? Remaining { get; init; }
        public System.DateTimeOffset? Reset { get; init; }
        public string? Resource { get; init; }
        public System.TimeSpan? RetryAfter { get; init; }
        public static AdoTypedSdk.AdoRateLimit? FromHeaders(System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, System.Collections.Generic.IEnumerable<string>>> headers) { }
    }
    public static class AdoResponseExtensions
    {
        extension(Azure.Response response)
        {
            public string? ActivityId { get; }
            public string? ETag { get; }
            public string? ContinuationToken { get; }
            public AdoTypedSdk.AdoRateLimit? RateLimit { get; }
        }
    }
    public sealed class AdoServerError : System.IEquatable<AdoTypedSdk.AdoServerError>
    {
        public AdoServerError(string? Message, string? TypeKey, string? TypeName, int? ErrorCode, int? EventId, AdoTypedSdk.AdoServerError? InnerError) { }
        public int? ErrorCode { get; init; }
        public int? EventId { get; init; }
        public AdoTypedSdk.AdoServerError? InnerError { get; init; }
        public string? Message { get; init; }
        public string? TypeKey { get; init; }
        public string? TypeName { get; init; }
    }
    public class AdoServerOperation<T> : AdoTypedSdk.GeneratedCode.PollingOperation<T>
        where T :  class
    {
        protected AdoServerOperation() { }
        public AdoServerOperation(AdoTypedSdk.AdoConnection connection, string id) { }
        protected override string Description { get; }
        protected override System.Threading.Tasks.Task<Azure.Response<T>> PollAsync(System.Threading.CancellationToken cancellationToken) { }
        protected override AdoTypedSdk.GeneratedCode.PollingState StateOf(Azure.Response<T> read) { }
    }
    public sealed class AdoServerVersionException : AdoTypedSdk.AdoApiException
    {
        public string GeneratedFor { get; }
        public System.Version ServerVersion { get; }
        public string? SuggestedProfile { get; }
    }
    public sealed class AdoThrottledException : System.Exception
    {
        public System.TimeSpan AllowedWait { get; }
        public System.TimeSpan RequiredWait { get; }
        public string? Resource { get; }
    }
    public static class AdoThrottling
    {
        public static System.IDisposable WaitAtMost(System.TimeSpan maxWait) { }
    }
    public enum AdoThrottlingMode
    {
        Off = 0,
        Observe = 1,
        Enforce = 2,
    }
    public sealed class AdoThrottlingOptions
    {
        public AdoThrottlingOptions() { }
        public int MaxConcurrentRequests { get; set; }
        public System.TimeSpan MaxWait { get; set; }
        public AdoTypedSdk.AdoThrottlingMode Mode { get; set; }
        public double PaceBelowRemaining { get; set; }
    }
    public sealed class FileResponse : System.IDisposable
    {
        public FileResponse(Azure.Response response, System.IO.Stream contentStream) { }
        public long? ContentLength { get; }
        public System.IO.Stream ContentStream { get; }
        public string? ContentType { get; }
        public Azure.Core.ResponseHeaders Headers { get; }
        public bool IsPartial { get; }
        public int Status { get; }
        public void Dispose() { }
        public Azure.Response GetRawResponse() { }
    }
}
namespace AdoTypedSdk.GeneratedCode
{
    public sealed class AdoModelConverter : Newtonsoft.Json.JsonConverter
    {
        public AdoModelConverter() { }
        public override bool CanConvert(System.Type objectType) { }
        public override object? ReadJson(Newtonsoft.Json.JsonReader reader, System.Type objectType, object? existingValue, Newtonsoft.Json.JsonSerializer serializer) { }
        public override void WriteJson(Newtonsoft.Json.JsonWriter writer, object? value, Newtonsoft.Json.JsonSerializer serializer) { }
    }
    public sealed class AdoModelSystemTextJsonConverter : System.Text.Json.Serialization.JsonConverterFactory
    {
        public AdoModelSystemTextJsonConverter() { }
        public override bool CanConvert(System.Type typeToConvert) { }
        public override System.Text.Json.Serialization.JsonConverter CreateConverter(System.Type typeToConvert, System.Text.Json.JsonSerializerOptions options) { }
    }
    public static class Argument
    {
        public static void NotNull<T>(T value, string name) { }
    }
    public static class GeneratedClients
    {
        public static void Register(string apiVersion, System.Collections.Generic.IEnumerable<AdoTypedSdk.AdoArea> areas, System.Collections.Generic.IEnumerable<System.Type> clients) { }
    }
    public static class ItemLimit
    {
        public static System.Threading.Tasks.Task<System.Collections.Generic.IReadOnlyList<TItem>> SplitAsync<TKey, TItem>(AdoTypedSdk.AdoClientBase client, System.Collections.Generic.IEnumerable<TKey>? keys, int maxPerCall, System.Func<System.Collections.Generic.IEnumerable<TKey>?, System.Threading.CancellationToken, System.Threading.Tasks.Task<Azure.Response<System.Collections.Generic.IReadOnlyList<TItem>>>> call, System.Threading.CancellationToken cancellationToken)
            where TKey :  notnull { }
        public static System.Threading.Tasks.Task<System.Collections.Generic.IReadOnlyList<TItem>> SplitBodyAsync<TBody, TItem>(AdoTypedSdk.AdoClientBase client, TBody body, string listProperty, int maxPerCall, System.Func<TBody, System.Threading.CancellationToken, System.Threading.Tasks.Task<Azure.Response<System.Collections.Generic.IReadOnlyList<TItem>>>> call, System.Threading.CancellationToken cancellationToken)
            where TBody :  class { }
    }
    public sealed class OperationDefinition
    {
        public OperationDefinition(string client, string name, string method, string route, string accept, int[] withBody, int[] withoutBody, bool download = false) { }
    }
    public sealed class OperationRequest
    {
        public System.Threading.Tasks.Task<Azure.Response<AdoTypedSdk.FileResponse>> DownloadAsync(System.Threading.CancellationToken cancellationToken) { }
        public void Header(string name, object? value) { }
        public void Header(string name, string? value) { }
        public void JsonBody<T>(T body, string mediaType) { }
        public void Path(string name, System.Guid? value) { }
        public void Path(string name, bool? value) { }
        public void Path(string name, int? value) { }
        public void Path(string name, long? value) { }
        public void Path(string name, string? value) { }
        public void Path<TEnum>(string name, TEnum value)
            where TEnum :  struct, System.Enum { }
        public void Path<TEnum>(string name, TEnum? value)
            where TEnum :  struct, System.Enum { }
        public void Query(string name, System.DateTimeOffset? value) { }
        public void Query(string name, System.Guid? value) { }
        public void Query(string name, bool? value) { }
        public void Query(string name, double? value) { }
        public void Query(string name, int? value) { }
        public void Query(string name, long? value) { }
        public void Query(string name, object? value) { }
        public void Query(string name, string? value) { }
        public void Query<T>(string name, System.Collections.Generic.IEnumerable<T>? values) { }
        public void Query<TEnum>(string name, TEnum value)
            where TEnum :  struct, System.Enum { }
        public void Query<TEnum>(string name, TEnum? value)
            where TEnum :  struct, System.Enum { }
        public System.Threading.Tasks.Task<Azure.Response> SendAsync(System.Threading.CancellationToken cancellationToken) { }
        public System.Threading.Tasks.Task<Azure.Response<T>> SendAsync<T>(System.Threading.CancellationToken cancellationToken) { }
        public void StreamBody(System.IO.Stream body, string mediaType) { }
        public static AdoTypedSdk.GeneratedCode.OperationRequest Create(AdoTypedSdk.AdoClientBase client, AdoTypedSdk.GeneratedCode.OperationDefinition definition) { }
    }
    public static class Pageable
    {
        public static Azure.AsyncPageable<TItem> Create<TPage, TItem>(System.Func<string?, int?, System.Threading.CancellationToken, System.Threading.Tasks.Task<Azure.Response<TPage>>> getPage, System.Func<TPage, System.Collections.Generic.IEnumerable<TItem>?> items, System.Func<TPage, string?>? nextToken, System.Func<TPage, bool>? isLastPage, System.Threading.CancellationToken cancellationToken)
            where TItem :  notnull { }
        public static Azure.AsyncPageable<TItem> CreateByOffset<TPage, TItem>(System.Func<int, int?, System.Threading.CancellationToken, System.Threading.Tasks.Task<Azure.Response<TPage>>> getPage, System.Threading.CancellationToken cancellationToken)
            where TPage : System.Collections.Generic.IEnumerable<TItem>?
            where TItem :  notnull { }
        public static System.Collections.Generic.IEnumerable<T>? FirstFilled<T>(params System.Collections.Generic.IEnumerable<T>?[] lists) { }
        public static TBody WithContinuationToken<TBody>(TBody body, string? token, System.Action<TBody, string> setToken)
            where TBody :  class { }
    }
    public static class PollingOperation
    {
        public static System.Threading.Tasks.Task<TOperation> WaitIfAskedAsync<TOperation>(TOperation operation, Azure.WaitUntil waitUntil, System.Threading.CancellationToken cancellationToken)
            where TOperation : Azure.Operation { }
    }
    public abstract class PollingOperation<T> : Azure.Operation<T>
        where T :  notnull
    {
        protected PollingOperation() { }
        protected PollingOperation(string id, Azure.Response<T>? first) { }
        protected abstract string Description { get; }
        public override bool HasCompleted { get; }
        public override bool HasValue { get; }
        public override string Id { get; }
        public override T Value { get; }
        public override Azure.Response GetRawResponse() { }
        protected abstract System.Threading.Tasks.Task<Azure.Response<T>> PollAsync(System.Threading.CancellationToken cancellationToken);
        protected abstract AdoTypedSdk.GeneratedCode.PollingState StateOf(Azure.Response<T> read);
        public override Azure.Response UpdateStatus(System.Threading.CancellationToken cancellationToken = default) { }
        public override System.Threading.Tasks.ValueTask<Azure.Response> UpdateStatusAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public override Azure.Response<T> WaitForCompletion(System.Threading.CancellationToken cancellationToken = default) { }
        public override Azure.Response<T> WaitForCompletion(Azure.Core.DelayStrategy delayStrategy, System.Threading.CancellationToken cancellationToken) { }
        public override Azure.Response<T> WaitForCompletion(System.TimeSpan pollingInterval, System.Threading.CancellationToken cancellationToken) { }
        public override System.Threading.Tasks.ValueTask<Azure.Response<T>> WaitForCompletionAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public override System.Threading.Tasks.ValueTask<Azure.Response<T>> WaitForCompletionAsync(Azure.Core.DelayStrategy delayStrategy, System.Threading.CancellationToken cancellationToken = default) { }
        public override System.Threading.Tasks.ValueTask<Azure.Response<T>> WaitForCompletionAsync(System.TimeSpan pollingInterval, System.Threading.CancellationToken cancellationToken = default) { }
        public override System.Threading.Tasks.ValueTask<Azure.Response> WaitForCompletionResponseAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public override System.Threading.Tasks.ValueTask<Azure.Response> WaitForCompletionResponseAsync(Azure.Core.DelayStrategy delayStrategy, System.Threading.CancellationToken cancellationToken = default) { }
        public override System.Threading.Tasks.ValueTask<Azure.Response> WaitForCompletionResponseAsync(System.TimeSpan pollingInterval, System.Threading.CancellationToken cancellationToken = default) { }
    }
    public readonly struct PollingState : System.IEquatable<AdoTypedSdk.GeneratedCode.PollingState>
    {
        public PollingState(bool IsRunning, bool Succeeded, string Status, string? Message) { }
        public bool IsRunning { get; init; }
        public string? Message { get; init; }
        public string Status { get; init; }
        public bool Succeeded { get; init; }
        public static AdoTypedSdk.GeneratedCode.PollingState Done(string status) { }
        public static AdoTypedSdk.GeneratedCode.PollingState Ended(string status, string? message) { }
        public static AdoTypedSdk.GeneratedCode.PollingState Running(string status) { }
    }
    public static class ResponseValue
    {
        public static System.Threading.Tasks.Task<T> Of<T>(System.Threading.Tasks.Task<Azure.Response<T>> response) { }
    }
    public static class ServerOperation
    {
        public static System.Threading.Tasks.Task<Azure.Operation<T>> StartAsync<T>(AdoTypedSdk.AdoClientBase client, System.Func<System.Threading.Tasks.Task<Azure.Response>> start, Azure.WaitUntil waitUntil, System.Threading.CancellationToken cancellationToken)
            where T :  class { }
    }
    [System.AttributeUsage(System.AttributeTargets.Class, Inherited=false)]
    public sealed class StringFormAttribute : System.Attribute
    {
        public StringFormAttribute(string separator, string first, string second, string alone) { }
        public string Alone { get; }
        public string First { get; }
        public string Second { get; }
        public string Separator { get; }
    }
    [System.AttributeUsage(System.AttributeTargets.Property, AllowMultiple=false, Inherited=true)]
    public sealed class WireNameAttribute : System.Attribute
    {
        public WireNameAttribute(string name) { }
        public string Name { get; }
    }
}
namespace AdoTypedSdk.Hooks
{
    public sealed class ServiceHookEvent
    {
        public System.DateTimeOffset? CreatedDate { get; }
        public AdoTypedSdk.Hooks.ServiceHookMessage? DetailedMessage { get; }
        public string EventType { get; }
        public string Id { get; }
        public AdoTypedSdk.Hooks.ServiceHookMessage? Message { get; }
        public int? NotificationId { get; }
        public string? PublisherId { get; }
        public Newtonsoft.Json.Linq.JObject Raw { get; }
        public object Resource { get; }
        public System.Collections.Generic.IReadOnlyDictionary<string, AdoTypedSdk.Hooks.ServiceHookResourceContainer> ResourceContainers { get; }
        public string? ResourceNote { get; }
        public string? ResourceVersion { get; }
        public string? SubscriptionId { get; }
        public AdoTypedSdk.Hooks.ServiceHookEventType? Type { get; }
        public T ResourceAs<T>() { }
        public static AdoTypedSdk.Hooks.ServiceHookEvent Read(System.IO.Stream body) { }
    }
    public sealed class ServiceHookEventType
    {
        public string Area { get; }
        public string EventType { get; }
        public System.Collections.Generic.IReadOnlyDictionary<string, string>? Parts { get; }
        public string? Resource { get; }
        public string ResourceVersion { get; }
        public System.Uri Source { get; }
        public static System.Collections.Generic.IReadOnlyDictionary<string, AdoTypedSdk.Hooks.ServiceHookEventType> Known { get; }
    }
    public sealed class ServiceHookFormatException : System.Exception
    {
        public ServiceHookFormatException(string message) { }
    }
    public sealed class ServiceHookMessage : System.IEquatable<AdoTypedSdk.Hooks.ServiceHookMessage>
    {
        public ServiceHookMessage(string? Text, string? Html, string? Markdown) { }
        public string? Html { get; init; }
        public string? Markdown { get; init; }
        public string? Text { get; init; }
    }
    public sealed class ServiceHookReceipt : System.IEquatable<AdoTypedSdk.Hooks.ServiceHookReceipt>
    {
        public ServiceHookReceipt(int Status, string Message, AdoTypedSdk.Hooks.ServiceHookEvent? Event = null, bool Duplicate = false) { }
        public bool Duplicate { get; init; }
        public AdoTypedSdk.Hooks.ServiceHookEvent? Event { get; init; }
        public string Message { get; init; }
        public int Status { get; init; }
        public string? WwwAuthenticate { get; init; }
    }
    public sealed class ServiceHookReceiver
    {
        public ServiceHookReceiver(Microsoft.Extensions.Options.IOptions<AdoTypedSdk.Hooks.ServiceHookReceiverOptions> options, Microsoft.Extensions.Caching.Distributed.IDistributedCache processed, Microsoft.Extensions.Logging.ILogger<AdoTypedSdk.Hooks.ServiceHookReceiver>? logger = null) { }
        public System.Threading.Tasks.Task<AdoTypedSdk.Hooks.ServiceHookReceipt> ReceiveAsync(AdoTypedSdk.Hooks.ServiceHookRequest request, System.Func<AdoTypedSdk.Hooks.ServiceHookEvent, System.Threading.CancellationToken, System.Threading.Tasks.Task> handle, System.Threading.CancellationToken cancellationToken = default) { }
    }
    public sealed class ServiceHookReceiverOptions
    {
        public ServiceHookReceiverOptions() { }
        public string? BasicPassword { get; set; }
        public string? BasicUserName { get; set; }
        public System.TimeSpan DeduplicationWindow { get; set; }
        public long MaxBodyBytes { get; set; }
        public System.TimeSpan ProcessingTimeout { get; set; }
        public string? SecretHeaderName { get; set; }
        public string? SecretHeaderValue { get; set; }
    }
    public sealed class ServiceHookRequest : System.IEquatable<AdoTypedSdk.Hooks.ServiceHookRequest>
    {
        public ServiceHookRequest(System.Func<string, string?> Header, System.IO.Stream Body, long? ContentLength) { }
        public System.IO.Stream Body { get; init; }
        public long? ContentLength { get; init; }
        public System.Func<string, string?> Header { get; init; }
    }
    public sealed class ServiceHookResourceContainer : System.IEquatable<AdoTypedSdk.Hooks.ServiceHookResourceContainer>
    {
        public ServiceHookResourceContainer(string? Id, string? BaseUrl) { }
        public string? BaseUrl { get; init; }
        public string? Id { get; init; }
    }
    public sealed class ServiceHookResourceParts
    {
        public object? this[string name] { get; }
        public System.Collections.Generic.IEnumerable<string> Names { get; }
        public Newtonsoft.Json.Linq.JObject Raw { get; }
        public T Get<T>(string name) { }
    }
}
namespace AdoTypedSdk.Serialization
{
    public sealed class JTokenSystemTextJsonConverter : System.Text.Json.Serialization.JsonConverterFactory
    {
        public JTokenSystemTextJsonConverter() { }
        public override bool CanConvert(System.Type typeToConvert) { }
        public override System.Text.Json.Serialization.JsonConverter CreateConverter(System.Type typeToConvert, System.Text.Json.JsonSerializerOptions options) { }
    }
}
namespace Microsoft.Extensions.Azure
{
    public static class AdoClientBuilderExtensions
    {
        public static Azure.Core.Extensions.IAzureClientBuilder<AdoTypedSdk.AdoConnection, AdoTypedSdk.AdoClientOptions> AddAdoConnection<TBuilder>(this TBuilder builder, System.Uri organizationUrl)
            where TBuilder : Azure.Core.Extensions.IAzureClientFactoryBuilderWithCredential { }
        public static Azure.Core.Extensions.IAzureClientBuilder<AdoTypedSdk.AdoConnection, AdoTypedSdk.AdoClientOptions> AddAdoConnection<TBuilder, TConfiguration>(this TBuilder builder, TConfiguration configuration)
            where TBuilder : Azure.Core.Extensions.IAzureClientFactoryBuilderWithConfiguration<TConfiguration> { }
    }
}
namespace Microsoft.Extensions.DependencyInjection
{
    public static class AdoServiceCollectionExtensions
    {
        public static Microsoft.Extensions.DependencyInjection.IServiceCollection AddAdoClients(this Microsoft.Extensions.DependencyInjection.IServiceCollection services) { }
        public static Microsoft.Extensions.DependencyInjection.IServiceCollection AddAdoConnection(this Microsoft.Extensions.DependencyInjection.IServiceCollection services, System.Uri organizationUrl, Azure.Core.TokenCredential credential, System.Action<AdoTypedSdk.AdoClientOptions>? configure = null) { }
    }
    public static class ServiceHookServiceCollectionExtensions
    {
        public static Microsoft.Extensions.DependencyInjection.IServiceCollection AddAdoServiceHookReceiver(this Microsoft.Extensions.DependencyInjection.IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration) { }
    }
}