using OrleansNetOps.Topology;
using OrleansNetOps.Twin.Engine;

namespace OrleansNetOps.Drivers.Tests;

/// <summary>The repository's seed topology, its converged twin, and FRR configurations captured from a seed lab.</summary>
internal static class SeedNetwork
{
    private static readonly Lazy<NetworkTopology> s_topology = new(() => TopologyLoader.LoadFile(TopologyFile));
    private static readonly Lazy<TwinState> s_state = new(() => TwinState.Converge(Topology));

    public static NetworkTopology Topology => s_topology.Value;

    public static TwinState State => s_state.Value;

    public static string TopologyFile
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "silo-config", "topology.yaml");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException($"silo-config/topology.yaml not found above {AppContext.BaseDirectory}");
        }
    }

    /// <summary><c>show running-config</c> of a seed lab router, as FRR 8.4.4 printed it.</summary>
    public static string RunningConfig(string router) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Frr", "Configs", $"{router}.running-config.txt"));

    /// <summary>A snapshot of the captured configuration.</summary>
    public static DeviceSnapshot Snapshot(string router) =>
        DeviceSnapshot.Of(router, "frr", DateTimeOffset.UnixEpoch, RunningConfig(router));

    /// <summary>Neighbour names of a router as the topology gives them.</summary>
    public static IReadOnlyDictionary<string, string> NeighborNames(string router) =>
        Topology.LinksOf(router).ToDictionary(l => l.AddressOf(l.Other(router)).ToString(), l => l.Other(router), StringComparer.Ordinal);
}
