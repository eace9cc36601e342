using System.Net;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Bgp.Messages;
using OrleansNetOps.Bgp.Monitoring;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.TestSupport;

namespace OrleansNetOps.Bgp.Tests.Monitoring;

/// <summary>
/// Labelled unicast, L3VPN and Loc-RIB instances in <see cref="MonitoredRouter"/>: keys, withdrawals, Peer Down and
/// End-of-RIB per family and RD, VRF names, and the query filters the API uses. Messages are real BMP bytes.
/// </summary>
public sealed class MonitoredRouterFamilyTests
{
    private static readonly AfiSafi Vpn4 = new(Afi.IPv4, Safi.MplsVpn);
    private static readonly AfiSafi Vpn6 = new(Afi.IPv6, Safi.MplsVpn);
    private static readonly AfiSafi Labeled4 = new(Afi.IPv4, Safi.MplsLabel);
    private static readonly PathAttributes Path1 = new() { Origin = Origin.Igp, AsPath = AsPath.FromSequence(64496, 65000), Communities = new[] { new Community(64496, 1) } };
    private static readonly PathAttributes Path2 = Path1 with { AsPath = AsPath.FromSequence(64496, 65001) };
    private static readonly BmpPeerHeader Pe1 = Header(BmpPeerType.Global, null, "203.0.113.28", 64496);
    private static readonly BmpPeerHeader Pe2 = Header(BmpPeerType.Global, null, "203.0.113.44", 64496);

    private readonly MonitoredRouter _router = new();
    private readonly BmpReader _reader = new();

    [Fact]
    public void A_vpn_withdrawal_removes_only_the_route_of_its_rd()
    {
        Feed(Up(Pe1));
        Feed(Announce(Pe1, "203.0.113.73", Path1, Vpn("65000:1", "192.0.2.0/24", 100), Vpn("65000:2", "192.0.2.0/24", 200)));
        Assert.Equal(2, _router.Routes(RibView.AdjInPost, Afi.IPv4, safi: Safi.MplsVpn).Count());

        Feed(Withdraw(Pe1, Vpn4, Vpn("65000:1", "192.0.2.0/24", 0x80000)));

        var route = Assert.Single(_router.Routes(RibView.AdjInPost, Afi.IPv4, safi: Safi.MplsVpn));
        Assert.Equal(Rd("65000:2"), route.Distinguisher);
        Assert.Equal(new uint[] { 200 }, route.Labels.ToArray());
        Assert.Equal(Safi.MplsVpn, route.Safi);
        Assert.Equal(new Nlri(IpPrefix.Parse("192.0.2.0/24")), route.Route);
        Assert.Equal(IPAddress.Parse("203.0.113.73"), route.Attributes.NextHop);
        Assert.Equal(Path1.AsPath, route.Attributes.AsPath);
        Assert.Empty(_router.Routes(RibView.AdjInPost, Afi.IPv4));
        Assert.Empty(_router.Routes(RibView.AdjInPost, Afi.IPv4, safi: Safi.MplsVpn, distinguisher: Rd("65000:1")));
        Assert.Single(_router.Routes(RibView.AdjInPost, Afi.IPv4, safi: Safi.MplsVpn, distinguisher: Rd("65000:2")));
    }

