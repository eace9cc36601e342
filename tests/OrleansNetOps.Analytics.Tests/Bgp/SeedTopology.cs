using OrleansNetOps.Topology;

namespace OrleansNetOps.Analytics.Tests.Bgp;

/// <summary>The repository's own silo-config/topology.yaml: R1–R5 in AS 65001, ISP-A/B/C.</summary>
internal static class SeedTopology
{
    private static readonly Lazy<NetworkTopology> Loaded = new(() => TopologyLoader.LoadFile(Locate()));

    public static NetworkTopology Value => Loaded.Value;

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "silo-config", "topology.yaml");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("silo-config/topology.yaml not found above the test directory");
    }
}
