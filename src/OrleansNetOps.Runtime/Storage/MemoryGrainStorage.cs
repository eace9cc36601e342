using System.Collections.Concurrent;
using System.Globalization;

namespace OrleansNetOps.Runtime;

/// <summary>
/// In-process grain state store for the embedded default and tests. Same contract as the durable stores:
/// JSON round trip and ETag-conditional writes.
/// </summary>
public sealed class MemoryGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<(string StateName, GrainId GrainId), StoredRecord> _records = new();
    private long _nextVersion;

    /// <summary>Number of records held.</summary>
    public int Count => _records.Count;

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (_records.TryGetValue((stateName, grainId), out var record))
        {
            grainState.State = StateSerialization.Deserialize<T>(record.Payload);
            grainState.ETag = record.ETag;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = (stateName, grainId);
        var payload = StateSerialization.Serialize(grainState.State);
        var etag = NewETag();
        var next = new StoredRecord(payload, etag);
        if (grainState.ETag is null)
        {
            if (!_records.TryAdd(key, next))
            {
                throw Conflict(stateName, grainId, _records.TryGetValue(key, out var existing) ? existing.ETag : null, null);
            }
        }
        else
        {
            if (!_records.TryGetValue(key, out var current) || current.ETag != grainState.ETag ||
                !_records.TryUpdate(key, next, current))
            {
                throw Conflict(stateName, grainId, _records.TryGetValue(key, out var existing) ? existing.ETag : null, grainState.ETag);
            }
        }

        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = (stateName, grainId);
        if (_records.TryGetValue(key, out var current))
        {
            if (current.ETag != grainState.ETag ||
                !_records.TryRemove(new KeyValuePair<(string, GrainId), StoredRecord>(key, current)))
            {
                throw Conflict(stateName, grainId, current.ETag, grainState.ETag);
            }
        }
        else if (grainState.ETag is not null)
        {
            throw Conflict(stateName, grainId, null, grainState.ETag);
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private string NewETag() =>
        Interlocked.Increment(ref _nextVersion).ToString(CultureInfo.InvariantCulture);

    private static InconsistentStateException Conflict(string stateName, GrainId grainId, string? stored, string? current) =>
        new($"State '{stateName}' of grain {grainId} was changed by another writer: stored ETag '{stored ?? "<none>"}', writer held '{current ?? "<none>"}'. Nothing was written.",
            stored, current);

    private sealed record StoredRecord(byte[] Payload, string ETag);
}
