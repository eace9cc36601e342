using System.Collections.Immutable;
using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Drivers.Frr;
using Xunit.Abstractions;

namespace OrleansNetOps.Drivers.Tests.Frr;

public sealed class FrrChangeRendererTests(ITestOutputHelper output)
{
    private static DeviceChange Render(string router, string action, ActionParameters parameters) =>
        FrrChangeRenderer.Render(new DeviceAction("a-1", router, action, parameters), SeedNetwork.Snapshot(router), SeedNetwork.NeighborNames(router), "frr");

    [Fact]
    public void LOCAL_PREF_ADJUST_edits_the_bound_route_map_as_the_twin_does()
    {
        var change = Render("R2", "LOCAL_PREF_ADJUST", new ActionParameters { Peer = "ISP-B", LocalPref = 200 });
        output.WriteLine(string.Join('\n', change.Commands));

        // The existing permit jumps past a catch-all deny to the action's entry, which sets LOCAL_PREF last.
        Assert.Equal<string>(
        [
            "configure terminal",
            "route-map RM-ISP-B-IN permit 120", "set local-preference 200", "exit",
            "route-map RM-ISP-B-IN deny 110", "exit",
            "route-map RM-ISP-B-IN permit 100", "on-match goto 120", "exit",
            "end",
        ], change.Commands);
        Assert.All(change.Expectations, e => Assert.True(e.Present));
        Assert.Contains(new DeviceExpectation(["route-map RM-ISP-B-IN permit 120"], "set local-preference 200", true), change.Expectations);
        Assert.Equal(SeedNetwork.Snapshot("R2").Id, change.BaselineId);
    }

    [Fact]
    public void A_prefix_scoped_LOCAL_PREF_ADJUST_matches_a_prefix_list_of_only_those_prefixes_in_their_family()
    {
        // The closed loop's narrow congestion shift: LOCAL_PREF 50 on R1 from ISP-A for 8.8.8.0/24 only.
        var change = Render("R1", "LOCAL_PREF_ADJUST", new ActionParameters { Peer = "ISP-A", Direction = "in", LocalPref = 50, Prefixes = ["8.8.8.0/24"] });
        output.WriteLine(string.Join('\n', change.Commands));

        var list = Assert.Single(change.Commands, c => c.StartsWith("ip prefix-list ", StringComparison.Ordinal));
        Assert.EndsWith(" permit 8.8.8.0/24", list, StringComparison.Ordinal);
        var name = list.Split(' ')[2];
        Assert.Contains($"match ip address prefix-list {name}", change.Commands);
        Assert.Contains("set local-preference 50", change.Commands);
        Assert.DoesNotContain(change.Commands, c => c.StartsWith("ipv6 prefix-list", StringComparison.Ordinal) || c.Contains("match ipv6", StringComparison.Ordinal));

        // The entry that sets LOCAL_PREF is the one that matches the list: routes outside it keep theirs.
        var setAt = change.Commands.IndexOf("set local-preference 50");
        var entry = change.Commands.Take(setAt).Last(c => c.StartsWith("route-map ", StringComparison.Ordinal));
        var block = change.Commands.Skip(change.Commands.IndexOf(entry) + 1).TakeWhile(c => c != "exit").ToList();
        Assert.Contains($"match ip address prefix-list {name}", block);
        Assert.Contains("set local-preference 50", block);
    }

    [Fact]
    public void PREFIX_FILTER_adds_a_prefix_list_and_a_deny_in_front()
    {
        var change = Render("R1", "PREFIX_FILTER", new ActionParameters { Peer = "203.0.113.2", Prefixes = ["8.8.8.0/24", "2001:4860::/32"] });

        Assert.Equal<string>(
        [
            "configure terminal",
            "ip prefix-list NETOPS-FILTER-ISP-A-IN seq 5 permit 8.8.8.0/24",
            "ipv6 prefix-list NETOPS-FILTER-ISP-A-IN seq 5 permit 2001:4860::/32",
            "route-map RM-ISP-A-IN deny 50", "match ip address prefix-list NETOPS-FILTER-ISP-A-IN", "exit",
            "route-map RM-ISP-A-IN deny 25", "match ipv6 address prefix-list NETOPS-FILTER-ISP-A-IN", "exit",
            "end",
        ], change.Commands);
    }

