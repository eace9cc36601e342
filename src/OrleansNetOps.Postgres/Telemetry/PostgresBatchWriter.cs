using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace OrleansNetOps.Postgres.Telemetry;

/// <summary>
/// Takes entries from listeners without ever blocking them and writes them to PostgreSQL in batches on a background
/// task: up to <see cref="MaxBatch"/> entries, or whatever has arrived after a short linger. When the database cannot
/// keep up the buffer fills and new entries are dropped and counted (a listener must never stall on storage); a batch
/// whose write fails after the retry policy's attempts is dropped, counted and logged.
/// </summary>
/// <typeparam name="T">The entry type.</typeparam>
internal sealed class PostgresBatchWriter<T> : IAsyncDisposable
{
    public const int MaxBatch = 2_000;
    private static readonly TimeSpan s_linger = TimeSpan.FromMilliseconds(50);
    private readonly Channel<T> _channel;
    private readonly Func<IReadOnlyList<T>, CancellationToken, Task> _write;
    private readonly ILogger? _logger;
    private readonly string _name;
    private readonly Task _loop;
    private long _enqueued;
    private long _written;
    private long _dropped;

    public PostgresBatchWriter(string name, Func<IReadOnlyList<T>, CancellationToken, Task> write, ILogger? logger, int capacity = 100_000)
    {
        _name = name;
        _write = write;
        _logger = logger;
        _channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        });
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Entries dropped because the buffer was full or their batch could not be written.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Queues an entry; false (and counted) when the buffer is full.</summary>
    public bool Add(T entry)
    {
        if (_channel.Writer.TryWrite(entry))
        {
            Interlocked.Increment(ref _enqueued);
            return true;
        }

        Interlocked.Increment(ref _dropped);
        return false;
    }

    /// <summary>Waits until everything queued before the call is written (or dropped), so a reader sees its own writes.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var target = Interlocked.Read(ref _enqueued);
        while (Interlocked.Read(ref _written) + Interlocked.Read(ref _dropped) < target && !_loop.IsCompleted)
        {
            await Task.Delay(5, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var reader = _channel.Reader;
        var batch = new List<T>(MaxBatch);
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            // A short linger lets a burst gather into one statement.
            await Task.Delay(s_linger).ConfigureAwait(false);
            while (batch.Count < MaxBatch && reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            try
            {
                await _write(batch, CancellationToken.None).ConfigureAwait(false);
                Interlocked.Add(ref _written, batch.Count);
            }
            catch (Exception exception)
            {
                Interlocked.Add(ref _dropped, batch.Count);
                _logger?.LogError(exception, "Writing {Count} {Name} to PostgreSQL failed; they are dropped", batch.Count, _name);
            }

            batch.Clear();
        }
    }
}
