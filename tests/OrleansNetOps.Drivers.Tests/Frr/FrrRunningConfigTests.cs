using OrleansNetOps.Drivers.Frr;
using OrleansNetOps.Twin.Model;

namespace OrleansNetOps.Drivers.Tests.Frr;

public sealed class FrrRunningConfigTests
{
    [Fact]
    public void Reads_the_blocks_of_a_real_running_config()
    {
        var config = FrrRunningConfig.Parse(SeedNetwork.RunningConfig("R3"));

        Assert.Equal("frr version 8.4.4", config.Nodes[0].Text);
        var bgp = Assert.Single(config.Nodes, n => n.Text == "router bgp 65001");
        Assert.Contains(bgp.Children, c => c.Text == "neighbor 198.51.100.18 description R1");
        var ipv6 = Assert.Single(bgp.Children, c => c.Text == "address-family ipv6 unicast");
        Assert.Contains(ipv6.Children, c => c.Text == "neighbor 198.51.100.18 route-reflector-client");
        var bmp = Assert.Single(bgp.Children, c => c.Text == "bmp targets collector");
        Assert.Contains(bmp.Children, c => c.Text.StartsWith("bmp connect 127.0.0.1", StringComparison.Ordinal));

        // An entry without clauses is a block too: header, then its exit.
        var empty = Assert.Single(config.Nodes, n => n.Text == "route-map RM-R1-IN permit 100");
        Assert.Empty(empty.Children);
        Assert.DoesNotContain(config.Nodes, n => n.Text is "exit" or "end" or "!" || n.Text.StartsWith("Building", StringComparison.Ordinal));

        Assert.True(config.Contains(["router bgp 65001", "address-family ipv4 unicast"], "neighbor 198.51.100.18 route-map RM-R1-IN in"));
        Assert.False(config.Contains(["router bgp 65001"], "neighbor 198.51.100.18 route-map RM-R1-IN in"));
        Assert.Null(config.Inside(["router bgp 65002"]));
    }

    [Fact]
    public void Flattening_keeps_every_line_with_its_context()
    {
        var text = SeedNetwork.RunningConfig("R1");
        var flat = FrrRunningConfig.Parse(text).Flatten().ToList();

        Assert.Contains("router bgp 65001 › address-family ipv6 unicast › neighbor 203.0.113.2 route-map RM-ISP-A-IN in", flat);
        Assert.Contains("route-map RM-ISP-A-OUT permit 100 › match as-path OWN-ROUTES", flat);

        // Everything but the header, separators, exits and end is kept.
        var meaningful = text.Split('\n').SkipWhile(l => l.Trim() != "Current configuration:").Skip(1)
            .Select(l => l.Trim()).Count(l => l.Length > 0 && l != "!" && l != "end" && !l.StartsWith("exit", StringComparison.Ordinal));
        Assert.Equal(meaningful, flat.Count);
    }

    [Theory]
    [InlineData("R1")]
    [InlineData("R2")]
    [InlineData("R3")]
    public void A_lab_routers_policy_reads_as_the_twins_model_of_it(string router)
    {
        var config = FrrPolicyReader.Read(SeedNetwork.RunningConfig(router), SeedNetwork.NeighborNames(router));

        Assert.Equal(PolicyLines.Of(DefaultPolicies.For(SeedNetwork.Topology, router)), PolicyLines.Of(config.Policy));
        Assert.Equal("router bgp 65001", config.BgpHeader);
        Assert.Equal(65001u, config.Asn);
        Assert.Empty(config.Warnings);
        Assert.All(config.Neighbors, n => Assert.Equal<string>(["ipv4 unicast", "ipv6 unicast"], n.Families));
        Assert.Equal(SeedNetwork.Topology.LinksOf(router).Select(l => l.Other(router)).Order(), config.Neighbors.Select(n => n.Name).Order());
    }

    [Fact]
    public void Neighbours_resolve_by_topology_id_address_or_description()
    {
        var config = FrrPolicyReader.Read(SeedNetwork.RunningConfig("R1"), SeedNetwork.NeighborNames("R1"));

        Assert.Equal("203.0.113.2", Assert.Single(config.Resolve("ISP-A")).Address);
        Assert.Equal("ISP-B", Assert.Single(config.Resolve("203.0.113.6")).Name);
        Assert.Empty(config.Resolve("ISP-C"));

        // Without a topology the description names the neighbour.
        var bare = FrrPolicyReader.Read(SeedNetwork.RunningConfig("R1"));
        Assert.Equal("ISP-A", Assert.Single(bare.Resolve("ISP-A")).Name);
    }

    [Fact]
    public void Lines_the_model_does_not_cover_are_reported_and_kept()
    {
        const string text = """
            bgp community-list expanded WEIRD seq 5 permit ^65001:.*
            route-map RM-X-IN permit 10
             description customer routes
             set origin igp
             set local-preference 120
            exit
            router bgp 65001
             neighbor 192.0.2.1 remote-as 64500
             neighbor 192.0.2.1 description transit remote-as 1 backup
             neighbor 192.0.2.1 peer-group EDGE
             address-family ipv4 unicast
              neighbor 192.0.2.1 route-map RM-X-IN in
             exit-address-family
            exit
            """;
        var config = FrrPolicyReader.Read(text);

        Assert.Contains(config.Warnings, w => w.Contains("'set origin igp'", StringComparison.Ordinal) && w.Contains("left as it is", StringComparison.Ordinal));
        Assert.Contains(config.Warnings, w => w.Contains("expanded or numbered", StringComparison.Ordinal));
        Assert.Contains(config.Warnings, w => w.Contains("peer-group EDGE", StringComparison.Ordinal));
        var entry = Assert.Single(config.Policy.RouteMaps["RM-X-IN"].Entries);
        Assert.Equal<OrleansNetOps.Bgp.Policy.RouteMapSet>([new OrleansNetOps.Bgp.Policy.SetLocalPreference(120)], entry.Sets);

        // Default ipv4-unicast: the neighbour is active there without an activate line.
        var neighbor = Assert.Single(config.Neighbors);
        Assert.Equal<string>(["ipv4 unicast"], neighbor.Families);
        Assert.Equal(("64500", "transit remote-as 1 backup"), (neighbor.RemoteAs, neighbor.Description));
    }
}
