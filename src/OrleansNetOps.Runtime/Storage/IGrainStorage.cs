namespace OrleansNetOps.Runtime;

/// <summary>
/// A grain state store. Writes and clears are conditional on the caller's <see cref="IGrainState{T}.ETag"/>:
/// a mismatch throws <see cref="InconsistentStateException"/> and changes nothing, so a stale activation can
/// never overwrite newer state.
/// </summary>
public interface IGrainStorage
{
    /// <summary>Reads the state into <paramref name="grainState"/>; leaves the value untouched when no record exists.</summary>
    Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default);

    /// <summary>Writes the state if the stored ETag equals <paramref name="grainState"/>'s, then updates its ETag.</summary>
    Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default);

    /// <summary>Deletes the record if the stored ETag equals <paramref name="grainState"/>'s.</summary>
    Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default);
}
