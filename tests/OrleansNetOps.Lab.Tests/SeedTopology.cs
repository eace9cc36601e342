using OrleansNetOps.Topology;

namespace OrleansNetOps.Lab.Tests;

/// <summary>The repository's seed topology, found from the test's output directory.</summary>
public static class SeedTopology
{
    /// <summary>Path of <c>silo-config/topology.yaml</c>.</summary>
    public static string File
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "silo-config", "topology.yaml");
                if (System.IO.File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException("silo-config/topology.yaml not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The loaded topology.</summary>
    public static NetworkTopology Load() => TopologyLoader.LoadFile(File);
}
