using AdoTypedSdk;
using AdoTypedSdk.Build;
using AdoTypedSdk.Testing;
using AdoTypedSdk.WorkItemTracking;

/// <summary>
/// Peak managed memory of a 100 MB upload and of 200 MB downloads (an attachment, a build log as text) through the full pipeline, over loopback TLS to <see cref="FaultyAdo"/>
/// (which makes and counts the bytes without keeping them). The heap is sampled every 2 ms; the figure is the peak over the heap after a
/// full collection just before the call. Run: dotnet run -c Release -- --transfer-memory
/// </summary>
internal static class TransferMemory
{
    private const long Upload = 100L * 1024 * 1024;
    private const long Download = 200L * 1024 * 1024;

    public static async Task RunAsync()
    {
        using var ado = new FaultyAdo((_, request) => request.Method == "GET" ? Fault.Download(Download) : Fault.Respond(201, "{}"));
        var connection = new AdoConnection(ado.OrganizationUrl, new StaticToken(), EmbeddedAdo.CreateOptions());
        var attachments = connection.GetClient<WorkItemTrackingAttachmentsClient>();

        // Warm up once, so the JIT and connection setup are not counted.
        await attachments.CreateAttachmentAsync(new ForwardOnlyStream(1024), fileName: "warm.bin");
        using (var warm = await attachments.GetAttachmentAsync(Guid.Empty))
            await warm.ContentStream.CopyToAsync(Stream.Null);

        var upload = await PeakAsync(() => attachments.CreateAttachmentAsync(new ForwardOnlyStream(Upload), fileName: "big.bin"));
        var download = await PeakAsync(async () =>
        {
            using var file = await attachments.GetAttachmentAsync(Guid.Empty);
            await file.ContentStream.CopyToAsync(Stream.Null);
        });
        var log = await PeakAsync(async () =>
        {
            using var file = await connection.GetClient<BuildsClient>().GetBuildLogTextAsync("Fabrikam", 3107, 4);
            await file.ContentStream.CopyToAsync(Stream.Null);
        });
        // A 100 MB attachment in chunks (ADO's chunked protocol, chunks of 8 MiB), from a stream that cannot seek, its third chunk failing once.
        var puts = 0;
        using var chunked = new FaultyAdo((_, request) => request.Method == "PUT" && Interlocked.Increment(ref puts) == 3
            ? Fault.Respond(503, "{}")
            : Fault.Respond(200, $$"""{ "id": "{{Guid.Empty}}", "url": "https://127.0.0.1/_apis/wit/attachments/x" }"""));
        var chunkedOptions = EmbeddedAdo.CreateOptions();
        chunkedOptions.ChunkedUploadThreshold = 1;
        var chunkedAttachments = new AdoConnection(chunked.OrganizationUrl, new StaticToken(), chunkedOptions).GetClient<WorkItemTrackingAttachmentsClient>();
        await chunkedAttachments.CreateAttachmentAsync("warm.bin", new ForwardOnlyStream(1024), 1024);
        var inChunks = await PeakAsync(() => chunkedAttachments.CreateAttachmentAsync("big.bin", new ForwardOnlyStream(Upload), Upload));
        var chunkBytes = chunked.Requests.Where(r => r.Method == "PUT").Sum(r => r.BodyLength);
        Console.WriteLine($"100 MB attachment in 8 MiB chunks (stream that cannot seek, one chunk failing once): peak managed heap +{inChunks / 1048576.0:0.0} MB over the baseline; server received {chunkBytes:N0} chunk bytes in {chunked.Requests.Count(r => r.Method == "PUT") - 1} PUTs");
        Console.WriteLine($"100 MB upload (stream that cannot seek): peak managed heap +{upload / 1048576.0:0.0} MB over the baseline; server received {ado.Requests.First(r => r.Method == "POST" && r.BodyLength > 1024).BodyLength:N0} bytes");
        Console.WriteLine($"200 MB download (FileResponse stream copied out): peak managed heap +{download / 1048576.0:0.0} MB over the baseline");
        Console.WriteLine($"200 MB build log as text (GetBuildLogTextAsync, copied out): peak managed heap +{log / 1048576.0:0.0} MB over the baseline");
    }

    private static async Task<long> PeakAsync(Func<Task> transfer)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = baseline;
        using var done = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(2);
            }
        });
        await transfer();
        peak = Math.Max(peak, GC.GetTotalMemory(false));
        done.Cancel();
        await sampler;
        return peak - baseline;
    }
}
