namespace OrleansNetOps.Grains.Network;

/// <summary>
/// Routers heard from, for listing; the router grains hold everything else. Persisted, so a router stays listed
/// after its grain is collected, after a silo dies and after a restart of the cluster.
/// </summary>
[GrainType("network")]
public sealed class NetworkGrain([PersistentState("routers")] IPersistentState<NetworkDirectory> directory) : Grain, INetworkGrain
{
    /// <inheritdoc />
    public async Task RegisterAsync(string routerId, RouterSource source)
    {
        ArgumentException.ThrowIfNullOrEmpty(routerId);
        if (directory.State.Routers.TryGetValue(routerId, out var known) && known == source)
        {
            return;
        }

        directory.State.Routers[routerId] = source;
        await directory.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, RouterSource>> ListAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, RouterSource>>(new Dictionary<string, RouterSource>(directory.State.Routers, StringComparer.Ordinal));
}
