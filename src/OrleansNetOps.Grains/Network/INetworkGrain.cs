using OrleansNetOps.Runtime;

namespace OrleansNetOps.Grains.Network;

/// <summary>The directory of routers heard from (one grain, key <c>default</c>).</summary>
public interface INetworkGrain : IGrainWithStringKey
{
    /// <summary>Notes that a router exists and where its data comes from.</summary>
    Task RegisterAsync(string routerId, RouterSource source);

    /// <summary>Every router heard from, with its source.</summary>
    Task<IReadOnlyDictionary<string, RouterSource>> ListAsync();
}
