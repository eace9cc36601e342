namespace OrleansNetOps.Runtime;

/// <summary>A subscription to a stream.</summary>
/// <typeparam name="T">The event type.</typeparam>
public abstract class StreamSubscriptionHandle<T>
{
    /// <summary>The stream subscribed to.</summary>
    public abstract StreamId StreamId { get; }

    /// <summary>Unique id of this subscription.</summary>
    public abstract Guid HandleId { get; }

    /// <summary>Stops delivery to this subscription.</summary>
    public abstract Task UnsubscribeAsync();
}
