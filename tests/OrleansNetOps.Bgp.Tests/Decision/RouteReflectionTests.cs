using System.Net;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Decision;

namespace OrleansNetOps.Bgp.Tests.Decision;

/// <summary>Receive-side loop checks, advertisement rules (RFC 4271 9.2, RFC 4456, RFC 1997) and export rewrites.</summary>
public sealed class RouteReflectionTests
{
    private static readonly LocalRouter Rr = new(65000, IPAddress.Parse("10.0.0.1"));

    private static readonly PathAttributes Learned = new()
    {
        Origin = Origin.Igp,
        AsPath = AsPath.FromSequence(65010, 65020),
        NextHop = IPAddress.Parse("192.0.2.1"),
        MultiExitDisc = 50,
        LocalPref = 200,
    };

    private static readonly BgpPeer Isp = new(IPAddress.Parse("192.0.2.1"), 65010, IPAddress.Parse("192.0.2.1"), PeerType.External) { LocalAddress = IPAddress.Parse("192.0.2.2") };
    private static readonly BgpPeer OtherIsp = new(IPAddress.Parse("198.51.100.1"), 65030, IPAddress.Parse("198.51.100.1"), PeerType.External) { LocalAddress = IPAddress.Parse("198.51.100.2") };
    private static readonly BgpPeer ClientA = new(IPAddress.Parse("10.0.0.11"), 65000, IPAddress.Parse("10.0.0.11"), PeerType.Internal) { IsRouteReflectorClient = true, LocalAddress = IPAddress.Parse("10.0.0.1") };
    private static readonly BgpPeer ClientB = new(IPAddress.Parse("10.0.0.12"), 65000, IPAddress.Parse("10.0.0.12"), PeerType.Internal) { IsRouteReflectorClient = true, LocalAddress = IPAddress.Parse("10.0.0.1") };
    private static readonly BgpPeer NonClientA = new(IPAddress.Parse("10.0.0.21"), 65000, IPAddress.Parse("10.0.0.21"), PeerType.Internal) { LocalAddress = IPAddress.Parse("10.0.0.1") };
    private static readonly BgpPeer NonClientB = new(IPAddress.Parse("10.0.0.22"), 65000, IPAddress.Parse("10.0.0.22"), PeerType.Internal) { LocalAddress = IPAddress.Parse("10.0.0.1") };

    private static CandidatePath From(BgpPeer peer, PathAttributes? attributes = null) => new(attributes ?? Learned, peer);

    [Fact]
    public void Ebgp_learned_goes_to_everyone_but_the_sender()
    {
        var best = From(Isp);
        Assert.Equal(AdvertiseVerdict.Advertise, RouteReflection.CanAdvertise(best, OtherIsp, Rr));
        Assert.Equal(AdvertiseVerdict.Advertise, RouteReflection.CanAdvertise(best, ClientA, Rr));
        Assert.Equal(AdvertiseVerdict.Advertise, RouteReflection.CanAdvertise(best, NonClientA, Rr));
        Assert.Equal(AdvertiseVerdict.SenderSplitHorizon, RouteReflection.CanAdvertise(best, Isp, Rr));
    }

    [Fact]
    public void From_a_non_client_only_to_clients_and_ebgp()
    {
        var best = From(NonClientA);
        Assert.Equal(AdvertiseVerdict.Advertise, RouteReflection.CanAdvertise(best, ClientA, Rr));
        Assert.Equal(AdvertiseVerdict.Advertise, RouteReflection.CanAdvertise(best, Isp, Rr));
        Assert.Equal(AdvertiseVerdict.IbgpSplitHorizon, RouteReflection.CanAdvertise(best, NonClientB, Rr));
        Assert.Equal(AdvertiseVerdict.SenderSplitHorizon, RouteReflection.CanAdvertise(best, NonClientA, Rr));
    }

