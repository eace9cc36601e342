using OrleansNetOps.Topology;
using OrleansNetOps.Twin.Engine;

namespace OrleansNetOps.Assistant.Tests;

/// <summary>The repository's seed topology and its converged twin.</summary>
internal static class Seed
{
    private static readonly Lazy<NetworkTopology> s_topology = new(() => TopologyLoader.LoadFile(RepositoryFile("silo-config", "topology.yaml")));
    private static readonly Lazy<TwinState> s_state = new(() => TwinState.Converge(Topology));

    public static NetworkTopology Topology => s_topology.Value;

    public static TwinState State => s_state.Value;

    public static string RepositoryFile(params string[] parts)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine([directory.FullName, .. parts]);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{Path.Combine(parts)} not found above {AppContext.BaseDirectory}");
    }
}
