namespace OrleansNetOps.Grains.Network;

/// <summary>The durable directory of routers heard from (one grain, key <see cref="DefaultKey"/>).</summary>
public interface INetworkGrain : IGrainWithStringKey
{
    /// <summary>The key of the one directory.</summary>
    const string DefaultKey = "default";

    /// <summary>Notes that a router exists and where its data comes from.</summary>
    Task RegisterAsync(string routerId, RouterSource source);

    /// <summary>Every router heard from, with its source.</summary>
    Task<IReadOnlyDictionary<string, RouterSource>> ListAsync();
}
