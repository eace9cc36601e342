namespace OrleansNetOps.Runtime;

/// <summary>Runtime-originated work on an activation: timer ticks, stream deliveries, reminder ticks.</summary>
internal sealed class CallbackRequest(
    string description,
    Func<Grain, Task> callback,
    bool interleave,
    bool keepAlive,
    long deadline) : Request(null, deadline)
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Task => _completion.Task;

    public override bool IsCompleted => _completion.Task.IsCompleted;

    public override string Description => description;

    public override bool KeepsAlive => keepAlive;

    public override bool Interleaves(GrainActivation activation) => interleave || activation.Class.IsReentrant;

    public override void Fail(Exception exception) => _completion.TrySetException(exception);

    public override async Task ExecuteAsync(GrainActivation activation)
    {
        GrainActivation.Current = activation;
        RequestContext.Current = null;
        try
        {
            if (!_completion.Task.IsCompleted)
            {
                await callback(activation.Instance!).ConfigureAwait(true);
                _completion.TrySetResult();
            }
        }
        catch (Exception exception)
        {
            _completion.TrySetException(exception);
        }
        finally
        {
            activation.OnRequestCompleted(this);
        }
    }
}
