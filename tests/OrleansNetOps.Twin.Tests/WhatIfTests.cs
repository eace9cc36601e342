using System.Net;
using System.Text.Json;
using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Twin.Sla;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Twin.Tests;

public sealed class WhatIfTests
{
    private static readonly IpPrefix s_google = IpPrefix.Parse("8.8.8.0/24");

    private static WhatIfResult Run(string router, string action, ActionParameters parameters, WhatIfOptions? options = null) =>
        WhatIfEngine.Run(Seed.State, Seed.Change(router, action, parameters), options);

    [Fact]
    public void Local_pref_in_moves_the_whole_network_to_that_edge()
    {
        var result = Run("R2", "LOCAL_PREF_ADJUST", new ActionParameters { Peer = "ISP-B", LocalPref = 200 });
        Assert.True(result.Passed, string.Join("; ", result.Errors));
        var r4 = result.After!.Best("R4", s_google)!;
        Assert.Equal(IPAddress.Parse("198.51.100.22"), r4.EffectiveNextHop);
        Assert.Equal(200u, r4.Attributes.LocalPref);
        var change = result.Changes.Single(c => c.Router == "R1" && c.Prefix == "8.8.8.0/24");
        Assert.Equal("203.0.113.2", change.Before!.NextHop);
        Assert.Equal("198.51.100.22", change.After!.NextHop);
        Assert.Equal([5678u, 15169u], change.After.AsPath);
        Assert.Equal(["R1", "R2", "R3", "R4", "R5"], result.BlastRadius.Routers); // R2 too: its own path now carries LOCAL_PREF 200
        Assert.InRange(result.BlastRadius.PrefixShare, 0.3, 0.7);
    }

    [Fact]
    public void Med_out_to_the_reflector_changes_its_choice_between_paths_from_one_AS()
    {
        var result = Run("R1", "MED_ADJUST", new ActionParameters { Peer = "R3", Direction = "out", Med = 500 });
        Assert.Equal(IPAddress.Parse("198.51.100.22"), result.After!.Best("R3", IpPrefix.Parse("151.101.0.0/16"))!.EffectiveNextHop);
        Assert.Equal(IPAddress.Parse("198.51.100.18"), result.After.Best("R3", s_google)!.EffectiveNextHop); // different neighbour AS: MED not compared
    }

    [Fact]
    public void Prepend_out_to_a_provider_lengthens_what_it_hears()
    {
        var result = Run("R1", "AS_PATH_PREPEND", new ActionParameters { Peer = "ISP-A", PrependCount = 3 });
        Assert.Equal("65001 65001 65001 65001", result.After!.Best("ISP-A", IpPrefix.Parse("172.16.10.0/24"))!.Attributes.EffectiveAsPath!.ToString());
        // Only the ISPs' view moved: ISP-A hears our prefixes with three more ASes (it has no other way in).
        Assert.All(result.Changes, c => Assert.Equal("ISP-A", c.Router));
        Assert.Equal(["172.16.10.0/24", "172.16.20.0/24", "fd00:10::/48", "fd00:20::/48"], result.Changes.Select(c => c.Prefix).Order(StringComparer.Ordinal));
        Assert.NotEmpty(result.Checks.Asymmetric); // ISP-A is now a worse way in than ISP-B/ISP-C, but R1 still sends 8.8.8.0/24 out through it
    }

    [Fact]
    public void No_advertise_on_the_reflector_session_hides_R1s_paths_behind_R3()
    {
        var result = Run("R1", "COMMUNITY_TAG", new ActionParameters { Peer = "R3", Direction = "out", Community = "no-advertise" });
        Assert.Equal(IPAddress.Parse("198.51.100.18"), result.After!.Best("R3", s_google)!.EffectiveNextHop);
        // BGP advertises only the best path: R3 keeps R1's (no-advertise) path and sends R4 nothing, although R2's exists.
        Assert.Null(result.After.Best("R4", s_google));
        Assert.Contains("8.8.8.0/24", result.Checks.Blackholes);
        Assert.Contains("93.184.216.0/24", result.Checks.Blackholes);
        Assert.False(result.Passed);
    }

    [Fact]
    public void Prefix_filter_in_takes_only_that_prefix_elsewhere()
    {
        var result = Run("R1", "PREFIX_FILTER", new ActionParameters { Peer = "203.0.113.2", Prefixes = ["8.8.8.0/24"] });
        Assert.Equal(IPAddress.Parse("203.0.113.6"), result.After!.Best("R1", s_google)!.EffectiveNextHop);
        Assert.All(result.Changes, c => Assert.Equal("8.8.8.0/24", c.Prefix));
    }

