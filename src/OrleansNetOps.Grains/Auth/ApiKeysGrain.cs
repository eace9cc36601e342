namespace OrleansNetOps.Grains.Auth;

/// <summary>Holds the API-added keys in the configured grain storage (memory or PostgreSQL), so every silo and every restart sees them.</summary>
[GrainType("api-keys")]
public sealed class ApiKeysGrain([PersistentState("api-keys", "Default")] IPersistentState<ApiKeysState> state) : Grain, IApiKeysGrain
{
    /// <inheritdoc />
    public Task<IReadOnlyList<StoredApiKey>> ListAsync() => Task.FromResult<IReadOnlyList<StoredApiKey>>([.. state.State.Keys]);

    /// <inheritdoc />
    public async Task<bool> AddAsync(StoredApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (state.State.Keys.Any(k => string.Equals(k.Name, key.Name, StringComparison.Ordinal)))
        {
            return false;
        }

        state.State.Keys = [.. state.State.Keys.Append(key).OrderBy(k => k.Name, StringComparer.Ordinal)];
        await state.WriteStateAsync();
        return true;
    }

    /// <inheritdoc />
    public async Task<bool> RemoveAsync(string name)
    {
        var kept = state.State.Keys.Where(k => !string.Equals(k.Name, name, StringComparison.Ordinal)).ToList();
        if (kept.Count == state.State.Keys.Count)
        {
            return false;
        }

        state.State.Keys = kept;
        await state.WriteStateAsync();
        return true;
    }
}
