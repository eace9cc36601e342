using System.Collections.Immutable;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace OrleansNetOps.Runtime;

/// <summary>One in-memory stream: a bounded channel drained by a single loop, so order per stream holds.</summary>
internal sealed class MemoryStream<T> : IAsyncStream<T>, MemoryStreamProvider.IStoppable
{
    private readonly GrainRuntime _runtime;
    private readonly Channel<T> _buffer;
    private readonly IReadOnlyList<GrainClassMetadata> _implicitSubscribers;
    private readonly Task _pump;
    private ImmutableArray<StreamSubscription<T>> _subscriptions = [];
    private long _sequence;

    public MemoryStream(StreamId streamId, MemoryStreamOptions options, GrainRuntime runtime)
    {
        StreamId = streamId;
        _runtime = runtime;
        _buffer = Channel.CreateBounded<T>(new BoundedChannelOptions(options.Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _implicitSubscribers = [.. runtime.Registry.Classes.Where(c => c.ImplicitStreamNamespaces.Contains(streamId.Namespace))];
        _pump = Task.Run(PumpAsync);
    }

    public StreamId StreamId { get; }

    public Task OnNextAsync(T item, CancellationToken cancellationToken = default)
    {
        _runtime.Statistics.StreamEventPublished();
        var write = _buffer.Writer.WriteAsync(item, cancellationToken);
        return write.IsCompletedSuccessfully ? Task.CompletedTask : write.AsTask();
    }

    public async Task OnNextBatchAsync(IEnumerable<T> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var item in batch)
        {
            await OnNextAsync(item, cancellationToken).ConfigureAwait(true);
        }
    }

    public Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncObserver<T> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        return SubscribeAsync(observer.OnNextAsync);
    }

    public Task<StreamSubscriptionHandle<T>> SubscribeAsync(Func<T, StreamSequenceToken, Task> onNextAsync)
    {
        ArgumentNullException.ThrowIfNull(onNextAsync);
        var owner = GrainActivation.Current;
        var isImplicit = owner is not null && owner.GrainId.Key == StreamId.Key &&
                         owner.Class.ImplicitStreamNamespaces.Contains(StreamId.Namespace);
        var subscription = new StreamSubscription<T>(this, onNextAsync, owner, isImplicit);
        if (owner is not null)
        {
            owner.AddResource(subscription);
        }

        if (!isImplicit)
        {
            ImmutableInterlocked.Update(ref _subscriptions, static (list, s) => list.Add(s), subscription);
        }

        return Task.FromResult<StreamSubscriptionHandle<T>>(subscription);
    }

    public Task<IList<StreamSubscriptionHandle<T>>> GetAllSubscriptionHandles() =>
        Task.FromResult<IList<StreamSubscriptionHandle<T>>>([.. _subscriptions]);

    public async Task StopAsync()
    {
        _buffer.Writer.TryComplete();
        await _pump.ConfigureAwait(false);
    }

    internal void Remove(StreamSubscription<T> subscription) =>
        ImmutableInterlocked.Update(ref _subscriptions, static (list, s) => list.Remove(s), subscription);

    private async Task PumpAsync()
    {
        var deliveries = new List<Task>();
        await foreach (var item in _buffer.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            var token = new StreamSequenceToken(++_sequence);
            deliveries.Clear();
            foreach (var subscription in _subscriptions)
            {
                deliveries.Add(DeliverAsync(subscription, item, token));
            }

            foreach (var grainClass in _implicitSubscribers)
            {
                deliveries.Add(DeliverImplicitAsync(grainClass, item, token));
            }

            // Subscribers run side by side; the next event waits for all, which keeps order per subscriber.
            foreach (var delivery in deliveries)
            {
                await delivery.ConfigureAwait(false);
            }
        }
    }

    private async Task DeliverAsync(StreamSubscription<T> subscription, T item, StreamSequenceToken token)
    {
        try
        {
            await subscription.DeliverAsync(item, token).ConfigureAwait(false);
            _runtime.Statistics.StreamEventDelivered();
        }
        catch (Exception exception)
        {
            _runtime.Statistics.StreamDeliveryFailed();
            _runtime.Logger.LogWarning(exception, "Subscriber {Subscription} of stream {StreamId} failed on event {Sequence}; delivery goes on",
                subscription.HandleId, StreamId, token.SequenceNumber);
        }
    }

    private async Task DeliverImplicitAsync(GrainClassMetadata grainClass, T item, StreamSequenceToken token)
    {
        var grainId = new GrainId(grainClass.TypeName, StreamId.Key);
        try
        {
            await _runtime.InvokeCallbackAsync(grainId, grainClass, $"stream event {StreamId}#{token.SequenceNumber}", grain =>
            {
                var subscription = grain.Activation.FindResource<StreamSubscription<T>>(s => s.IsImplicit && s.StreamId == StreamId);
                if (subscription is null)
                {
                    _runtime.Statistics.StreamEventDropped();
                    _runtime.Logger.LogWarning("Grain {GrainId} has an implicit subscription to {Namespace} but did not subscribe to {StreamId} in OnActivateAsync; event {Sequence} dropped",
                        grainId, StreamId.Namespace, StreamId, token.SequenceNumber);
                    return Task.CompletedTask;
                }

                return subscription.Handler(item, token);
            }, interleave: false, keepAlive: true).ConfigureAwait(false);
            _runtime.Statistics.StreamEventDelivered();
        }
        catch (Exception exception)
        {
            _runtime.Statistics.StreamDeliveryFailed();
            _runtime.Logger.LogWarning(exception, "Implicit subscriber {GrainId} of stream {StreamId} failed on event {Sequence}; delivery goes on",
                grainId, StreamId, token.SequenceNumber);
        }
    }
}
