using OrleansNetOps.Configuration;

namespace OrleansNetOps.Topology.Tests;

/// <summary>topology.yaml's per-router <c>driver:</c>: how changes reach each router, checked with positioned errors.</summary>
public sealed class RouterDriverTests
{
    private const string Head = "asn: 65001\nrouters:\n";

    [Fact]
    public void Each_router_says_how_it_is_reached_and_a_router_without_a_choice_is_left_to_the_silo()
    {
        var topology = TopologyLoader.Parse(Head + """
              - id: R1
                routerId: 198.51.100.1
                driver: { kind: frr, vtysh: { netns: netops-lab-R1, vtySocket: /run/netops-lab/lab/R1/vty, reloadDaemon: bgpd } }
              - id: R2
                routerId: 198.51.100.2
                driver:
                  kind: frr
                  ssh: { host: edge-02.example.net, port: 2222, user: netops, identityFile: /etc/netops/keys/r2, knownHosts: /etc/netops/known_hosts }
              - { id: R3, routerId: 198.51.100.3, driver: dry-run }
              - { id: R4, routerId: 198.51.100.4, driver: { kind: dry-run, vtysh: { vtySocket: /run/frr } } }
              - { id: R5, routerId: 198.51.100.5 }
            """, "t.yaml");

        Assert.Equal(new RouterDriver(RouterDriverKind.Frr, new LocalVtyshAccess("netops-lab-R1", "/run/netops-lab/lab/R1/vty", "bgpd"), null), topology.Router("R1")!.Driver);
        Assert.Equal(new RouterDriver(RouterDriverKind.Frr, null, new SshAccess("edge-02.example.net", 2222, "netops", "/etc/netops/keys/r2", "/etc/netops/known_hosts")), topology.Router("R2")!.Driver);
        Assert.Equal(new RouterDriver(RouterDriverKind.DryRun, null, null), topology.Router("R3")!.Driver);
        Assert.Equal(new RouterDriver(RouterDriverKind.DryRun, new LocalVtyshAccess(null, "/run/frr", null), null), topology.Router("R4")!.Driver);
        Assert.Null(topology.Router("R5")!.Driver);
    }

    [Fact]
    public void The_key_path_is_never_shown_when_a_router_or_its_driver_is_printed()
    {
        var topology = TopologyLoader.Parse(Head + """
              - id: R2
                routerId: 198.51.100.2
                driver: { kind: frr, ssh: { host: 192.0.2.7, user: netops, identityFile: /etc/netops/keys/secret-r2, knownHosts: /etc/netops/known_hosts } }
            """, "t.yaml");
        var router = topology.Router("R2")!;

        Assert.Equal("frr via ssh netops@192.0.2.7:22", router.Driver!.ToString());
        Assert.DoesNotContain("secret-r2", router.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("known_hosts", router.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  - { id: R1, routerId: 198.51.100.1, driver: juniper }\n",
        "t.yaml:3:47: routers[0].driver: 'juniper' is not one of frr, dry-run, simulated")]
    [InlineData("  - { id: R1, routerId: 198.51.100.1, driver: frr }\n",
        "t.yaml:3:47: routers[0].driver: frr needs to know how to reach vtysh")]
    [InlineData("  - { id: R1, routerId: 198.51.100.1, driver: { kind: frr } }\n",
        "t.yaml:3:47: routers[0].driver: kind frr needs vtysh (a router on this host, e.g. in a network namespace) or ssh (a router elsewhere)")]
    [InlineData("  - { id: R1, routerId: 198.51.100.1, driver: { vtysh: { netns: x } } }\n",
        "t.yaml:3:47: routers[0].driver.kind: required: one of frr, dry-run, simulated")]
    [InlineData("  - { id: R1, routerId: 198.51.100.1, driver: { kind: simulated, vtysh: { netns: x } } }\n",
        "t.yaml:3:47: routers[0].driver: a simulated router is not reached through vtysh or ssh")]
    [InlineData("  - { id: R1, routerId: 198.51.100.1, driver: { kind: frr, vtysh: { netns: x }, ssh: { host: h, user: u, identityFile: /k, knownHosts: /h } } }\n",
        "t.yaml:3:47: routers[0].driver: give vtysh or ssh, not both")]
    [InlineData("  - { id: R1, routerId: 198.51.100.1, driver: { kind: frr, vtysh: { netns: 'a b' } } }\n",
        "t.yaml:3:76: routers[0].driver.vtysh.netns: 'a b' is not a network namespace name (letters, digits, '.', '_', '-')")]
    [InlineData("  - { id: R1, routerId: 198.51.100.1, driver: { kind: frr, vtysh: { vtySocket: run/frr } } }\n",
        "t.yaml:3:80: routers[0].driver.vtysh.vtySocket: 'run/frr' is not an absolute path")]
    [InlineData("  - { id: R1, routerId: 198.51.100.1, driver: { kind: frr, vtysh: { netns: x, color: red } } }\n",
        "t.yaml:3:79: routers[0].driver.vtysh.color: unknown field; expected one of netns, vtySocket, reloadDaemon")]
    [InlineData("  - { id: R1, routerId: 198.51.100.1, driver: { kind: frr, ssh: { host: h, user: u, identityFile: /k } } }\n",
        "t.yaml:3:65: routers[0].driver.ssh.knownHosts: required: the known_hosts file with the router's host key (host keys are always checked)")]
    [InlineData("  - { id: R1, routerId: 198.51.100.1, driver: { kind: frr, ssh: { host: -oProxyCommand=x, user: u, identityFile: /k, knownHosts: /h } } }\n",
        "t.yaml:3:73: routers[0].driver.ssh.host: '-oProxyCommand=x' is not a host name or address")]
    [InlineData("  - { id: R1, routerId: 198.51.100.1, driver: { kind: frr, ssh: { host: h, port: 70000, user: u, identityFile: /k, knownHosts: /h } } }\n",
        "t.yaml:3:82: routers[0].driver.ssh.port: 70000 is out of range (1..65535)")]
    [InlineData("  - { id: R1, routerId: 198.51.100.1, driver: { kind: frr, ssh: { host: h, user: u, identityFile: keys/r1, knownHosts: /h } } }\n",
        "t.yaml:3:99: routers[0].driver.ssh.identityFile: 'keys/r1' is not an absolute path")]
    public void A_bad_driver_is_refused_naming_file_line_and_field(string router, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => TopologyLoader.Parse(Head + router, "t.yaml"));

        Assert.Contains(error.Errors, e => e.ToString().StartsWith(expected, StringComparison.Ordinal));
    }
}
