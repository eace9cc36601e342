using System.Net;
using OrleansNetOps.Bgp.Decision;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Twin.Engine;

namespace OrleansNetOps.Twin.Tests;

/// <summary>
/// The seed network's best paths, derived by hand from FRR's decision process (compare-routerid on, no IGP) and
/// cross-checked against real FRR by <see cref="LabAcceptanceTests"/>.
/// </summary>
public sealed class BaselineTests
{
    private const string R1 = "198.51.100.18";
    private const string R2 = "198.51.100.22";
    private const string R4 = "198.51.100.26";
    private const string R5 = "198.51.100.30";

    public static TheoryData<string, string, string, string> Expected() => new()
    {
        // Equal eBGP paths on R1: ISP-A's router-id 203.0.113.201 is lower than ISP-B's.
        { "R1", "8.8.8.0/24", "203.0.113.2", "1234 15169" },
        { "R2", "8.8.8.0/24", "203.0.113.10", "5678 15169" }, // eBGP beats the reflected iBGP path
        { "R3", "8.8.8.0/24", R1, "1234 15169" }, // iBGP tie: R1's router-id is lower than R2's
        { "R4", "8.8.8.0/24", R1, "1234 15169" },
        { "R1", "1.1.1.0/24", "203.0.113.6", "5678 13335" }, // shorter AS path than ISP-A's
        { "R2", "1.1.1.0/24", "203.0.113.10", "5678 13335" }, // MED 50 from ISP-C is not comparable; router-id
        { "R5", "1.1.1.0/24", R1, "5678 13335" },
        { "R2", "93.184.216.0/24", R1, "1234 15133" },
        { "R1", "151.101.0.0/16", "203.0.113.6", "5678 54113" },
        { "R2", "151.101.0.0/16", "203.0.113.10", "5678 54113" },
        { "R3", "151.101.0.0/16", R1, "5678 54113" },
        { "R1", "104.16.0.0/13", R2, "9012 13335" },
        { "R4", "104.16.0.0/13", R2, "9012 13335" },
        { "R1", "2001:4860::/32", "::ffff:203.0.113.2", "1234 15169" },
        { "R2", "2001:4860::/32", "::ffff:" + R1, "1234 15169" }, // the reflected path is shorter than ISP-B's own
        { "R5", "2606:4700::/32", "::ffff:" + R2, "9012 13335" },
        { "R4", "172.16.10.0/24", "0.0.0.0", "" },
        { "R1", "172.16.10.0/24", R4, "" }, // reflected: next hop unchanged
        { "R2", "172.16.20.0/24", R5, "" },
        { "R4", "fd00:20::/48", "::ffff:" + R5, "" },
        { "R5", "fd00:20::/48", "::", "" },
        { "ISP-A", "172.16.10.0/24", "203.0.113.1", "65001" },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Best_path_is_what_FRR_chooses(string router, string prefix, string nextHop, string asPath)
    {
        var best = Seed.State.Best(router, IpPrefix.Parse(prefix));
        Assert.NotNull(best);
        Assert.Equal(IPAddress.Parse(nextHop), best.EffectiveNextHop);
        Assert.Equal(asPath, best.Attributes.EffectiveAsPath?.ToString() ?? string.Empty);
    }

    [Fact]
    public void Every_router_has_every_prefix()
    {
        foreach (var router in Seed.Topology.Routers)
        {
            foreach (var prefix in Seed.State.Prefixes)
            {
                Assert.True(Seed.State.Best(router.Id, prefix) is not null, $"{router.Id} has no path to {prefix}");
            }
        }
    }

    [Fact]
    public void Edges_announce_only_our_prefixes_to_providers()
    {
        foreach (var isp in Seed.Topology.Isps)
        {
            foreach (var prefix in Seed.State.Prefixes)
            {
                var best = Seed.State.Best(isp.Id, prefix);
                var ours = Seed.Topology.Routers.Any(r => r.Originates.Contains(prefix));
                var own = isp.Announcements.Any(a => a.Prefix == prefix);
                Assert.Equal(ours || own, best is not null);
            }
        }
    }

    [Fact]
    public void Reflected_routes_carry_originator_and_cluster_list()
    {
        var best = Seed.State.Best("R4", IpPrefix.Parse("8.8.8.0/24"))!;
        Assert.Equal(IPAddress.Parse("198.51.100.1"), best.Attributes.OriginatorId);
        Assert.Equal([IPAddress.Parse("198.51.100.3")], best.Attributes.ClusterList.ToArray());
        Assert.Equal(100u, best.Attributes.LocalPref);
    }

    [Fact]
    public void Engine_walk_agrees_with_BestPathSelector_everywhere()
    {
        var options = Seed.State.Model.DecisionOptions;
        foreach (var node in Seed.State.Model.Nodes)
        {
            foreach (var prefix in Seed.State.Prefixes)
            {
                var paths = Seed.State.Paths(node.Id, prefix);
                if (paths.Count == 0)
                {
                    continue;
                }

                var selected = BestPathSelector.Select(paths.Select(p => p.Path), options).Best;
                Assert.Equal(selected, paths.Single(p => p.IsBest).Path);
            }
        }
    }

    [Fact]
    public void Convergence_is_deterministic()
    {
        Assert.Empty(Seed.Differences(Seed.State, TwinState.Converge(Seed.Topology)));
        Assert.Empty(Seed.Differences(Seed.State, Seed.State.Recompute()));
    }
}
