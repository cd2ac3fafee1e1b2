using Azure.Core;

namespace AdoTypedSdk.Pipeline;

/// <summary>
/// An upload body read from a stream that cannot be rewound: sent as it is read, once. The message carries a property of this type, so
/// <see cref="AdoRetryPolicy"/> does not retry it, and a second send fails with the reason instead of sending an empty body.
/// </summary>
internal sealed class OneShotStreamContent(Stream stream) : RequestContent
{
    private int _sent;

    public override async Task WriteToAsync(Stream destination, CancellationToken cancellation)
    {
        StartSending();
        await stream.CopyToAsync(destination, cancellation).ConfigureAwait(false);
    }

    public override void WriteTo(Stream destination, CancellationToken cancellation)
    {
        StartSending();
        stream.CopyTo(destination);
    }

    public override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    public override void Dispose() => stream.Dispose();

    private void StartSending()
    {
        if (Interlocked.Exchange(ref _sent, 1) != 0)
            throw new InvalidOperationException("The request body is a stream that cannot be rewound and was already sent once; it cannot be sent again.");
    }
}
