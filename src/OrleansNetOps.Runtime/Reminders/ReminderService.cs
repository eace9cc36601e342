using Microsoft.Extensions.Logging;

namespace OrleansNetOps.Runtime;

/// <summary>
/// Fires durable reminders. The table is the truth; this service keeps an in-memory schedule of it,
/// loaded at start, so reminders registered before a restart fire after it. Ticks follow the original
/// schedule (start + n × period), missed ticks are not replayed: a reminder says "it is time", not "it was time".
/// </summary>
internal sealed class ReminderService : IAsyncDisposable
{
    private readonly GrainRuntime _runtime;
    private readonly IReminderTable _table;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly Dictionary<(GrainId, string), ReminderEntry> _entries = [];
    private readonly PriorityQueue<(GrainId GrainId, string Name, string? ETag), DateTimeOffset> _schedule = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _wake = new(0);
    private Task? _loop;

    public ReminderService(GrainRuntime runtime, IReminderTable table, TimeProvider time)
    {
        _runtime = runtime;
        _table = table;
        _time = time;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _table.InitializeAsync(cancellationToken).ConfigureAwait(false);
        var all = await _table.ReadAllAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            foreach (var entry in all)
            {
                ScheduleLocked(entry);
            }
        }

        _runtime.Logger.LogInformation("Reminder service started with {Count} reminders", all.Count);
        _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
    }

    public async Task<IGrainReminder> RegisterOrUpdateAsync(GrainId grainId, string name, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (period < _runtime.Options.MinimumReminderPeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period,
                $"Reminder period must be at least {_runtime.Options.MinimumReminderPeriod} (GrainRuntimeOptions.MinimumReminderPeriod); use a grain timer for faster schedules.");
        }

        if (dueTime < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "Due time must be zero or more.");
        }

        var entry = new ReminderEntry(grainId, name, _time.GetUtcNow() + dueTime, period);
        var etag = await _table.UpsertAsync(entry).ConfigureAwait(true);
        lock (_gate)
        {
            ScheduleLocked(entry with { ETag = etag });
        }

        _wake.Release();
        return new ReminderHandle(name, etag);
    }

    public async Task UnregisterAsync(GrainId grainId, IGrainReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var etag = reminder is ReminderHandle handle ? handle.ETag : null;
        etag ??= (await _table.ReadAsync(grainId, reminder.ReminderName).ConfigureAwait(true))?.ETag;
        if (etag is not null && !await _table.RemoveAsync(grainId, reminder.ReminderName, etag).ConfigureAwait(true))
        {
            throw new InconsistentStateException(
                $"Reminder '{reminder.ReminderName}' of grain {grainId} was changed since this handle was obtained; get it again.", null, etag);
        }

        lock (_gate)
        {
            _entries.Remove((grainId, reminder.ReminderName));
        }
    }

    public async Task<IGrainReminder?> GetAsync(GrainId grainId, string name)
    {
        var entry = await _table.ReadAsync(grainId, name).ConfigureAwait(true);
        return entry is null ? null : new ReminderHandle(entry.Name, entry.ETag!);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stopping.Dispose();
        _wake.Dispose();
    }

    private void ScheduleLocked(ReminderEntry entry)
    {
        _entries[(entry.GrainId, entry.Name)] = entry;
        _schedule.Enqueue((entry.GrainId, entry.Name, entry.ETag), NextTick(entry, _time.GetUtcNow()));
    }

    private static DateTimeOffset NextTick(ReminderEntry entry, DateTimeOffset now)
    {
        if (now <= entry.StartAt)
        {
            return entry.StartAt;
        }

        var elapsedPeriods = (long)Math.Ceiling((now - entry.StartAt).Ticks / (double)entry.Period.Ticks);
        return entry.StartAt + TimeSpan.FromTicks(entry.Period.Ticks * elapsedPeriods);
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            TimeSpan wait;
            var due = new List<(ReminderEntry Entry, DateTimeOffset TickTime)>();
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                while (_schedule.TryPeek(out var item, out var at) && at <= now)
                {
                    _schedule.Dequeue();
                    // Skip stale schedule items: the reminder was removed or re-registered since.
                    if (!_entries.TryGetValue((item.GrainId, item.Name), out var entry) || entry.ETag != item.ETag)
                    {
                        continue;
                    }

                    due.Add((entry, at));
                    _schedule.Enqueue(item, at + entry.Period);
                }

                wait = _schedule.TryPeek(out _, out var nextAt) ? nextAt - now : TimeSpan.FromMinutes(1);
            }

            foreach (var (entry, tickTime) in due)
            {
                _ = FireAsync(entry, tickTime);
            }

            if (due.Count > 0)
            {
                continue;
            }

            try
            {
                await _wake.WaitAsync(Clamp(wait), stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static TimeSpan Clamp(TimeSpan wait) =>
        wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait > TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : wait;

    private async Task FireAsync(ReminderEntry entry, DateTimeOffset tickTime)
    {
        try
        {
            _runtime.Statistics.ReminderTicked();
            var grainClass = _runtime.Registry.ForTypeName(entry.GrainId.Type);
            var status = new TickStatus(entry.StartAt, entry.Period, tickTime);
            await _runtime.InvokeCallbackAsync(entry.GrainId, grainClass, $"reminder '{entry.Name}'",
                grain => ((IRemindable)grain).ReceiveReminder(entry.Name, status), interleave: false, keepAlive: true).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            _runtime.Logger.LogWarning(exception, "Reminder {Name} of grain {GrainId} failed", entry.Name, entry.GrainId);
        }
    }
}
