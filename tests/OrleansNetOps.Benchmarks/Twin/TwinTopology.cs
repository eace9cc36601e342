using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Benchmarks.Twin;

/// <summary>The seed topology for the twin benchmarks, and a variant where ISP-A announces a synthetic full table.</summary>
internal static class TwinTopology
{
    public static NetworkTopology Seed()
    {
        // BenchmarkDotNet runs from a generated project below the benchmark's bin; look upwards from there and from the
        // working directory, or take NETOPS_TOPOLOGY.
        var explicitPath = Environment.GetEnvironmentVariable("NETOPS_TOPOLOGY");
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return TopologyLoader.LoadFile(explicitPath);
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "silo-config", "topology.yaml");
                if (File.Exists(candidate))
                {
                    return TopologyLoader.LoadFile(candidate);
                }
            }
        }

        throw new FileNotFoundException("silo-config/topology.yaml not found; set NETOPS_TOPOLOGY");
    }

    /// <summary>
    /// The seed with ISP-A announcing <paramref name="count"/> distinct IPv4 /24s (from 16.0.0.0 upwards) on top of its
    /// own, each with one of 1,000 AS paths — a deterministic stand-in for a full Internet table from one provider.
    /// </summary>
    public static NetworkTopology WithFullTable(int count)
    {
        var seed = Seed();
        var ispA = seed.Isp("ISP-A")!;
        var announcements = new List<IspAnnouncement>(ispA.Announcements);
        for (var i = 0; i < count; i++)
        {
            var address = (16u << 24) + ((uint)i << 8);
            var origin = 64512u + (uint)(i % 1000);
            announcements.Add(new IspAnnouncement(IpPrefix.FromIPv4(address, 24), [3356, origin], null));
        }

        var isps = seed.Isps.Select(i => i.Id == ispA.Id ? ispA with { Announcements = announcements } : i).ToList();
        return seed with { Isps = isps };
    }

}