    [Fact]
    public void Queries_select_family_peer_prefix_and_rd()
    {
        Feed(Up(Pe1), Up(Pe2));
        Feed(Announce(Pe1, "203.0.113.73", Path1, Vpn("65000:1", "192.0.2.0/24", 100), Vpn("65000:1", "192.0.2.128/25", 100)));
        Feed(Announce(Pe2, "2001:db8:73::1", Path2, Vpn("65000:1", "192.0.2.0/24", 300)));
        Feed(Announce(Pe1, "203.0.113.73", Path1, Labeled("198.51.100.7/32", 160007)));
        Feed(Announce(Pe1, "::ffff:203.0.113.73", Path1, new LabeledNlri(IpPrefix.Parse("2001:db8::/48"), new uint[] { 7 }, Rd("65000:1"))));
        Feed(Unicast(Pe1, "203.0.113.73", Path2, "192.0.2.0/24"));

        Assert.Equal(3, _router.Routes(RibView.AdjInPost, Afi.IPv4, safi: Safi.MplsVpn).Count());
        Assert.Equal(
            ["203.0.113.28 100", "203.0.113.44 300"],
            _router.Routes(RibView.AdjInPost, Afi.IPv4, safi: Safi.MplsVpn, prefix: IpPrefix.Parse("192.0.2.0/24"))
                .Select(r => $"{r.Peer} {r.Labels[0]}").Order(StringComparer.Ordinal));
        var fromPe2 = Assert.Single(_router.Routes(RibView.AdjInPost, Afi.IPv4, PeerKey.Of(Pe2), Safi.MplsVpn));
        Assert.Equal(IPAddress.Parse("2001:db8:73::1"), fromPe2.Attributes.NextHop);

        var labeled = Assert.Single(_router.Routes(RibView.AdjInPost, Afi.IPv4, safi: Safi.MplsLabel));
        Assert.Null(labeled.Distinguisher);
        Assert.Equal(new uint[] { 160007 }, labeled.Labels.ToArray());
        var vpn6 = Assert.Single(_router.Routes(RibView.AdjInPost, Afi.IPv6, safi: Safi.MplsVpn));
        Assert.Equal(IPAddress.Parse("::ffff:203.0.113.73"), vpn6.Attributes.NextHop);
        var unicast = Assert.Single(_router.Routes(RibView.AdjInPost, Afi.IPv4));
        Assert.Null(unicast.Distinguisher);
        Assert.True(unicast.Labels.IsEmpty);
        Assert.Equal(Path2.AsPath, unicast.Attributes.AsPath);

        Assert.Equal(5, _router.RouteCount(PeerKey.Of(Pe1), RibView.AdjInPost));
        Assert.Equal(6, _router.TotalRoutes);
        Assert.Empty(_router.Routes(RibView.AdjInPre, Afi.IPv4, safi: Safi.MplsVpn));
    }

    [Fact]
    public void Peer_down_clears_every_family_of_that_peer_alone_and_releases_its_attribute_sets()
    {
        Feed(Up(Pe1), Up(Pe2));
        Feed(Announce(Pe1, "203.0.113.73", Path1, Vpn("65000:1", "192.0.2.0/24", 100)));
        Feed(Announce(Pe1, "203.0.113.73", Path1, Labeled("198.51.100.7/32", 160007)));
        Feed(Unicast(Pe1, "203.0.113.73", Path1, "192.0.2.0/24"));
        Feed(Announce(Pe2, "203.0.113.74", Path2, Vpn("65000:1", "192.0.2.0/24", 300)));

        Feed(Down(Pe1));

        Assert.Equal(1, _router.TotalRoutes);
        Assert.Equal(0, _router.RouteCount(PeerKey.Of(Pe1), RibView.AdjInPost));
        Assert.Equal(PeerKey.Of(Pe2), Assert.Single(_router.Routes(RibView.AdjInPost, Afi.IPv4, safi: Safi.MplsVpn)).Peer);
        Assert.Equal(1, _router.AttributeSetCount);

        Feed(Down(Pe2));
        Assert.Equal(0, _router.TotalRoutes);
        Assert.Equal(0, _router.AttributeSetCount);
    }

    [Fact]
    public void End_of_rib_is_recorded_per_family_until_the_peer_goes_down()
    {
        Feed(Up(Pe1));
        Feed(Announce(Pe1, "203.0.113.73", Path1, Vpn("65000:1", "192.0.2.0/24", 100)));
        Feed(Announce(Pe1, "::ffff:203.0.113.73", Path1, new LabeledNlri(IpPrefix.Parse("2001:db8::/48"), new uint[] { 7 }, Rd("65000:1"))));
        Feed(EndOfRib(Pe1, Vpn4), EndOfRib(Pe1, AfiSafi.IPv4Unicast));

        Assert.Equal(
            ["AdjInPost IPv4/MplsVpn 1 True", "AdjInPost IPv4/Unicast 0 True", "AdjInPost IPv6/MplsVpn 1 False"],
            _router.Tables.Select(t => $"{t.View} {t.Family} {t.Routes} {t.EndOfRib}").Order(StringComparer.Ordinal));

        // The marker ends the table transfer; it withdraws nothing.
        Assert.Single(_router.Routes(RibView.AdjInPost, Afi.IPv4, safi: Safi.MplsVpn));

        Feed(Down(Pe1));
        Assert.Empty(_router.Tables);
    }

