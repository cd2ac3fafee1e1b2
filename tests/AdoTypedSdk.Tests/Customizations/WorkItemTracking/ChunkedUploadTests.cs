using AdoTypedSdk.Testing;
using AdoTypedSdk.WorkItemTracking;
using Azure;

namespace AdoTypedSdk.Tests.Customizations.WorkItemTracking;

/// <summary>Attachments of any size in one call: ADO's chunked protocol above the threshold, each chunk once, a failed chunk alone again.</summary>
public sealed class ChunkedUploadTests
{
    private const string AttachmentId = "6b2d7c8e-1f3a-4b5c-9d0e-2a4f6c8e0b1d";
    private const int Megabyte = 1024 * 1024;

    private static string Reference(FaultyAdo server) =>
        $$"""{ "id": "{{AttachmentId}}", "url": "{{server.OrganizationUrl.AbsoluteUri.TrimEnd('/')}}/_apis/wit/attachments/{{AttachmentId}}" }""";

    private static WorkItemTrackingAttachmentsClient Attachments(FaultyAdo server, long threshold = 8 * Megabyte, int chunk = 4 * Megabyte)
    {
        var options = EmbeddedAdo.CreateOptions();
        options.ChunkedUploadThreshold = threshold;
        options.UploadChunkSize = chunk;
        return new AdoConnection(server.OrganizationUrl, new AzureKeyCredential("pat"), options).GetClient<WorkItemTrackingAttachmentsClient>();
    }

    [Fact]
    public async Task A_large_stream_that_cannot_seek_goes_in_chunks_and_a_failed_chunk_is_sent_again_alone()
    {
        FaultyAdo? server = null;
        var puts = 0;
        server = new FaultyAdo((_, request) => request.Method == "PUT" && Interlocked.Increment(ref puts) == 3
            ? Fault.Respond(503, """{ "message": "Service unavailable" }""")
            : Fault.Respond(request.Method == "POST" ? 201 : 200, Reference(server!)));
        using var _ = server;
        var reported = new List<long>();

        var attachment = await Attachments(server).CreateAttachmentAsync("build.zip", new ForwardOnlyStream(18 * Megabyte), 18 * Megabyte,
            "Fabrikam", new SynchronousProgress(reported.Add));

        Assert.Equal(Guid.Parse(AttachmentId), attachment.Id);
        var post = Assert.Single(server.Requests, r => r.Method == "POST");
        Assert.Contains("uploadType=Chunked", post.Target);
        Assert.Equal(0, post.BodyLength);
        var ranges = server.Requests.Where(r => r.Method == "PUT").Select(r => (r.Headers.First(h => h.Key.Equals("Content-Range", StringComparison.OrdinalIgnoreCase)).Value, r.BodyLength)).ToList();
        Assert.Equal(
            [("bytes 0-4194303/18874368", 4 * Megabyte), ("bytes 4194304-8388607/18874368", 4 * Megabyte), ("bytes 8388608-12582911/18874368", 4 * Megabyte),
             ("bytes 8388608-12582911/18874368", 4 * Megabyte), ("bytes 12582912-16777215/18874368", 4 * Megabyte), ("bytes 16777216-18874367/18874368", 2 * Megabyte)],
            ranges);
        Assert.Equal([4L * Megabyte, 8L * Megabyte, 12L * Megabyte, 16L * Megabyte, 18L * Megabyte], reported);
    }

    [Fact]
    public async Task Below_the_threshold_the_content_goes_in_one_request()
    {
        FaultyAdo? server = null;
        server = new FaultyAdo((_, _) => Fault.Respond(201, Reference(server!)));
        using var _ = server;

        await Attachments(server).CreateAttachmentAsync("notes.txt", new MemoryStream(new byte[1000]));

        var post = Assert.Single(server.Requests);
        Assert.Equal(("POST", 1000), (post.Method, post.BodyLength));
        Assert.DoesNotContain("uploadType", post.Target);
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_needs_its_length_and_one_that_ends_early_is_named_before_the_rest_is_sent()
    {
        FaultyAdo? server = null;
        server = new FaultyAdo((_, _) => Fault.Respond(200, Reference(server!)));
        using var _ = server;

        var noLength = await Assert.ThrowsAsync<ArgumentException>(() => Attachments(server).CreateAttachmentAsync("a.bin", new ForwardOnlyStream(100)));
        Assert.Equal("contentLength", noLength.ParamName);
        Assert.Empty(server.Requests);

        var early = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Attachments(server).CreateAttachmentAsync("a.bin", new ForwardOnlyStream(9 * Megabyte), 12 * Megabyte));
        Assert.Equal("The content stream ended before the 12,582,912 bytes of contentLength.", early.Message);
        Assert.Equal(2, server.Requests.Count(r => r.Method == "PUT"));
    }

    /// <summary>Reports on the caller's thread (<see cref="Progress{T}"/> posts to the thread pool, and would race the assertions).</summary>
    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
