// Requires: UploadAttachment
using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using AdoTypedSdk.Common;

namespace AdoTypedSdk.WorkItemTracking;

partial class AttachmentsClient
{
    /// <summary>
    /// Uploads an attachment of any size in one call. Up to <see cref="AdoClientOptions.ChunkedUploadThreshold"/> (ADO's 130 MB) the
    /// content goes in one request, streamed. Above it, ADO's chunked protocol is used: a chunked upload is started, then each chunk of
    /// <see cref="AdoClientOptions.UploadChunkSize"/> is sent with its <c>Content-Range</c>. The stream is read once, one chunk at a time,
    /// so memory stays within a chunk; a chunk that fails is sent again on its own (the pipeline's retries), never the whole file and never
    /// a chunk ADO already took.
    /// </summary>
    /// <param name="fileName">The attachment's file name.</param>
    /// <param name="content">The content, read from its current position; it need not seek.</param>
    /// <param name="contentLength">The number of bytes to upload; needed when <paramref name="content"/> cannot seek, else the rest of the stream.</param>
    /// <param name="project">Project ID or project name.</param>
    /// <param name="progress">Receives the number of bytes ADO has taken, after each chunk (once, at the end, for a single request).</param>
    /// <param name="cancellationToken">Cancels the upload; chunks already sent stay on the server, unreferenced.</param>
    /// <returns>The attachment, to link to a work item (<c>WorkItemPatch.AddAttachment(new Uri(reference.Url))</c>).</returns>
    /// <exception cref="ArgumentException">The content cannot seek and no length was given.</exception>
    /// <exception cref="InvalidOperationException">The stream ended before <paramref name="contentLength"/> bytes.</exception>
    /// <exception cref="AdoApiException">ADO refused the upload or a chunk, after the pipeline's retries.</exception>
    public virtual async Task<AttachmentReference> CreateAttachmentAsync(string fileName, Stream content, long? contentLength = null, string? project = null,
        IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentNullException.ThrowIfNull(content);
        var length = contentLength ?? (content.CanSeek ? content.Length - content.Position
            : throw new ArgumentException("The content stream cannot seek, so its length is unknown: pass contentLength, the number of bytes to upload.", nameof(contentLength)));
        ArgumentOutOfRangeException.ThrowIfNegative(length, nameof(contentLength));
        var options = Connection.Options;
        if (length < options.ChunkedUploadThreshold)
        {
            var single = await CreateAttachmentAsync(content, project: project, fileName: fileName, cancellationToken: cancellationToken).ConfigureAwait(false);
            progress?.Report(length);
            return single;
        }

        var started = await CreateAttachmentAsync(Stream.Null, project: project, fileName: fileName, uploadType: "Chunked", cancellationToken: cancellationToken).ConfigureAwait(false);
        var id = started.Id ?? throw new InvalidOperationException("ADO started the chunked upload without an attachment id.");
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(options.UploadChunkSize, length));
        try
        {
            var reference = started;
            for (long sent = 0; sent < length;)
            {
                var size = (int)Math.Min(buffer.Length, length - sent);
                await content.ReadExactlyAsync(buffer.AsMemory(0, size), cancellationToken).ConfigureAwait(false);
                var range = string.Create(CultureInfo.InvariantCulture, $"bytes {sent}-{sent + size - 1}/{length}");
                // A MemoryStream over the chunk: the pipeline rewinds it to send the chunk again when a try fails.
                using var chunk = new MemoryStream(buffer, 0, size, writable: false);
                reference = await UploadAttachmentAsync(chunk, id, range, project, fileName, cancellationToken: cancellationToken).ConfigureAwait(false);
                sent += size;
                progress?.Report(sent);
            }
            return reference.Id is null ? started : reference;
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidOperationException($"The content stream ended before the {length:N0} bytes of contentLength.", e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
