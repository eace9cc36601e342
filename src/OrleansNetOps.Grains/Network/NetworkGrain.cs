using OrleansNetOps.Runtime;

namespace OrleansNetOps.Grains.Network;

/// <summary>Routers heard from, for listing; the router grains hold everything else.</summary>
[GrainType("network")]
public sealed class NetworkGrain : Grain, INetworkGrain
{
    private readonly Dictionary<string, RouterSource> _routers = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task RegisterAsync(string routerId, RouterSource source)
    {
        _routers[routerId] = source;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, RouterSource>> ListAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, RouterSource>>(new Dictionary<string, RouterSource>(_routers));
}