    [Fact]
    public void Peer_deactivate_blackholes_a_prefix_only_that_peer_had()
    {
        var result = Run("R1", "PEER_DEACTIVATE", new ActionParameters { Peer = "ISP-A" });
        Assert.Equal(["93.184.216.0/24"], result.Checks.Blackholes);
        Assert.False(result.Passed);
        Assert.Null(result.After!.Best("R5", IpPrefix.Parse("93.184.216.0/24")));
        var back = WhatIfEngine.Run(result.After, Seed.Change("R1", "PEER_ACTIVATE", new ActionParameters { Peer = "ISP-A" }));
        Assert.Empty(Seed.Differences(Seed.State, back.After!));
    }

    [Fact]
    public void Isp_failover_takes_every_session_of_the_isp_down()
    {
        var result = Run("R1", "ISP_FAILOVER", new ActionParameters { Peer = "ISP-B" });
        Assert.Null(result.After!.Best("R1", IpPrefix.Parse("151.101.0.0/16")));
        Assert.Null(result.After.Best("ISP-B", IpPrefix.Parse("172.16.10.0/24")));
        Assert.Equal(IPAddress.Parse("203.0.113.14"), result.After.Best("R2", IpPrefix.Parse("1.1.1.0/24"))!.EffectiveNextHop);
    }

    [Fact]
    public void No_action_and_full_reroute_change_nothing()
    {
        foreach (var action in new[] { "NO_ACTION", "FULL_REROUTE" })
        {
            var result = Run("R3", action, new ActionParameters());
            Assert.True(result.Passed, string.Join("; ", result.Errors));
            Assert.Empty(result.Changes);
        }
    }

    [Fact]
    public void Fork_is_copy_on_write_and_leaves_the_base_untouched()
    {
        var before = Seed.State.Recompute();
        var result = Run("R2", "LOCAL_PREF_ADJUST", new ActionParameters { Peer = "ISP-B", LocalPref = 200 });
        Assert.True(result.After!.IsFork);
        Assert.InRange(result.After.OverlayEntries, 1, Seed.State.Prefixes.Count() * Seed.State.Model.Nodes.Count - 1);
        Assert.Equal(0, Seed.State.OverlayEntries);
        Assert.Empty(Seed.Differences(before, Seed.State));
        Assert.Equal("RM-ISP-B-IN", Seed.State.PolicyOf("R2").PeerBinding("ISP-B").RouteMapIn);
        Assert.Single(Seed.State.PolicyOf("R2").RouteMaps["RM-ISP-B-IN"].Entries);
    }

    [Fact]
    public void Incremental_work_is_limited_to_what_the_change_touches()
    {
        var result = Run("R1", "PREFIX_FILTER", new ActionParameters { Peer = "ISP-A", Prefixes = ["8.8.8.0/24"] });
        var full = Seed.State.Prefixes.Count() * Seed.State.Model.Nodes.Count;
        Assert.InRange(result.Evaluations, 1, full / 4);
    }

    [Theory]
    [InlineData("R9", "NO_ACTION", null, "changes[0].router: 'R9' is not a router of topology 'seed'")]
    [InlineData("R1", "REBOOT", null, "changes[0].action: 'REBOOT' is not one of")]
    [InlineData("R1", "LOCAL_PREF_ADJUST", "ISP-C", "changes[0].params.peer: 'ISP-C' is not a neighbour of R1")]
    [InlineData("R1", "ISP_FAILOVER", "ISP-Z", "changes[0].params.peer: 'ISP-Z' is not an ISP of topology 'seed'")]
    [InlineData("R1", "LOCAL_PREF_ADJUST", "ISP-A", "changes[0].params.localPref: is required")]
    public void Invalid_changes_name_the_field(string router, string action, string? peer, string expected)
    {
        var result = Run(router, action, new ActionParameters { Peer = peer });
        Assert.True(result.Invalid);
        Assert.False(result.Passed);
        Assert.Contains(result.Errors, e => e.StartsWith(expected, StringComparison.Ordinal));
        Assert.Null(result.After);
    }

    [Fact]
    public void Json_request_errors_name_the_field()
    {
        using var body = JsonDocument.Parse("""{ "changes": [ { "router": "R1", "action": "MED_ADJUST", "params": { "peer": "ISP-A", "med": "high" } }, { "action": "NO_ACTION" } ] }""");
        WhatIfRequest.FromJson(body.RootElement, out var errors);
        Assert.Equal(2, errors.Count);
        Assert.Contains("changes[0].params.med: expected an integer, got string", errors);
        Assert.Contains("changes[1].router: required, a string", errors);
    }

