using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Twin.Inbound;
using OrleansNetOps.Twin.Sla;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Twin.Tests;

/// <summary>What the outside sees: the ISPs' best paths to our prefixes and where inbound traffic enters, before and after.</summary>
public sealed class InboundTests
{
    private const string Dc1 = "172.16.10.0/24";

    private static WhatIfResult Run(string router, string action, ActionParameters parameters, WhatIfOptions? options = null) =>
        WhatIfEngine.Run(Seed.State, Seed.Change(router, action, parameters), options);

    private static InboundShift Isp(WhatIfResult result, string isp) => result.Inbound.Single(i => i.Isp == isp);

    [Fact]
    public void Every_isp_reports_its_way_to_each_of_our_prefixes()
    {
        var result = Run("R1", "NO_ACTION", new ActionParameters());
        Assert.Equal(["ISP-A", "ISP-B", "ISP-C"], result.Inbound.Select(i => i.Isp));
        var b = Isp(result, "ISP-B");
        Assert.Equal(["172.16.10.0/24", "172.16.20.0/24", "fd00:10::/48", "fd00:20::/48"], b.Paths.Select(p => p.Prefix));
        var path = b.Paths[0];
        Assert.False(path.Changed);
        Assert.Equal("R1", path.Before!.Router); // equal paths from R1 and R2: the lower router-id wins
        Assert.Equal("R1-ISP-B", path.Before.Link);
        Assert.Equal([65001u], path.Before.Route.AsPath);
        Assert.Equal("203.0.113.5", path.Before.Route.PeerAddress);
        Assert.Equal(["R1-ISP-B", "R2-ISP-B"], b.Links.Select(l => l.Link));

        // Without flow data every prefix weighs the same and goes to the ISPs with the shortest path: all three tie.
        Assert.All(result.Inbound, i => Assert.Equal(1.0 / 3, i.TrafficShareBefore, 9));
        Assert.All(result.Inbound, i => Assert.Null(i.BytesPerSecondBefore));
        Assert.Equal(1.0 / 3, b.Links[0].TrafficShareBefore, 9);
        Assert.Equal(0, b.Links[1].TrafficShareBefore);
    }

    [Fact]
    public void Prepending_toward_a_dual_homed_isp_moves_its_entry_to_the_other_edge()
    {
        var result = Run("R1", "AS_PATH_PREPEND", new ActionParameters { Peer = "ISP-B", PrependCount = 2 });
        var path = Isp(result, "ISP-B").Paths.Single(p => p.Prefix == Dc1);
        Assert.True(path.Changed);
        Assert.Equal(("R1", "R2"), (path.Before!.Router, path.After!.Router));
        Assert.Equal([65001u], path.After.Route.AsPath);
        var change = result.Changes.Single(c => c.Router == "ISP-B" && c.Prefix == Dc1);
        Assert.Equal("203.0.113.9", change.After!.PeerAddress);

        // ISP-B still has a path as short as the others: it keeps its share, which moves from R1's session to R2's.
        var b = Isp(result, "ISP-B");
        Assert.Equal(b.TrafficShareBefore, b.TrafficShareAfter, 9);
        Assert.Equal((1.0 / 3, 0), (b.Links[0].TrafficShareBefore, b.Links[0].TrafficShareAfter));
        Assert.Equal((0, 1.0 / 3), (b.Links[1].TrafficShareBefore, b.Links[1].TrafficShareAfter));
        Assert.DoesNotContain(result.Changes, c => c.Router.StartsWith('R'));
    }

