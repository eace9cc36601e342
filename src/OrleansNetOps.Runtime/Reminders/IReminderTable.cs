namespace OrleansNetOps.Runtime;

/// <summary>Durable storage for reminders, so that they survive a silo restart.</summary>
public interface IReminderTable
{
    /// <summary>Creates the table's schema if needed.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads every reminder.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads one grain's reminders.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken = default);

    /// <summary>Reads one reminder, or <c>null</c>.</summary>
    Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces a reminder; returns the new ETag.</summary>
    Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Removes a reminder if its ETag matches; returns whether a row was removed.</summary>
    Task<bool> RemoveAsync(GrainId grainId, string name, string eTag, CancellationToken cancellationToken = default);
}