    [Fact]
    public void Loc_rib_instances_carry_their_rd_and_vrf_and_go_down_alone()
    {
        var global = Header(BmpPeerType.LocRib, null, "0.0.0.0", 4226809946);
        var vrf = Header(BmpPeerType.LocRib, "4226809946:12", "0.0.0.0", 4226809946);
        Feed(Up(global, "global"), Up(vrf, "A2"));
        Feed(Unicast(global, "203.0.113.54", Path1, "192.0.2.14/32"));
        Feed(Unicast(vrf, "203.0.113.54", Path1, "192.0.2.14/32"));
        Feed(Announce(global, "203.0.113.54", Path1, Vpn("4226809910:14", "192.0.2.14/32", 48121)));

        var inVrf = Assert.Single(_router.Routes(RibView.LocRib, Afi.IPv4, vrf: "A2"));
        Assert.Equal(Rd("4226809946:12"), inVrf.Distinguisher);
        Assert.Equal("A2", inVrf.Vrf);
        Assert.Equal("4226809946:12|0.0.0.0", inVrf.Peer.ToString());
        Assert.Equal(inVrf, Assert.Single(_router.Routes(RibView.LocRib, Afi.IPv4, distinguisher: Rd("4226809946:12"))));
        var inGlobal = Assert.Single(_router.Routes(RibView.LocRib, Afi.IPv4, vrf: "global"));
        Assert.Null(inGlobal.Distinguisher);
        var vpn = Assert.Single(_router.Routes(RibView.LocRib, Afi.IPv4, safi: Safi.MplsVpn, vrf: "global"));
        Assert.Equal(Rd("4226809910:14"), vpn.Distinguisher);
        Assert.Equal(["A2", "global"], _router.Sessions.Select(s => s.Vrf!).Order(StringComparer.Ordinal));

        // RFC 9069 reason 6: this instance is no longer monitored.
        Feed(BmpWriter.Encode(new BmpPeerDown(vrf, 6, null, null), BgpDecodingContext.FourOctet));
        Assert.Empty(_router.Routes(RibView.LocRib, Afi.IPv4, vrf: "A2"));
        Assert.Single(_router.Routes(RibView.LocRib, Afi.IPv4, vrf: "global"));
        Assert.Single(_router.Routes(RibView.LocRib, Afi.IPv4, safi: Safi.MplsVpn));
    }

    [Fact]
    public void Loc_rib_instances_routes_are_not_taken_for_global_best_paths()
    {
        var vrf = Header(BmpPeerType.LocRib, "4226809946:12", "0.0.0.0", 4226809946);
        var rdPeer = Header(BmpPeerType.RdInstance, "4226809946:12", "169.254.0.1", 65000);
        Feed(Up(Pe1), Up(vrf, "A2"), Up(rdPeer));
        Feed(Unicast(Pe1, "203.0.113.73", Path1, "192.0.2.0/24"));
        Feed(Unicast(rdPeer, "169.254.0.1", Path2, "192.0.2.0/24"));

        var best = Assert.Single(_router.SelectBest(Afi.IPv4, new OrleansNetOps.Bgp.Decision.BestPathOptions()));
        Assert.Equal(PeerKey.Of(Pe1), best.Value.Route.Peer);
        Assert.Equal(Rd("4226809946:12"), Assert.Single(_router.Routes(RibView.AdjInPost, Afi.IPv4, PeerKey.Of(rdPeer))).Distinguisher);
    }

    [Fact]
    public void Huawei_loc_rib_peer_ups_per_family_keep_each_familys_add_path()
    {
        // VRP sends one Loc-RIB Peer Up per family, each OPEN naming only its family's ADD-PATH, and then a VRF
        // Loc-RIB's labelled-unicast routes with path identifiers that no OPEN offered.
        var stream = TestData.File("pmacct", "208-BMP-mem-leak-test");
        var source = IPAddress.Parse("203.0.113.23");
        var data = new[] { "init", "peer-up", "route-monitoring", "stats" }
            .SelectMany(f => PcapFile.ReadTcpStreams(Path.Combine(stream, $"bmp-multi-sources-{f}.pcap")))
            .Where(s => s.Source.Address.Equals(source) && s.Data.Length > 0 && s.Data[0] == 3)
            .SelectMany(s => s.Data).ToArray();
        var frames = 0;
        for (var rest = data.AsSpan(); !rest.IsEmpty; frames++)
        {
            var frame = BmpFraming.Frame(rest);
            _router.Apply(_reader, rest[..frame.Length], DateTimeOffset.UnixEpoch);
            rest = rest[frame.Length..];
        }

        Assert.Equal(frames, _router.Messages);
        Assert.Contains(_router.Routes(RibView.LocRib, Afi.IPv4, safi: Safi.MplsVpn), r => r.Route.PathId is not null && r.Distinguisher is not null);
        Assert.Contains(_router.Routes(RibView.LocRib, Afi.IPv6, safi: Safi.MplsVpn), r => r.Route.PathId is not null);
        Assert.Contains(_router.Routes(RibView.LocRib, Afi.IPv4, safi: Safi.MplsLabel), r => r.Route.PathId is not null && r.Distinguisher == Rd("4226809879:15"));
    }