    [Fact]
    public void A_new_route_map_is_bound_in_every_family_the_neighbour_is_active_in()
    {
        // R1's outbound map towards R3 exists; towards a neighbour without one the edit creates NETOPS-<peer>-<dir>.
        var text = SeedNetwork.RunningConfig("R1").Replace(" neighbor 198.51.100.17 route-map RM-R3-OUT out\n", string.Empty, StringComparison.Ordinal);
        var baseline = DeviceSnapshot.Of("R1", "frr", DateTimeOffset.UnixEpoch, text);
        var change = FrrChangeRenderer.Render(new DeviceAction("a", "R1", "MED_ADJUST", new ActionParameters { Peer = "R3", Direction = "out", Med = 50 }),
            baseline, SeedNetwork.NeighborNames("R1"), "frr");

        Assert.Equal<string>(
        [
            "configure terminal",
            "route-map NETOPS-R3-OUT permit 10", "set metric 50", "exit",
            "router bgp 65001", "address-family ipv4 unicast", "neighbor 198.51.100.17 route-map NETOPS-R3-OUT out", "exit-address-family", "exit",
            "router bgp 65001", "address-family ipv6 unicast", "neighbor 198.51.100.17 route-map NETOPS-R3-OUT out", "exit-address-family", "exit",
            "end",
        ], change.Commands);
    }

    [Theory]
    [InlineData("PEER_DEACTIVATE", "neighbor 203.0.113.2 shutdown")]
    [InlineData("DEPEER", "no neighbor 203.0.113.2")]
    public void Session_actions_render_neighbour_statements(string action, string line)
    {
        var change = Render("R1", action, new ActionParameters { Peer = "ISP-A" });

        Assert.Equal<string>(["configure terminal", "router bgp 65001", line, "exit", "end"], change.Commands);
    }

    [Fact]
    public void PEER_ACTIVATE_of_a_session_that_is_up_renders_nothing()
    {
        Assert.True(Render("R1", "PEER_ACTIVATE", new ActionParameters { Peer = "ISP-A" }).IsEmpty);

        var shut = SeedNetwork.RunningConfig("R1").Replace(" neighbor 203.0.113.2 timers connect 5\n", " neighbor 203.0.113.2 timers connect 5\n neighbor 203.0.113.2 shutdown\n", StringComparison.Ordinal);
        var change = FrrChangeRenderer.Render(new DeviceAction("a", "R1", "PEER_ACTIVATE", new ActionParameters { Peer = "ISP-A" }),
            DeviceSnapshot.Of("R1", "frr", DateTimeOffset.UnixEpoch, shut), SeedNetwork.NeighborNames("R1"), "frr");
        Assert.Equal<string>(["configure terminal", "router bgp 65001", "no neighbor 203.0.113.2 shutdown", "exit", "end"], change.Commands);
    }

    [Fact]
    public void ISP_FAILOVER_shuts_this_routers_sessions_to_the_ISP()
    {
        var change = Render("R2", "ISP_FAILOVER", new ActionParameters { Peer = "ISP-C" });

        Assert.Equal<string>(["configure terminal", "router bgp 65001", "neighbor 203.0.113.14 shutdown", "exit", "end"], change.Commands);
    }

    [Fact]
    public void FULL_REROUTE_is_a_soft_clear_and_NO_ACTION_is_nothing()
    {
        var reroute = Render("R3", "FULL_REROUTE", new ActionParameters());
        Assert.Empty(reroute.Commands);
        Assert.Equal<string>(["clear bgp * soft"], reroute.OperationalCommands);

        Assert.True(Render("R3", "NO_ACTION", new ActionParameters()).IsEmpty);
    }

    [Fact]
    public void Every_attribute_action_renders_lines_FRR_prints_back()
    {
        var cases = new (string Router, string Action, ActionParameters Parameters, string Line)[]
        {
            ("R1", "MED_ADJUST", new() { Peer = "R3", Direction = "out", Med = 500 }, "set metric 500"),
            ("R1", "AS_PATH_PREPEND", new() { Peer = "ISP-A", PrependCount = 3 }, "set as-path prepend 65001 65001 65001"),
            ("R2", "COMMUNITY_TAG", new() { Peer = "R3", Direction = "out", Community = "no-export 65001:100" }, "set community 65001:100 no-export additive"),
            ("R2", "COMMUNITY_TAG", new() { Peer = "R3", Direction = "out", Community = "65001:7:1", Mode = "replace" }, "set large-community 65001:7:1"),
            ("R2", "COMMUNITY_TAG", new() { Peer = "R3", Direction = "out", Community = "65001:100", Mode = "remove" }, "set comm-list NETOPS-R3-OUT-DEL delete"),
            ("R1", "NEXT_HOP_CHANGE", new() { Peer = "ISP-A", NextHop = "203.0.113.6" }, "set ip next-hop 203.0.113.6"),
        };
        foreach (var (router, action, parameters, line) in cases)
        {
            var change = Render(router, action, parameters);
            Assert.Contains(line, change.Commands);
            Assert.Contains(change.Expectations, e => e.Line == line && e.Present);
        }
    }

