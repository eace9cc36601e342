namespace OrleansNetOps.Runtime;

/// <summary>
/// A stream of events. Delivery is in order per stream; producers wait when the stream's buffer is full
/// (backpressure) instead of growing memory without bound.
/// </summary>
/// <typeparam name="T">The event type.</typeparam>
public interface IAsyncStream<T>
{
    /// <summary>The stream's identity.</summary>
    StreamId StreamId { get; }

    /// <summary>Publishes one event; completes once it is buffered.</summary>
    Task OnNextAsync(T item, CancellationToken cancellationToken = default);

    /// <summary>Publishes events in order.</summary>
    Task OnNextBatchAsync(IEnumerable<T> batch, CancellationToken cancellationToken = default);

    /// <summary>
    /// Subscribes. Called from a grain, delivery runs as turns of that grain and the subscription ends
    /// when the grain deactivates; a grain with an implicit subscription to this namespace subscribes in
    /// <see cref="Grain.OnActivateAsync"/> and is activated by the next event after that.
    /// </summary>
    Task<StreamSubscriptionHandle<T>> SubscribeAsync(Func<T, StreamSequenceToken, Task> onNextAsync);

    /// <summary>Subscribes an observer.</summary>
    Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncObserver<T> observer);

    /// <summary>The explicit subscriptions of this stream.</summary>
    Task<IList<StreamSubscriptionHandle<T>>> GetAllSubscriptionHandles();
}
