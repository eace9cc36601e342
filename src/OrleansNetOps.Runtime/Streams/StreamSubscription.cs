namespace OrleansNetOps.Runtime;

/// <summary>A subscription, optionally owned by a grain activation (then delivery runs as that grain's turns).</summary>
internal sealed class StreamSubscription<T>(
    MemoryStream<T> stream,
    Func<T, StreamSequenceToken, Task> handler,
    GrainActivation? owner,
    bool isImplicit) : StreamSubscriptionHandle<T>, IActivationResource
{
    public override StreamId StreamId => stream.StreamId;

    public override Guid HandleId { get; } = Guid.NewGuid();

    public bool IsImplicit => isImplicit;

    public Func<T, StreamSequenceToken, Task> Handler => handler;

    public override Task UnsubscribeAsync()
    {
        Release();
        owner?.RemoveResource(this);
        return Task.CompletedTask;
    }

    public void Release() => stream.Remove(this);

    public Task DeliverAsync(T item, StreamSequenceToken token)
    {
        if (owner is null)
        {
            return handler(item, token);
        }

        var request = new CallbackRequest($"stream event {StreamId}#{token.SequenceNumber}", _ => handler(item, token),
            interleave: false, keepAlive: true, owner.Runtime.NewDeadline());
        if (!owner.TryEnqueue(request))
        {
            // The owning activation is gone; its explicit subscriptions go with it.
            Release();
            return Task.CompletedTask;
        }

        return request.Task;
    }
}