    [Fact]
    public void From_a_client_to_other_clients_non_clients_and_ebgp_but_not_back()
    {
        var best = From(ClientA);
        Assert.Equal(AdvertiseVerdict.Advertise, RouteReflection.CanAdvertise(best, ClientB, Rr));
        Assert.Equal(AdvertiseVerdict.Advertise, RouteReflection.CanAdvertise(best, NonClientA, Rr));
        Assert.Equal(AdvertiseVerdict.Advertise, RouteReflection.CanAdvertise(best, Isp, Rr));
        Assert.Equal(AdvertiseVerdict.SenderSplitHorizon, RouteReflection.CanAdvertise(best, ClientA, Rr));
    }

    [Fact]
    public void Client_to_client_reflection_can_be_disabled()
    {
        var best = From(ClientA);
        var router = Rr with { ClientToClientReflection = false };
        Assert.Equal(AdvertiseVerdict.ClientToClientDisabled, RouteReflection.CanAdvertise(best, ClientB, router));
        Assert.Equal(AdvertiseVerdict.Advertise, RouteReflection.CanAdvertise(best, NonClientA, router));
    }

    [Fact]
    public void Not_sent_to_the_originator()
    {
        var best = From(NonClientA, Learned with { OriginatorId = ClientB.RouterId });
        Assert.Equal(AdvertiseVerdict.OriginatorIsPeer, RouteReflection.CanAdvertise(best, ClientB, Rr));
    }

    [Fact]
    public void Well_known_communities_limit_advertisement()
    {
        var confedPeer = new BgpPeer(IPAddress.Parse("10.9.0.1"), 64513, IPAddress.Parse("10.9.0.1"), PeerType.ConfederationExternal);

        var noAdvertise = From(Isp, Learned with { Communities = new[] { Community.NoAdvertise } });
        Assert.Equal(AdvertiseVerdict.NoAdvertise, RouteReflection.CanAdvertise(noAdvertise, ClientA, Rr));
        Assert.Equal(AdvertiseVerdict.NoAdvertise, RouteReflection.CanAdvertise(noAdvertise, OtherIsp, Rr));

        var noExport = From(Isp, Learned with { Communities = new[] { Community.NoExport } });
        Assert.Equal(AdvertiseVerdict.NoExport, RouteReflection.CanAdvertise(noExport, OtherIsp, Rr));
        Assert.Equal(AdvertiseVerdict.Advertise, RouteReflection.CanAdvertise(noExport, ClientA, Rr));
        Assert.Equal(AdvertiseVerdict.Advertise, RouteReflection.CanAdvertise(noExport, confedPeer, Rr));

        var subconfed = From(Isp, Learned with { Communities = new[] { Community.NoExportSubconfed } });
        Assert.Equal(AdvertiseVerdict.NoExportSubconfed, RouteReflection.CanAdvertise(subconfed, OtherIsp, Rr));
        Assert.Equal(AdvertiseVerdict.NoExportSubconfed, RouteReflection.CanAdvertise(subconfed, confedPeer, Rr));
        Assert.Equal(AdvertiseVerdict.Advertise, RouteReflection.CanAdvertise(subconfed, NonClientA, Rr));
    }

    [Fact]
    public void Own_as_in_path_is_a_loop_unless_allowas_in()
    {
        var looped = Learned with { AsPath = AsPath.FromSequence(65010, 65000, 65020) };
        Assert.Equal(ReceiveVerdict.AsPathLoop, RouteReflection.Receive(looped, Isp, Rr).Verdict);
        Assert.True(RouteReflection.Receive(looped, Isp with { AllowAsIn = 1 }, Rr).Accepted);

        var twice = Learned with { AsPath = AsPath.FromSequence(65010, 65000, 65000) };
        Assert.Equal(ReceiveVerdict.AsPathLoop, RouteReflection.Receive(twice, Isp with { AllowAsIn = 1 }, Rr).Verdict);
    }

