using System.Net;
using OrleansNetOps.Configuration;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Topology.Tests;

public sealed class TopologyLoaderTests
{
    private static string SeedPath()
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

    [Fact]
    public void The_seed_topology_loads_as_the_spec_describes_it()
    {
        var topology = TopologyLoader.LoadFile(SeedPath());

        Assert.Equal(65001u, topology.Asn);
        Assert.Equal(["R1", "R2", "R3", "R4", "R5"], topology.Routers.Select(r => r.Id));
        Assert.Equal(["ISP-A", "ISP-B", "ISP-C"], topology.Isps.Select(i => i.Id));
        Assert.Equal([1234u, 5678u, 9012u], topology.Isps.Select(i => i.Asn));
        Assert.Equal(RouterRole.RouteReflector, topology.Router("R3")!.Role);
        Assert.Equal(["R1", "R2", "R4", "R5"], topology.Router("R3")!.ReflectorClients);
        Assert.Equal(["ISP-A", "ISP-B"], topology.LinksOf("R1").Where(l => l.Kind == SessionKind.Ebgp).Select(l => l.Other("R1")));
        Assert.Equal(["ISP-B", "ISP-C"], topology.LinksOf("R2").Where(l => l.Kind == SessionKind.Ebgp).Select(l => l.Other("R2")));
        Assert.All(topology.LinksOf("R3"), l => Assert.Equal(SessionKind.Ibgp, l.Kind));
        var ispC = topology.Isp("ISP-C")!;
        Assert.Equal((5.0, 6.0, 0.025), (ispC.CapacityGbps, ispC.LatencyMs, ispC.CostPerGb));
        var r2IspC = topology.LinksOf("R2").Single(l => l.Touches("ISP-C"));
        Assert.Equal(5.0, r2IspC.CapacityGbps);
        Assert.Equal(50.0, topology.Sla.LatencyMs);
        Assert.Contains(ispC.Announcements, a => a.Prefix.ToString() == "1.1.1.0/24" && a.Med == 50 && a.AsPath.SequenceEqual([13335u]));
    }

    [Theory]
    [InlineData("edge-router-01", null, "R1")]
    [InlineData("EDGE-ROUTER-02.example.net", null, "R2")]
    [InlineData("R3", null, "R3")]
    [InlineData("unknown-host", "198.51.100.4", "R4")]
    [InlineData(null, "198.51.100.5", "R5")]
    public void Routers_match_by_hostname_sysname_id_or_router_id(string? name, string? routerId, string expected)
    {
        var topology = TopologyLoader.LoadFile(SeedPath());

        Assert.Equal(expected, topology.MatchRouter(name, routerId is null ? null : IPAddress.Parse(routerId))?.Id);
    }

    [Fact]
    public void Session_addresses_map_back_to_nodes()
    {
        var topology = TopologyLoader.LoadFile(SeedPath());

        Assert.Equal("ISP-A", topology.NodeWithAddress(IPAddress.Parse("203.0.113.2")));
        Assert.Equal("R3", topology.NodeWithAddress(IPAddress.Parse("198.51.100.17")));
        Assert.Null(topology.NodeWithAddress(IPAddress.Parse("192.0.2.1")));
    }

    [Theory]
    [InlineData("asn: 65001\nrouters:\n  - { id: R1, routerId: 198.51.100.1 }\nlinks:\n  - { a: R1, b: R9, aAddress: 203.0.113.1, bAddress: 203.0.113.2 }\n",
        "t.yaml:5:5: links[0].b: 'R9' is neither a router nor an ISP of this topology")]
    [InlineData("asn: 65001\nrouters:\n  - { id: R1, routerId: 198.51.100.1 }\n  - { id: R1, routerId: 198.51.100.2 }\n",
        "t.yaml:4:5: routers[1].id: 'R1' is used by another router or ISP")]
    [InlineData("asn: 65001\nrouters:\n  - { id: R1, routerId: 2001:db8::1 }\n",
        "t.yaml:3:25: routers[0].routerId: '2001:db8::1' is not an IPv4 address")]
    [InlineData("asn: 65001\nrouters:\n  - { id: R1, routerId: 198.51.100.1, originates: [10.0.0.0/33] }\n",
        "t.yaml:3:52: routers[0].originates[0]: '10.0.0.0/33' is not a prefix (address/length)")]
    [InlineData("asn: 65001\nrouters:\n  - { id: R1, routerId: 198.51.100.1, role: hub }\n",
        "t.yaml:3:45: routers[0].role: 'hub' is not one of edge, route-reflector, spine, core")]
    [InlineData("asn: 70000000000\nrouters:\n  - { id: R1, routerId: 198.51.100.1 }\n",
        "t.yaml:1:6: asn: 70000000000 is out of range (1..4294967295)")]
    [InlineData("asn: 65001\nrouters:\n  - { id: R1, routerId: 198.51.100.1, color: blue }\n",
        "t.yaml:3:39: routers[0].color: unknown field; expected one of id, hostname, role, routerId, asn, reflectorClients, originates, driver")]
    [InlineData("asn: 65001\nrouters:\n  - { id: R1, routerId: 198.51.100.1, role: route-reflector, reflectorClients: [R2] }\n  - { id: R2, routerId: 198.51.100.2 }\n",
        "t.yaml:3:5: routers[0].reflectorClients: 'R2' has no iBGP link to R1")]
    [InlineData("asn: 65001\nrouters: [\n", "t.yaml:")]
    public void A_bad_topology_is_refused_naming_file_line_and_field(string yaml, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => TopologyLoader.Parse(yaml, "t.yaml"));

        Assert.Contains(error.Errors, e => e.ToString().StartsWith(expected, StringComparison.Ordinal));
    }
}
