using System.Net;
using System.Text.Json;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Twin.Tests;

/// <summary>Events that happen to the network (ISP announcements and withdrawals, link and router failures), read from the API's JSON and simulated.</summary>
public sealed class ExternalEventTests
{
    private static WhatIfRequest Read(string json, out IReadOnlyList<string> errors)
    {
        using var document = JsonDocument.Parse(json);
        return WhatIfRequest.FromJson(document.RootElement, out errors);
    }

    private static WhatIfResult Run(string json)
    {
        var request = Read(json, out var errors);
        Assert.True(errors.Count == 0, string.Join("; ", errors));
        return WhatIfEngine.Run(Seed.State, request);
    }

    [Fact]
    public void An_isp_withdrawing_its_only_copy_of_a_prefix_blackholes_it()
    {
        var result = Run("""{ "changes": [ { "router": "ISP-C", "action": "ISP_WITHDRAW", "params": { "prefixes": ["104.16.0.0/13", "2606:4700::/32"] } } ] }""");
        Assert.Equal(["104.16.0.0/13", "2606:4700::/32"], result.Checks.Blackholes);
        Assert.All(new[] { "R1", "R2", "R3", "R4", "R5" }, r => Assert.Null(result.After!.Best(r, IpPrefix.Parse("104.16.0.0/13"))));
        Assert.False(result.Passed);
    }

    [Fact]
    public void An_isp_announcing_a_more_specific_with_med_and_communities_pulls_the_traffic()
    {
        var result = Run("""
            { "changes": [ { "router": "ISP-A", "action": "ISP_ANNOUNCE",
              "params": { "prefixes": ["8.8.8.0/25"], "asPath": [15169], "med": 20, "communities": ["1234:666", "no-export"] } } ] }
            """);
        Assert.True(result.Passed, string.Join("; ", result.Errors));
        var r4 = result.After!.Best("R4", IpPrefix.Parse("8.8.8.0/25"))!;
        Assert.Equal(AsPath.FromSequence(1234, 15169), r4.Attributes.EffectiveAsPath);
        Assert.Equal(20u, r4.Attributes.MultiExitDisc);
        Assert.Equal([new Community(1234, 666), Community.NoExport], r4.Attributes.Communities.ToArray());
        Assert.Contains(result.Changes, c => c.Router == "R5" && c.Prefix == "8.8.8.0/25" && c.Before is null && c.After!.Communities.Contains("1234:666"));
    }

    [Fact]
    public void A_fibre_cut_is_noticed_at_hold_time_and_a_closed_session_at_once()
    {
        var cut = Run("""{ "changes": [ { "router": "R1", "action": "LINK_DOWN", "params": { "peer": "ISP-A", "holdTimeMs": 90000 } } ] }""");
        Assert.Equal(90_000, cut.PredictedSla.Convergence.DetectionMs);
        Assert.Equal(IPAddress.Parse("198.51.100.18"), Seed.State.Best("R4", IpPrefix.Parse("93.184.216.0/24"))!.EffectiveNextHop);
        Assert.Contains("93.184.216.0/24", cut.Checks.Blackholes); // only ISP-A announces it

        var byName = Run("""{ "changes": [ { "action": "LINK_DOWN", "params": { "link": "R1-ISP-A" } } ] }""");
        Assert.Equal(9_000, byName.PredictedSla.Convergence.DetectionMs); // the model's hold time
        Assert.Equal(cut.Checks.Blackholes, byName.Checks.Blackholes);

        var byAddress = Run("""{ "changes": [ { "router": "R1", "action": "LINK_DOWN", "params": { "peer": "203.0.113.2", "holdTimeMs": 0 } } ] }""");
        Assert.Equal(0, byAddress.PredictedSla.Convergence.DetectionMs);
        Assert.Equal(cut.Checks.Blackholes, byAddress.Checks.Blackholes);

        var back = Run("""{ "changes": [ { "router": "R1", "action": "LINK_DOWN", "params": { "peer": "ISP-A" } }, { "router": "ISP-A", "action": "LINK_UP", "params": { "peer": "R1" } } ] }""");
        Assert.Empty(back.Changes);
    }

    [Fact]
    public void A_router_going_down_takes_all_its_sessions()
    {
        var result = Run("""{ "changes": [ { "router": "R3", "action": "ROUTER_DOWN" } ] }""");
        Assert.Equal(9_000, result.PredictedSla.Convergence.DetectionMs);
        Assert.Null(result.After!.Best("R4", IpPrefix.Parse("8.8.8.0/24"))); // the reflector was R4's only way out
        Assert.NotNull(result.After.Best("R1", IpPrefix.Parse("8.8.8.0/24")));
        Assert.Null(result.After.Best("ISP-A", IpPrefix.Parse("172.16.10.0/24"))); // nor can anyone reach R4's prefix

        var isp = Run("""{ "changes": [ { "router": "ISP-B", "action": "ROUTER_DOWN", "params": { "holdTimeMs": 3000 } } ] }""");
        Assert.Equal(3_000, isp.PredictedSla.Convergence.DetectionMs);
        Assert.Contains("151.101.0.0/16", isp.Checks.Blackholes);
    }

