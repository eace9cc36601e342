using System.Collections.Concurrent;
using System.Globalization;

namespace OrleansNetOps.Runtime;

/// <summary>In-process reminder table: reminders live as long as the process.</summary>
public sealed class MemoryReminderTable : IReminderTable
{
    private readonly ConcurrentDictionary<(GrainId GrainId, string Name), ReminderEntry> _entries = new();
    private long _nextVersion;

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ReminderEntry>>([.. _entries.Values]);

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ReminderEntry>>([.. _entries.Values.Where(e => e.GrainId == grainId)]);

    /// <inheritdoc />
    public Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(_entries.TryGetValue((grainId, name), out var entry) ? entry : null);

    /// <inheritdoc />
    public Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var etag = Interlocked.Increment(ref _nextVersion).ToString(CultureInfo.InvariantCulture);
        _entries[(entry.GrainId, entry.Name)] = entry with { ETag = etag };
        return Task.FromResult(etag);
    }

    /// <inheritdoc />
    public Task<bool> RemoveAsync(GrainId grainId, string name, string eTag, CancellationToken cancellationToken = default)
    {
        var key = (grainId, name);
        return Task.FromResult(_entries.TryGetValue(key, out var current) && current.ETag == eTag &&
                               _entries.TryRemove(new KeyValuePair<(GrainId, string), ReminderEntry>(key, current)));
    }
}