    [Fact]
    public void Prepending_toward_a_single_homed_isp_pushes_its_traffic_to_the_others()
    {
        var options = new WhatIfOptions
        {
            Traffic =
            [
                new TrafficVolume(IpPrefix.Parse("172.16.10.0/25"), 600, "ISP-A"),
                new TrafficVolume(IpPrefix.Parse("172.16.10.128/25"), 300, "ISP-C"),
                new TrafficVolume(IpPrefix.Parse(Dc1), 100, "ISP-B"),
                new TrafficVolume(IpPrefix.Parse("8.8.8.0/24"), 5_000), // outbound: not ours
            ],
        };
        var result = Run("R1", "AS_PATH_PREPEND", new ActionParameters { Peer = "ISP-A", PrependCount = 3 }, options);
        var a = Isp(result, "ISP-A");
        Assert.Equal((600d, 0d), (a.BytesPerSecondBefore!.Value, a.BytesPerSecondAfter!.Value));
        Assert.Equal(0.6, a.TrafficShareBefore, 9);

        // ISP-A's 600 B/s go to the ISPs with the shortest path, in proportion to what they carried: 300 : 100.
        Assert.Equal(300 + 450, Isp(result, "ISP-C").BytesPerSecondAfter!.Value, 6);
        Assert.Equal(100 + 150, Isp(result, "ISP-B").BytesPerSecondAfter!.Value, 6);
        Assert.Equal(250, Isp(result, "ISP-B").Links.Single(l => l.Router == "R1").BytesPerSecondAfter!.Value, 6);
        Assert.Equal(["65001 65001 65001 65001"], a.Paths.Where(p => p.Prefix == Dc1).Select(p => string.Join(' ', p.After!.Route.AsPath)));
        Assert.Equal(1000, result.Inbound.Sum(i => i.BytesPerSecondAfter!.Value), 6);
    }

    [Fact]
    public void A_med_toward_an_isp_is_what_it_sees_and_decides_by()
    {
        var result = Run("R1", "MED_ADJUST", new ActionParameters { Peer = "ISP-B", Med = 500 });
        var path = Isp(result, "ISP-B").Paths.Single(p => p.Prefix == Dc1);
        Assert.Equal("R2", path.After!.Router);
        var r1 = result.After!.Paths("ISP-B", IpPrefix.Parse(Dc1)).Single(p => p.Path.Peer.Address.ToString() == "203.0.113.5");
        Assert.Equal(500u, r1.Path.Attributes.MultiExitDisc);
        Assert.False(r1.IsBest);
    }

    [Fact]
    public void Losing_the_only_way_in_through_an_isp_moves_its_traffic_and_says_when_none_is_left()
    {
        var options = new WhatIfOptions { Traffic = [new TrafficVolume(IpPrefix.Parse(Dc1), 1_000)] };
        var cut = WhatIfEngine.Run(Seed.State, new WhatIfRequest([new LinkStateChange("R2", "ISP-C", false)]), options);
        Assert.Equal(0, Isp(cut, "ISP-C").BytesPerSecondAfter);
        Assert.Equal(1_000, cut.Inbound.Sum(i => i.BytesPerSecondAfter!.Value), 6);
        Assert.Null(Isp(cut, "ISP-C").Paths.Single(p => p.Prefix == Dc1).After);

        var isolated = WhatIfEngine.Run(Seed.State, new WhatIfRequest([new RouterDown("R4")]), options);
        Assert.Contains(isolated.Warnings, w => w.StartsWith("1000 B/s of the inbound traffic to our prefixes has no way in", StringComparison.Ordinal));
        Assert.Equal(0, isolated.Inbound.Sum(i => i.BytesPerSecondAfter!.Value));
    }

    [Fact]
    public void An_isp_originating_our_prefix_attracts_traffic_that_never_reaches_us()
    {
        var result = WhatIfEngine.Run(Seed.State, new WhatIfRequest([new PrefixAnnouncement("ISP-C", IpPrefix.Parse(Dc1), [])]));
        var c = Isp(result, "ISP-C").Paths.Single(p => p.Prefix == Dc1);
        Assert.Null(c.After!.Router);
        Assert.Contains(result.Warnings, w => w.Contains("originates them itself", StringComparison.Ordinal));
    }
}