    [Fact]
    public void Confederation_identifier_in_path_is_a_loop()
    {
        var member = new LocalRouter(64512, IPAddress.Parse("10.0.0.1")) { ConfederationId = 65000 };
        Assert.Equal(ReceiveVerdict.AsPathLoop, RouteReflection.Receive(Learned with { AsPath = AsPath.FromSequence(65010, 65000) }, Isp, member).Verdict);
    }

    [Fact]
    public void Own_originator_id_and_own_cluster_id_are_loops()
    {
        Assert.Equal(ReceiveVerdict.OriginatorIsSelf, RouteReflection.Receive(Learned with { OriginatorId = Rr.RouterId }, NonClientA, Rr).Verdict);
        var withCluster = Learned with { ClusterList = new[] { IPAddress.Parse("10.0.0.9"), Rr.RouterId } };
        Assert.Equal(ReceiveVerdict.ClusterLoop, RouteReflection.Receive(withCluster, NonClientA, Rr).Verdict);

        var configured = Rr with { ClusterId = IPAddress.Parse("1.2.3.4") };
        Assert.True(RouteReflection.Receive(withCluster, NonClientA, configured).Accepted);
        Assert.Equal(ReceiveVerdict.ClusterLoop, RouteReflection.Receive(Learned with { ClusterList = new[] { IPAddress.Parse("1.2.3.4") } }, NonClientA, configured).Verdict);
    }

    [Fact]
    public void Local_pref_from_ebgp_is_ignored_on_receipt_but_kept_from_ibgp()
    {
        Assert.Null(RouteReflection.Receive(Learned, Isp, Rr).Attributes.LocalPref);
        Assert.Equal(200u, RouteReflection.Receive(Learned, NonClientA, Rr).Attributes.LocalPref);
    }

    [Fact]
    public void To_ebgp_prepends_own_as_strips_ibgp_attributes_and_sets_next_hop_self()
    {
        var reflected = Learned with { OriginatorId = IPAddress.Parse("10.0.0.11"), ClusterList = new[] { IPAddress.Parse("10.0.0.5") } };
        var sent = RouteReflection.Export(From(NonClientA, reflected), OtherIsp, Rr);
        Assert.Equal(AsPath.FromSequence(65000, 65010, 65020), sent.Attributes.AsPath);
        Assert.Null(sent.Attributes.LocalPref);
        Assert.Null(sent.Attributes.OriginatorId);
        Assert.True(sent.Attributes.ClusterList.IsEmpty);
        Assert.Equal(IPAddress.Parse("198.51.100.2"), sent.NextHop);
        Assert.Equal(IPAddress.Parse("198.51.100.2"), sent.Attributes.NextHop);
    }

    [Fact]
    public void Med_is_not_propagated_to_ebgp_except_for_local_routes()
    {
        Assert.Null(RouteReflection.Export(From(Isp), OtherIsp, Rr).Attributes.MultiExitDisc);
        Assert.Null(RouteReflection.Export(From(NonClientA), OtherIsp, Rr).Attributes.MultiExitDisc);
        var local = CandidatePath.LocallyOriginated(Learned with { AsPath = AsPath.Empty, NextHop = IPAddress.Any, MultiExitDisc = 7 }, 65000, Rr.RouterId);
        var sent = RouteReflection.Export(local, OtherIsp, Rr);
        Assert.Equal(7u, sent.Attributes.MultiExitDisc);
        Assert.Equal(AsPath.FromSequence(65000), sent.Attributes.AsPath);
    }

    [Fact]
    public void Confederation_border_strips_confed_segments_and_prepends_the_confederation_id()
    {
        var member = new LocalRouter(64512, IPAddress.Parse("10.0.0.1")) { ConfederationId = 65000 };
        var confedPath = Learned with
        {
            AsPath = new AsPath(new[]
            {
                new AsPathSegment(AsPathSegmentType.ConfedSequence, new uint[] { 64513 }),
                new AsPathSegment(AsPathSegmentType.AsSequence, new uint[] { 65010 }),
            }),
        };
        var sent = RouteReflection.Export(From(NonClientA, confedPath), OtherIsp, member);
        Assert.Equal(AsPath.FromSequence(65000, 65010), sent.Attributes.AsPath);
    }