    [Fact]
    public void Events_and_actions_combine_in_one_request()
    {
        // "If ISP-A fails, does prepending toward ISP-B still keep inbound traffic off ISP-C?" It cannot: with ISP-A
        // gone and R1's ISP-B path longer, R2's path to ISP-B is as short as ISP-C's, so both carry our prefixes.
        var result = Run("""
            { "changes": [
              { "router": "ISP-A", "action": "ROUTER_DOWN" },
              { "router": "R1", "action": "AS_PATH_PREPEND", "params": { "peer": "ISP-B", "prependCount": 2 } } ] }
            """);
        Assert.Equal(["93.184.216.0/24"], result.Checks.Blackholes); // only ISP-A announced it
        var c = result.Inbound.Single(i => i.Isp == "ISP-C");
        var b = result.Inbound.Single(i => i.Isp == "ISP-B");
        var a = result.Inbound.Single(i => i.Isp == "ISP-A");
        Assert.Equal(0, a.TrafficShareAfter);
        Assert.True(c.TrafficShareAfter > c.TrafficShareBefore);
        Assert.Equal("R2", b.Paths.Single(p => p.Prefix == "172.16.10.0/24").After!.Router);
        Assert.Equal(1, result.Inbound.Sum(i => i.TrafficShareAfter), 9);
    }

    [Fact]
    public void Written_changes_read_back_as_the_same_changes()
    {
        TwinChange[] changes =
        [
            new PrefixAnnouncement("ISP-A", IpPrefix.Parse("8.8.8.0/25"), [15169], 20) { Communities = [new Community(1234, 666)] },
            new PrefixWithdrawal("ISP-C", IpPrefix.Parse("104.16.0.0/13")),
            new LinkStateChange("R1", "ISP-A", false) { HoldTimeMs = 9000 },
            new LinkStateChange("R1-ISP-A", string.Empty, true),
            new RouterDown("R2") { HoldTimeMs = 0 },
            new ExportLeak("R1", "ISP-B"),
            new CatalogueChange("R1", "AS_PATH_PREPEND", new Bgp.Policy.ActionParameters { Peer = "ISP-B", PrependCount = 2, Prefixes = ["172.16.10.0/24"] }),
        ];
        var json = "{\"changes\":[" + string.Join(',', changes.Select(c => TwinChangeJson.Write(c).ToJsonString())) + "]}";
        var read = Read(json, out var errors);
        Assert.Empty(errors);
        Assert.Equal(changes.Length, read.Changes.Count);
        for (var i = 0; i < changes.Length; i++)
        {
            Assert.Equal(changes[i].Describe(), read.Changes[i].Describe());
            Assert.Equal(TwinChangeJson.Write(changes[i]).ToJsonString(), TwinChangeJson.Write(read.Changes[i]).ToJsonString());
            Assert.Equal($"changes[{i}]", read.Changes[i].Position);
        }
    }

    [Fact]
    public void Bad_events_name_the_field()
    {
        Read("""
            { "changes": [
              { "router": "ISP-A", "action": "ISP_ANNOUNCE", "params": { "asPath": [15169, "x", 0], "med": -1, "communities": ["1:2:3"] } },
              { "router": "R1", "action": "LINK_DOWN", "params": { "holdTimeMs": -5 } },
              { "router": "R1", "action": "LINK_UP", "params": { "link": "R1-ISP-A" } },
              { "router": "ISP-C", "action": "ISP_WITHDRAW", "params": { "prefixes": ["300.0.0.0/8"] } },
              { "action": "ROUTER_DOWN" } ] }
            """, out var errors);
        Assert.Equal(
        [
            "changes[0].params.prefixes: is required",
            "changes[0].params.asPath[1]: expected an AS number, got string",
            "changes[0].params.asPath[2]: 0 is not an AS number 1..4294967295",
            "changes[0].params.med: -1 is out of range 0..4294967295",
            "changes[0].params.communities[0]: '1:2:3' is not a standard community (AA:NN or a well-known name such as no-export)",
            "changes[1].params.holdTimeMs: -5 is out of range 0..65535000",
            "changes[1].params.peer: is required",
            "changes[2].params.link: give either router and peer, or link",
            "changes[3].params.prefixes[0]: '300.0.0.0/8' is not an IP prefix",
            "changes[4].router: required, a string",
        ], errors);

        var engine = WhatIfEngine.Run(Seed.State, new WhatIfRequest(
        [
            new PrefixWithdrawal("R4", IpPrefix.Parse("172.16.10.0/24")),
            new LinkStateChange("R1", "ISP-C", false),
            new LinkStateChange("R9-ISP-A", string.Empty, false),
            new RouterDown("R9"),
        ]));
        Assert.True(engine.Invalid);
        Assert.Equal(
        [
            "changes[0].router: 'R4' is not an ISP of topology 'seed' (ISPs: ISP-A, ISP-B, ISP-C)",
            "changes[1]: there is no link between 'R1' and 'ISP-C' in topology 'seed'",
            "changes[2].params.link: there is no link 'R9-ISP-A' in topology 'seed' (links: R1-ISP-A, R1-ISP-B, R2-ISP-B, R2-ISP-C, R3-R1, R3-R2, R3-R4, R3-R5)",
            "changes[3].router: 'R9' is not a node of topology 'seed'",
        ], engine.Errors);
    }
}