    [Fact]
    public void Guardrail_violations_are_policy_conflicts()
    {
        var result = Run("R1", "LOCAL_PREF_ADJUST", new ActionParameters { Peer = "ISP-A", LocalPref = 400 });
        Assert.False(result.Passed);
        Assert.Contains(result.Checks.PolicyConflicts, c => c.Contains("outside the guardrail 0..300", StringComparison.Ordinal));
        var removal = Run("R1", "COMMUNITY_TAG", new ActionParameters { Peer = "ISP-A", Community = "65001:999", Mode = "remove" });
        Assert.Contains(removal.Checks.PolicyConflicts, c => c.Contains("65001:999 is a protected community", StringComparison.Ordinal));
    }

    [Fact]
    public void Traffic_predicts_utilisation_cost_and_sla()
    {
        var options = new WhatIfOptions
        {
            Traffic = [new TrafficVolume(s_google, 500_000_000), new TrafficVolume(IpPrefix.Parse("151.101.0.0/16"), 1_000_000_000)],
            Measurements = [new IspMeasurement("ISP-B", LatencyMs: 60)],
        };

        // 8.8.8.0/24 moves from ISP-A to ISP-B: 4 Gb/s on ISP-A before, 12 Gb/s on ISP-B after (overloaded 10 Gb/s link).
        var result = Run("R1", "PREFIX_FILTER", new ActionParameters { Peer = "ISP-A", Prefixes = ["8.8.8.0/24"] }, options);
        var a = result.PredictedSla.PerIsp.Single(p => p.Isp == "ISP-A");
        var b = result.PredictedSla.PerIsp.Single(p => p.Isp == "ISP-B");
        Assert.Equal(0.4, a.UtilisationBefore, 6);
        Assert.Equal(0, a.UtilisationAfter, 6);
        Assert.Equal(1.2, b.UtilisationAfter, 6);
        Assert.Equal((1 - (1 / 1.2)) * 100, b.LossPct, 6);
        Assert.Equal(500_000_000.0 * 3600 / 1e9 * 0.020, a.CostPerHourBefore, 6);
        Assert.Contains(result.PredictedSla.Breaches, x => x.StartsWith("ISP-B: latency 60", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("predicted loss on ISP-B", StringComparison.Ordinal));
        Assert.Equal(500_000_000 / 1.5e9, result.BlastRadius.TrafficShare!.Value, 6);
        Assert.True(result.PredictedSla.Convergence.Hops >= 3); // R1 -> R3 -> R4
        Assert.Equal(1000 + (result.PredictedSla.Convergence.Hops * 10), result.PredictedSla.Convergence.EstimateMs, 6);
    }

    [Fact]
    public void Only_traffic_a_change_leaves_without_a_way_out_is_its_warning()
    {
        // 192.0.2.0/24 has no route before or after: not this change's doing. 93.184.216.0/24 only ISP-A announces.
        var options = new WhatIfOptions
        {
            Traffic = [new TrafficVolume(IpPrefix.Parse("192.0.2.0/24"), 1_000), new TrafficVolume(IpPrefix.Parse("93.184.216.0/24"), 2_000)],
        };

        var harmless = Run("R1", "LOCAL_PREF_ADJUST", new ActionParameters { Peer = "ISP-A", LocalPref = 50, Prefixes = ["8.8.8.0/24"] }, options);
        Assert.DoesNotContain(harmless.Warnings, w => w.Contains("way out", StringComparison.Ordinal));

        var cutting = Run("R1", "PREFIX_FILTER", new ActionParameters { Peer = "ISP-A", Prefixes = ["93.184.216.0/24"] }, options);
        Assert.Contains("2000 B/s of the given traffic loses its way out with the change", cutting.Warnings);
    }

    [Fact]
    public void Edge_leak_reaches_the_provider()
    {
        var result = WhatIfEngine.Run(Seed.State, new WhatIfRequest([new ExportLeak("R1", "ISP-B")]));
        var leaked = result.After!.Paths("ISP-B", IpPrefix.Parse("93.184.216.0/24"));
        Assert.Contains(leaked, p => p.Path.Attributes.EffectiveAsPath!.ToString() == "65001 1234 15133");
    }

    [Fact]
    public void Next_hop_towards_nowhere_is_a_blackhole_on_the_forwarding_walk()
    {
        var result = Run("R3", "NEXT_HOP_CHANGE", new ActionParameters { Peer = "R4", Direction = "out", NextHop = "10.9.9.9", Prefixes = ["8.8.8.0/24"] });
        var walk = Checks.ForwardingWalk.From(result.After!, "R4", s_google);
        Assert.Equal(Checks.WalkEnd.Blackhole, walk.End);
        Assert.Equal(Checks.WalkEnd.Egress, Checks.ForwardingWalk.From(Seed.State, "R4", s_google).End);
    }
}