    [Fact]
    public void To_ibgp_keeps_next_hop_and_med_and_sets_default_local_pref()
    {
        var received = RouteReflection.Receive(Learned, Isp, Rr).Attributes;
        var sent = RouteReflection.Export(From(Isp, received), NonClientA, Rr);
        Assert.Equal(100u, sent.Attributes.LocalPref);
        Assert.Equal(50u, sent.Attributes.MultiExitDisc);
        Assert.Equal(IPAddress.Parse("192.0.2.1"), sent.NextHop);
        Assert.Equal(AsPath.FromSequence(65010, 65020), sent.Attributes.AsPath);
        Assert.Null(sent.Attributes.OriginatorId);
        Assert.True(sent.Attributes.ClusterList.IsEmpty);
    }

    [Fact]
    public void Next_hop_self_applies_to_ebgp_learned_routes_and_only_forced_to_reflected_ones()
    {
        var nhs = NonClientA with { NextHopSelf = true };
        Assert.Equal(IPAddress.Parse("10.0.0.1"), RouteReflection.Export(From(Isp), nhs, Rr).NextHop);
        Assert.Equal(IPAddress.Parse("192.0.2.1"), RouteReflection.Export(From(ClientA), nhs, Rr).NextHop);
        Assert.Equal(IPAddress.Parse("10.0.0.1"), RouteReflection.Export(From(ClientA), nhs with { NextHopSelfForce = true }, Rr).NextHop);
    }

    [Fact]
    public void Reflection_sets_originator_once_and_prepends_cluster_id()
    {
        var sent = RouteReflection.Export(From(ClientA), NonClientA, Rr);
        Assert.Equal(ClientA.RouterId, sent.Attributes.OriginatorId);
        Assert.Equal(new[] { Rr.RouterId }, sent.Attributes.ClusterList.ToArray());
        Assert.Equal(200u, sent.Attributes.LocalPref);

        var again = Learned with { OriginatorId = IPAddress.Parse("10.0.0.99"), ClusterList = new[] { IPAddress.Parse("10.0.0.5") } };
        var router = Rr with { ClusterId = IPAddress.Parse("1.1.1.1") };
        var twice = RouteReflection.Export(From(ClientA, again), ClientB, router);
        Assert.Equal(IPAddress.Parse("10.0.0.99"), twice.Attributes.OriginatorId);
        Assert.Equal(new[] { IPAddress.Parse("1.1.1.1"), IPAddress.Parse("10.0.0.5") }, twice.Attributes.ClusterList.ToArray());
    }

    [Fact]
    public void Locally_originated_routes_get_our_session_address_as_next_hop()
    {
        var local = CandidatePath.LocallyOriginated(Learned with { AsPath = AsPath.Empty, NextHop = IPAddress.Any }, 65000, Rr.RouterId);
        Assert.Equal(IPAddress.Parse("10.0.0.1"), RouteReflection.Export(local, NonClientA, Rr).NextHop);
        Assert.Equal(AdvertiseVerdict.Advertise, RouteReflection.CanAdvertise(local, NonClientA, Rr));
    }

    [Fact]
    public void Ipv6_routes_over_ipv4_sessions_get_the_ipv4_mapped_next_hop()
    {
        var v6 = new CandidatePath(Learned with { NextHop = null }, Isp) { NextHop = IPAddress.Parse("2001:db8::1") };
        var sent = RouteReflection.Export(v6, OtherIsp, Rr);
        Assert.Equal(IPAddress.Parse("::ffff:198.51.100.2"), sent.NextHop);
        Assert.Null(sent.Attributes.NextHop);
    }
}
