namespace OrleansNetOps.Runtime;

/// <summary>A grain's durable state: read at activation, written when the grain says so.</summary>
/// <typeparam name="TState">The state type.</typeparam>
public interface IPersistentState<TState> : IGrainState<TState>
{
    /// <summary>Re-reads the state from storage.</summary>
    Task ReadStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes the state; throws <see cref="InconsistentStateException"/> if someone else wrote since it was read.</summary>
    Task WriteStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes the stored state and resets the value to a new instance.</summary>
    Task ClearStateAsync(CancellationToken cancellationToken = default);
}