    private static RouteDistinguisher Rd(string text) =>
        RouteDistinguisher.TryParse(text, out var rd) ? rd : throw new ArgumentException(text);

    private static LabeledNlri Vpn(string rd, string prefix, uint label) => new(IpPrefix.Parse(prefix), new[] { label }, Rd(rd));

    private static LabeledNlri Labeled(string prefix, uint label) => new(IpPrefix.Parse(prefix), new[] { label }, null);

    private static BmpPeerHeader Header(BmpPeerType type, string? rd, string address, uint asn)
    {
        var ip = IPAddress.Parse(address);
        var flags = type == BmpPeerType.LocRib ? BmpPeerFlags.None
            : BmpPeerFlags.PostPolicy | (ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? BmpPeerFlags.IPv6 : 0);
        return new BmpPeerHeader(type, flags, rd is null ? default : Rd(rd), ip, asn, IPAddress.Parse("203.0.113.90"), 0, 0);
    }

    private static byte[] Up(BmpPeerHeader peer, string? vrf = null)
    {
        var local = new OpenMessage(4, 23456, 180, IPAddress.Parse("203.0.113.90"), new Capability[] { new FourOctetAsCapability(4226809946) });
        var remote = new OpenMessage(4, (ushort)Math.Min(peer.PeerAs, 23456), 180, peer.PeerBgpId, new Capability[] { new FourOctetAsCapability(peer.PeerAs) });
        var tlvs = vrf is null ? Array.Empty<BmpInformationTlv>() : [BmpWriter.TextTlv(3, vrf)];
        return BmpWriter.Encode(new BmpPeerUp(peer with { Flags = peer.Flags & BmpPeerFlags.IPv6 }, IPAddress.Parse("203.0.113.90"), 179, 33000, local, remote, tlvs), BgpDecodingContext.FourOctet);
    }

    private static byte[] Down(BmpPeerHeader peer) =>
        BmpWriter.Encode(new BmpPeerDown(peer, 4, null, null), BgpDecodingContext.FourOctet);

    private static byte[] Announce(BmpPeerHeader peer, string nextHop, PathAttributes attributes, params LabeledNlri[] routes)
    {
        var family = new AfiSafi(routes[0].Prefix.IsIPv6 ? Afi.IPv6 : Afi.IPv4, routes[0].Distinguisher is null ? Safi.MplsLabel : Safi.MplsVpn);
        var reach = MpReachNlri.CreateLabeled(family, IPAddress.Parse(nextHop), routes);
        return Route(peer, new UpdateMessage(default, attributes, default, MpReach: reach));
    }

    private static byte[] Withdraw(BmpPeerHeader peer, AfiSafi family, params LabeledNlri[] routes) =>
        Route(peer, new UpdateMessage(default, PathAttributes.Empty, default, MpUnreach: new MpUnreachNlri(family, default, default, routes)));

    private static byte[] Unicast(BmpPeerHeader peer, string nextHop, PathAttributes attributes, string prefix) =>
        Route(peer, new UpdateMessage(default, attributes with { NextHop = IPAddress.Parse(nextHop) }, new[] { new Nlri(IpPrefix.Parse(prefix)) }));

    private static byte[] EndOfRib(BmpPeerHeader peer, AfiSafi family) =>
        Route(peer, family == AfiSafi.IPv4Unicast
            ? new UpdateMessage(default, PathAttributes.Empty, default)
            : new UpdateMessage(default, PathAttributes.Empty, default, MpUnreach: new MpUnreachNlri(family, default, default)));

    private static byte[] Route(BmpPeerHeader peer, UpdateMessage update) =>
        BmpWriter.Encode(new BmpRouteMonitoring(peer, update), BgpDecodingContext.FourOctet);

    private void Feed(params byte[][] frames)
    {
        foreach (var frame in frames)
        {
            _router.Apply(_reader, frame, DateTimeOffset.UnixEpoch);
        }
    }
}