    [Fact]
    public void Invalid_actions_are_rejected_naming_the_parameter()
    {
        var peer = Assert.Throws<DeviceActionRejectedException>(() => Render("R1", "LOCAL_PREF_ADJUST", new ActionParameters { Peer = "ISP-C", LocalPref = 200 }));
        Assert.Contains("params.peer: 'ISP-C' is not a neighbour of R1 (neighbours: R3 198.51.100.17, ISP-A 203.0.113.2, ISP-B 203.0.113.6)", peer.Errors);

        var range = Assert.Throws<DeviceActionRejectedException>(() => Render("R1", "LOCAL_PREF_ADJUST", new ActionParameters { Peer = "ISP-A", LocalPref = 5_000_000_000 }));
        Assert.Contains("params.localPref: 5000000000 is out of range 0..4294967295", range.Errors);

        var kind = Assert.Throws<DeviceActionRejectedException>(() => Render("R1", "REBOOT", new ActionParameters()));
        Assert.StartsWith("action: 'REBOOT' is not one of", Assert.Single(kind.Errors), StringComparison.Ordinal);

        var hop = Assert.Throws<DeviceActionRejectedException>(() => Render("R1", "NEXT_HOP_CHANGE", new ActionParameters { Peer = "ISP-A" }));
        Assert.Contains("params.nextHop: is required for NEXT_HOP_CHANGE", hop.Errors);
        Assert.Equal("R1", hop.Target);
    }

    [Fact]
    public void Clauses_the_model_does_not_read_are_never_negated()
    {
        var text = SeedNetwork.RunningConfig("R2").Replace("route-map RM-ISP-B-IN permit 100\nexit", "route-map RM-ISP-B-IN permit 100\n set origin igp\nexit", StringComparison.Ordinal);
        var change = FrrChangeRenderer.Render(new DeviceAction("a", "R2", "LOCAL_PREF_ADJUST", new ActionParameters { Peer = "ISP-B", LocalPref = 200 }),
            DeviceSnapshot.Of("R2", "frr", DateTimeOffset.UnixEpoch, text), SeedNetwork.NeighborNames("R2"), "frr");

        Assert.DoesNotContain(change.Commands, c => c.Contains("origin", StringComparison.Ordinal));
        Assert.Contains(change.Warnings, w => w.Contains("'set origin igp'", StringComparison.Ordinal));
    }

    [Fact]
    public void Replacing_a_single_valued_clause_or_binding_does_not_negate_the_old_value()
    {
        ImmutableArray<string> bgp = ["router bgp 65001", "address-family ipv4 unicast"];
        var commands = FrrCommandText.For(
        [
            new DeviceExpectation(bgp, "neighbor 203.0.113.2 route-map OLD in", Present: false),
            new DeviceExpectation(bgp, "neighbor 203.0.113.2 route-map NEW in", Present: true),
            new DeviceExpectation(["route-map M permit 10"], "set metric 5", Present: false),
            new DeviceExpectation(["route-map M permit 10"], "set metric 7", Present: true),
            new DeviceExpectation(["route-map M permit 10"], "on-match goto 30", Present: false),
            new DeviceExpectation([], "ip prefix-list P seq 5 permit 10.0.0.0/8", Present: false),
            new DeviceExpectation([], "ip prefix-list P seq 5 permit 10.1.0.0/16", Present: true),
            new DeviceExpectation([], "route-map M deny 20", Present: false),
        ]);

        Assert.Equal<string>(
        [
            "configure terminal",
            "no ip prefix-list P seq 5 permit 10.0.0.0/8", "ip prefix-list P seq 5 permit 10.1.0.0/16",
            "route-map M permit 10", "no on-match goto", "set metric 7", "exit",
            "router bgp 65001", "address-family ipv4 unicast", "neighbor 203.0.113.2 route-map NEW in", "exit-address-family", "exit",
            "no route-map M deny 20",
            "end",
        ], commands);
    }
}
