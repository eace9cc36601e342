using System.Globalization;
using System.Threading.Channels;
using Orleans.Streams;
using OrleansNetOps.Grains.Events;

namespace OrleansNetOps.Silo.Events;

/// <summary>
/// This silo's end of the live feed: it subscribes to the domain's <see cref="NetOpsStreams.Events"/> stream (memory
/// streams are cluster-wide, so a watcher on any silo sees every grain's changes), numbers each event and keeps the
/// last <see cref="LiveFeedOptions.WindowSize"/> in a ring, so a watcher that reconnects with <c>Last-Event-ID</c>
/// gets what it missed. The window is per silo: an id from another silo (or an earlier run) cannot be continued,
/// and the watcher is told to reload instead.
/// </summary>
public sealed class LiveEventFeed(
    IClusterClient client, LiveFeedOptions options, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<LiveEventFeed> logger) : IHostedService, IDisposable
{
    private readonly Lock _gate = new();
    private readonly LiveEvent?[] _ring = new LiveEvent?[options.WindowSize];
    private readonly List<LiveFeedSubscription> _watchers = [];
    private readonly string _incarnation = time.GetUtcNow().ToUnixTimeMilliseconds().ToString("x", CultureInfo.InvariantCulture);
    private long _last;
    private readonly CancellationTokenSource _stop = new();
    private bool _stopping;
    private Task? _subscribing;
    private StreamSubscriptionHandle<NetOpsEvent>? _subscription;

    /// <summary>Events numbered so far.</summary>
    public long Count
    {
        get
        {
            lock (_gate)
            {
                return _last;
            }
        }
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Watchers' streams never end on their own: end them when the silo starts stopping, or the web server would wait
        // for them until its shutdown timeout before anything else could stop.
        lifetime.ApplicationStopping.Register(EndWatchers);

        // With PostgreSQL the silo joins its cluster only once the database answers, and its stream provider is not
        // usable before: subscribe in the background until it is, so the host starts (live, not ready) either way.
        _subscribing = Task.Run(() => SubscribeWhenReadyAsync(_stop.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task SubscribeWhenReadyAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var stream = client.GetStreamProvider(NetOpsStreams.Provider).GetStream<NetOpsEvent>(NetOpsStreams.Events(options.Domain));
                _subscription = await stream.SubscribeAsync((item, _) =>
                {
                    Append(item);
                    return Task.CompletedTask;
                }).ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogDebug(exception, "The live feed waits for the silo's streams");
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_subscribing is { } subscribing)
        {
            await subscribing.ConfigureAwait(false);
        }

        if (_subscription is { } subscription)
        {
            try
            {
                await subscription.UnsubscribeAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The silo is going away with its streams; a subscription it cannot remove ends with it.
                logger.LogDebug(exception, "The live feed could not unsubscribe while stopping");
            }
        }

        EndWatchers();
    }

    /// <inheritdoc />
    public void Dispose() => _stop.Dispose();

    private void EndWatchers()
    {
        lock (_gate)
        {
            _stopping = true;
            foreach (var watcher in _watchers)
            {
                watcher.Channel.Writer.TryComplete();
            }

            _watchers.Clear();
        }
    }

    /// <summary>Numbers an event, keeps it in the window and hands it to every watcher.</summary>
    /// <param name="item">The event.</param>
    /// <returns>The numbered event.</returns>
    public LiveEvent Append(NetOpsEvent item)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_gate)
        {
            var sequence = ++_last;
            var live = new LiveEvent(sequence, $"{_incarnation}-{sequence.ToString(CultureInfo.InvariantCulture)}", item);
            _ring[sequence % _ring.Length] = live;
            for (var i = _watchers.Count - 1; i >= 0; i--)
            {
                if (!_watchers[i].Channel.Writer.TryWrite(live))
                {
                    // A watcher this far behind would hold the silo's memory hostage: end its stream; it reconnects with
                    // its Last-Event-ID and catches up from the window.
                    _watchers[i].Channel.Writer.TryComplete();
                    _watchers.RemoveAt(i);
                }
            }

            return live;
        }
    }

    /// <summary>Starts watching.</summary>
    /// <param name="lastEventId">The SSE <c>Last-Event-ID</c> the watcher sent, if any.</param>
    /// <returns>The subscription; dispose it when the watcher leaves.</returns>
    public LiveFeedSubscription Subscribe(string? lastEventId)
    {
        var channel = Channel.CreateBounded<LiveEvent>(new BoundedChannelOptions(options.WatcherBuffer) { SingleReader = true });
        lock (_gate)
        {
            var oldest = Math.Max(1, _last - _ring.Length + 1);
            var resumed = true;
            var from = _last + 1;
            if (!string.IsNullOrEmpty(lastEventId))
            {
                if (TryParse(lastEventId, out var seen) && seen <= _last && seen + 1 >= oldest)
                {
                    from = seen + 1;
                }
                else
                {
                    resumed = false;
                }
            }

            var replay = new List<LiveEvent>((int)(_last + 1 - from));
            for (var sequence = from; sequence <= _last; sequence++)
            {
                replay.Add(_ring[sequence % _ring.Length]!);
            }

            var subscription = new LiveFeedSubscription(replay, resumed, channel, Unsubscribe);
            if (_stopping)
            {
                channel.Writer.TryComplete();
            }
            else
            {
                _watchers.Add(subscription);
            }

            return subscription;
        }
    }

    private void Unsubscribe(LiveFeedSubscription subscription)
    {
        lock (_gate)
        {
            _watchers.Remove(subscription);
        }

        subscription.Channel.Writer.TryComplete();
    }

    private bool TryParse(string id, out long sequence)
    {
        sequence = 0;
        var dash = id.LastIndexOf('-');
        return dash > 0 && id.AsSpan(0, dash).SequenceEqual(_incarnation) &&
            long.TryParse(id.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out sequence);
    }
}
