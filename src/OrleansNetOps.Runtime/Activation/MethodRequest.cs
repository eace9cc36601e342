namespace OrleansNetOps.Runtime;

/// <summary>A call of a grain interface method.</summary>
internal sealed class MethodRequest<T> : Request
{
    private readonly MethodDescriptor _descriptor;
    private readonly object?[] _args;
    private readonly CancellationToken _cancellation;
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenRegistration _cancellationRegistration;

    public MethodRequest(MethodDescriptor descriptor, object?[] args, CallChain? chain, long deadline, CancellationToken cancellation)
        : base(chain, deadline)
    {
        _descriptor = descriptor;
        _args = args;
        _cancellation = cancellation;
        if (cancellation.CanBeCanceled)
        {
            // The caller stops waiting as soon as it cancels; the grain sees the same token.
            _cancellationRegistration = cancellation.UnsafeRegister(
                static (state, token) => ((MethodRequest<T>)state!)._completion.TrySetCanceled(token), this);
        }
    }

    public Task<T> Task => _completion.Task;

    public override bool IsCompleted => _completion.Task.IsCompleted;

    public override string Description => _descriptor.Name;

    public override bool Interleaves(GrainActivation activation) =>
        _descriptor.AlwaysInterleave || activation.Class.IsReentrant || (Chain?.AllowsReentryInto(activation.GrainId) ?? false);

    public override void Fail(Exception exception)
    {
        _completion.TrySetException(exception);
        _cancellationRegistration.Dispose();
    }

    public override async Task ExecuteAsync(GrainActivation activation)
    {
        GrainActivation.Current = activation;
        RequestContext.Current = Chain;
        try
        {
            if (_completion.Task.IsCompleted)
            {
                // The caller has already given up (cancelled or timed out): do not run it.
                return;
            }

            _cancellation.ThrowIfCancellationRequested();
            var task = _descriptor.Invoker(activation.Instance!, _args);
            if (_descriptor.HasResult)
            {
                var result = await ((Task<T>)task).ConfigureAwait(true);
                _completion.TrySetResult(result);
            }
            else
            {
                await task.ConfigureAwait(true);
                _completion.TrySetResult(default!);
            }
        }
        catch (OperationCanceledException canceled) when (canceled.CancellationToken.IsCancellationRequested)
        {
            _completion.TrySetCanceled(canceled.CancellationToken);
        }
        catch (Exception exception)
        {
            activation.Runtime.Statistics.CallFailed();
            _completion.TrySetException(exception);
        }
        finally
        {
            _cancellationRegistration.Dispose();
            activation.OnRequestCompleted(this);
        }
    }
}
