using System.Threading.Channels;

namespace OrleansNetOps.Silo.Events;

/// <summary>
/// One watcher of the live feed: what it missed since its <c>Last-Event-ID</c> (replayed first), then every new event.
/// Disposing it stops the delivery.
/// </summary>
public sealed class LiveFeedSubscription : IDisposable
{
    private readonly Action<LiveFeedSubscription> _unsubscribe;

    internal LiveFeedSubscription(IReadOnlyList<LiveEvent> replay, bool resumed, Channel<LiveEvent> channel, Action<LiveFeedSubscription> unsubscribe)
    {
        Replay = replay;
        Resumed = resumed;
        Channel = channel;
        _unsubscribe = unsubscribe;
    }

    /// <summary>The events after the watcher's <c>Last-Event-ID</c>, oldest first.</summary>
    public IReadOnlyList<LiveEvent> Replay { get; }

    /// <summary>
    /// False when the watcher gave a <c>Last-Event-ID</c> this feed cannot continue from (another silo's, an earlier run's,
    /// or older than the window): it may have missed events and should reload what it shows.
    /// </summary>
    public bool Resumed { get; }

    /// <summary>New events; completed when the watcher fell so far behind that its buffer filled.</summary>
    public ChannelReader<LiveEvent> Events => Channel.Reader;

    internal Channel<LiveEvent> Channel { get; }

    /// <inheritdoc />
    public void Dispose() => _unsubscribe(this);
}
