using System.ComponentModel;
using System.Diagnostics;
using Azure;
using Azure.Core;

namespace AdoTypedSdk.GeneratedCode;

/// <summary>
/// For generated code and the customizations; not part of the supported API, and may change in any release. The Azure SDK's
/// <see cref="Operation{T}"/> over work ADO runs on the server (a project's creation, a build, a repository import): each
/// <see cref="UpdateStatusAsync"/> is one read of the work's state through the connection's pipeline (the governor, retries, tracing),
/// and <see cref="WaitForCompletionAsync(CancellationToken)"/> reads until the work ends, waiting 1 s, then twice as long each time up to
/// 30 s, and never less than a poll's <c>Retry-After</c>. The request that started the work is never sent again. Cancelling the wait stops
/// the reads and leaves the work running on the server.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class PollingOperation<T> : Operation<T> where T : notnull
{
    private static readonly ActivitySource Source = new(AdoDiagnostics.SourceName, AdoDiagnostics.Version);

    /// <summary>The waits between reads when the caller names none: 1 s, doubling to 30 s; a poll's <c>Retry-After</c> wins when longer.</summary>
    private static readonly DelayStrategy Backoff = DelayStrategy.CreateExponentialDelayStrategy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

    private Response? _rawResponse;
    private T? _value;
    private bool _hasValue;
    private bool _hasCompleted;
    private RequestFailedException? _failure;

    /// <summary>For mocking.</summary>
    protected PollingOperation()
    {
        Id = "";
    }

    /// <summary>An operation known by <paramref name="id"/>; <paramref name="first"/> is the answer that started it, if this process has it.</summary>
    protected PollingOperation(string id, Response<T>? first)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Id = id;
        if (first is not null)
            Apply(first);
    }

    /// <inheritdoc/>
    public override string Id { get; }

    /// <summary>The result, once the work succeeded.</summary>
    /// <exception cref="RequestFailedException">The work failed or was cancelled on the server: the message names it, its id, its final status and ADO's message.</exception>
    /// <exception cref="InvalidOperationException">The work has not ended yet.</exception>
    public override T Value => _failure is not null ? throw _failure
        : _hasValue ? _value! : throw new InvalidOperationException($"{Description} has not ended yet: call WaitForCompletionAsync, or UpdateStatusAsync until HasCompleted.");

    /// <inheritdoc/>
    public override bool HasValue => _hasValue;

    /// <inheritdoc/>
    public override bool HasCompleted => _hasCompleted;

    /// <summary>What the work is, for messages and the wait's span: <c>build 1201 of Fabrikam</c>.</summary>
    protected abstract string Description { get; }

    /// <summary>Reads the work's state once, through the pipeline.</summary>
    protected abstract Task<Response<T>> PollAsync(CancellationToken cancellationToken);

    /// <summary>Where the work stands in a read of it: running, succeeded, or ended otherwise (with ADO's status and message).</summary>
    protected abstract PollingState StateOf(Response<T> read);

    /// <inheritdoc/>
    public override Response GetRawResponse() =>
        _rawResponse ?? throw new InvalidOperationException($"{Description} has not been read yet: call UpdateStatusAsync.");

    /// <inheritdoc/>
    public override async ValueTask<Response> UpdateStatusAsync(CancellationToken cancellationToken = default)
    {
        if (!_hasCompleted)
            Apply(await PollAsync(cancellationToken).ConfigureAwait(false));
        return GetRawResponse();
    }

    /// <inheritdoc/>
    public override Response UpdateStatus(CancellationToken cancellationToken = default) =>
        UpdateStatusAsync(cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc/>
    public override ValueTask<Response<T>> WaitForCompletionAsync(CancellationToken cancellationToken = default) =>
        WaitForCompletionAsync(Backoff, cancellationToken);

    /// <inheritdoc/>
    public override ValueTask<Response<T>> WaitForCompletionAsync(TimeSpan pollingInterval, CancellationToken cancellationToken = default) =>
        WaitForCompletionAsync(DelayStrategy.CreateFixedDelayStrategy(pollingInterval), cancellationToken);

    /// <summary>
    /// Reads until the work ends, waiting between reads as <paramref name="delayStrategy"/> says (never less than a poll's
    /// <c>Retry-After</c>), in one span for the whole wait whose children are the reads.
    /// </summary>
    /// <exception cref="RequestFailedException">The work failed or was cancelled on the server.</exception>
    /// <exception cref="OperationCanceledException">The caller stopped waiting; the work goes on on the server.</exception>
    public override async ValueTask<Response<T>> WaitForCompletionAsync(DelayStrategy delayStrategy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delayStrategy);
        using var activity = Source.StartActivity("Wait for " + Description, ActivityKind.Internal);
        activity?.SetTag("ado.operation.id", Id);
        var reads = 0;
        try
        {
            while (!_hasCompleted)
            {
                if (_rawResponse is not null)
                    await Task.Delay(delayStrategy.GetNextDelay(_rawResponse, ++reads), cancellationToken).ConfigureAwait(false);
                await UpdateStatusAsync(cancellationToken).ConfigureAwait(false);
            }
            activity?.SetTag("ado.operation.reads", reads);
            return Response.FromValue(Value, GetRawResponse());
        }
        catch (Exception e) when (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, e.Message);
            throw;
        }
    }

    /// <inheritdoc/>
    public override async ValueTask<Response> WaitForCompletionResponseAsync(CancellationToken cancellationToken = default) =>
        (await WaitForCompletionAsync(cancellationToken).ConfigureAwait(false)).GetRawResponse();

    /// <inheritdoc/>
    public override async ValueTask<Response> WaitForCompletionResponseAsync(TimeSpan pollingInterval, CancellationToken cancellationToken = default) =>
        (await WaitForCompletionAsync(pollingInterval, cancellationToken).ConfigureAwait(false)).GetRawResponse();

    /// <inheritdoc/>
    public override async ValueTask<Response> WaitForCompletionResponseAsync(DelayStrategy delayStrategy, CancellationToken cancellationToken = default) =>
        (await WaitForCompletionAsync(delayStrategy, cancellationToken).ConfigureAwait(false)).GetRawResponse();

    /// <inheritdoc/>
    public override Response<T> WaitForCompletion(CancellationToken cancellationToken = default) =>
        WaitForCompletionAsync(cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc/>
    public override Response<T> WaitForCompletion(TimeSpan pollingInterval, CancellationToken cancellationToken) =>
        WaitForCompletionAsync(pollingInterval, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc/>
    public override Response<T> WaitForCompletion(DelayStrategy delayStrategy, CancellationToken cancellationToken) =>
        WaitForCompletionAsync(delayStrategy, cancellationToken).AsTask().GetAwaiter().GetResult();

    private void Apply(Response<T> read)
    {
        _rawResponse = read.GetRawResponse();
        var state = StateOf(read);
        if (state.IsRunning)
            return;
        _hasCompleted = true;
        if (state.Succeeded)
        {
            (_value, _hasValue) = (read.Value, true);
            return;
        }
        _failure = new RequestFailedException(_rawResponse.Status,
            $"{Description} ({Id}) ended {state.Status}{(string.IsNullOrEmpty(state.Message) ? "." : ": " + state.Message)}", state.Status, null);
    }
}

/// <summary>For generated code and the customizations: the step every method that starts work on the server ends with.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PollingOperation
{
    /// <summary>With <see cref="WaitUntil.Completed"/>, waits until <paramref name="operation"/> has ended; then returns it.</summary>
    public static async Task<TOperation> WaitIfAskedAsync<TOperation>(TOperation operation, WaitUntil waitUntil, CancellationToken cancellationToken)
        where TOperation : Operation
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (waitUntil == WaitUntil.Completed)
            await operation.WaitForCompletionResponseAsync(cancellationToken).ConfigureAwait(false);
        return operation;
    }
}

/// <summary>For generated code and the customizations: where a polled piece of work stands.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct PollingState(bool IsRunning, bool Succeeded, string Status, string? Message)
{
    /// <summary>Still queued or running.</summary>
    public static PollingState Running(string status) => new(true, false, status, null);

    /// <summary>Ended with its result.</summary>
    public static PollingState Done(string status) => new(false, true, status, null);

    /// <summary>Ended without one: failed, cancelled, abandoned; <paramref name="message"/> is ADO's.</summary>
    public static PollingState Ended(string status, string? message) => new(false, false, status, message);
}
