using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Lab.Frr;
using OrleansNetOps.Lab.Scenarios;

namespace OrleansNetOps.Lab.Tests;

/// <summary>The generated configuration, checked without running anything (no root needed).</summary>
public sealed class BgpdConfigWriterTests
{
    private static readonly LabLayout s_layout = new(SeedTopology.Load(), new LabOptions("cfg", 11019));

    private static string Config(string node) => BgpdConfigWriter.Render(s_layout, s_layout.Node(node));

    [Fact]
    public void Edge_router_sets_next_hop_self_towards_the_reflector_and_announces_only_own_routes_to_providers()
    {
        var r1 = Config("R1");
        Assert.Contains("  neighbor 198.51.100.17 next-hop-self", r1, StringComparison.Ordinal);
        Assert.Contains(" match as-path OWN-ROUTES", r1, StringComparison.Ordinal);
        Assert.Contains("  bmp connect 127.0.0.1 port 11019", r1, StringComparison.Ordinal);
        Assert.Contains("hostname edge-router-01", r1, StringComparison.Ordinal);
    }

    [Fact]
    public void Reflector_has_its_clients_and_spines_originate_both_families()
    {
        var r3 = Config("R3");
        foreach (var client in new[] { "198.51.100.18", "198.51.100.22", "198.51.100.26", "198.51.100.30" })
        {
            Assert.Contains($"  neighbor {client} route-reflector-client", r3, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("next-hop-self", r3, StringComparison.Ordinal);
        var r4 = Config("R4");
        Assert.Contains("  network 172.16.10.0/24", r4, StringComparison.Ordinal);
        Assert.Contains("  network fd00:10::/48", r4, StringComparison.Ordinal);
    }

    [Fact]
    public void Isp_announces_its_prefixes_with_path_and_med_and_is_not_monitored()
    {
        var ispC = Config("ISP-C");
        Assert.Contains("ip prefix-list ANN-10 seq 5 permit 1.1.1.0/24", ispC, StringComparison.Ordinal);
        Assert.Contains(" set as-path prepend 13335\n set metric 50", ispC, StringComparison.Ordinal);
        Assert.Contains("ipv6 prefix-list ANN-12 seq 5 permit 2606:4700::/32", ispC, StringComparison.Ordinal);
        Assert.DoesNotContain("bmp", ispC, StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_actions_parse_and_render()
    {
        var actions = new[] { "local-pref=200", "med=50", "prepend=65001x3", "community=65001:100", "deny=8.8.8.0/24" }.Select(PolicyAction.Parse).ToList();
        Assert.Equal(["local-pref=200", "med=50", "prepend=65001x3", "community=65001:100", "deny=8.8.8.0/24"], actions.Select(a => a.ToString()));
        var lines = RoutePolicyText.RouteMap("ISP-A", PolicyDirection.Out, ownRoutesOnly: true, actions);
        Assert.Equal(
            [
                "ip prefix-list RM-ISP-A-OUT-DENY4 seq 5 permit 8.8.8.0/24",
                "route-map RM-ISP-A-OUT deny 10",
                " match ip address prefix-list RM-ISP-A-OUT-DENY4",
                "exit",
                "route-map RM-ISP-A-OUT permit 100",
                " match as-path OWN-ROUTES",
                " set local-preference 200",
                " set metric 50",
                " set as-path prepend 65001 65001 65001",
                " set community 65001:100 additive",
                "exit",
            ],
            lines);
        Assert.Equal(new DenyPrefix(IpPrefix.Parse("2001:db8::/32")), PolicyAction.Parse("deny=2001:db8::/32"));
    }
}
