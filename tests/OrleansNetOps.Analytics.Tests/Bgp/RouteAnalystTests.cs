using System.Net;
using OrleansNetOps.Analytics.Bgp;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Bgp.Messages;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Analytics.Tests.Bgp;

/// <summary>R1's BMP session as bytes, encoded as FRR sends it (eBGP paths with our AS prepended), through the route detectors.</summary>
public sealed class RouteAnalystTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly BmpPeerHeader IspA = Peer("203.0.113.2", 1234, "203.0.113.201");
    private static readonly BmpPeerHeader IspB = Peer("203.0.113.6", 5678, "203.0.113.202");
    private static readonly BmpPeerHeader R2 = Peer("198.51.100.2", 65001, "198.51.100.2");

    [Fact]
    public void Hijacks_moas_and_leaks_in_what_the_isps_send_become_findings_once()
    {
        var relationships = AsRelationships.Parse(new StringReader("3356|1234|-1\n174|1234|-1\n174|64500|-1\n3356|64500|-1"), "rel.txt");
        var analyst = new RouteAnalyst("R1", SeedTopology.Value, new RouteAnalystOptions
        {
            Relationships = relationships,
            OwnPrefixes = new PrefixOwnership([(IpPrefix.Parse("198.51.100.0/24"), 65001u)]),
        });
        var found = Feed(analyst,
            Initiation(),
            PeerUp(IspA),
            PeerUp(IspB),
            Routes(IspA, "8.8.8.0/24", 65001, 1234, 15169),
            Routes(IspB, "8.8.8.0/24", 65001, 5678, 15169),
            // ISP-B's view of 8.8.8.0/24 now ends in another AS: a new origin and two origins at once.
            Routes(IspB, "8.8.8.0/24", 65001, 5678, 64666),
            // A more-specific of our configured block, and one of the prefixes R4 originates, from foreign origins.
            Routes(IspA, "198.51.100.128/25", 65001, 1234, 64777),
            Routes(IspA, "172.16.10.0/24", 65001, 1234, 64777),
            // AS64500, a customer of both 174 and 3356, passes 174's route up to 3356.
            Routes(IspA, "1.1.1.0/24", 65001, 1234, 3356, 64500, 174, 13335),
            // The same leak again, and iBGP routes (the other routers' view), are not news.
            Routes(IspA, "1.1.1.0/24", 65001, 1234, 3356, 64500, 174, 13335),
            Routes(R2, "8.8.8.0/24", 64999));

        Assert.Equal(
            [FindingKind.OriginHijack, FindingKind.MultipleOrigins, FindingKind.MoreSpecificHijack, FindingKind.OriginHijack, FindingKind.RouteLeak],
            found.Select(f => f.Kind));
        Assert.All(found, f => Assert.Equal("R1", f.Router));
        Assert.Equal("R1|203.0.113.6", found[0].Evidence[0].Data["vantage"]);
        Assert.Equal("64666", found[0].Evidence[0].Data["origin"]);
        Assert.Equal("15169,64666", found[1].Evidence[0].Data["origins"]);
        Assert.Equal(("198.51.100.128/25", "64777"), (found[2].Subject.Id, found[2].Evidence[0].Data["origin"]));
        Assert.Equal("172.16.10.0/24", found[3].Subject.Id);
        Assert.Equal(("64500", "174", "3356"), (found[4].Evidence[0].Data["leaker"], found[4].Evidence[0].Data["learnedFrom"], found[4].Evidence[0].Data["sentTo"]));
        Assert.Equal(7, analyst.PrefixUpdates);
    }

    [Fact]
    public void A_session_that_goes_down_no_longer_holds_an_origin()
    {
        var analyst = new RouteAnalyst("R1", SeedTopology.Value);
        var first = Feed(analyst, Initiation(), PeerUp(IspA), PeerUp(IspB),
            Routes(IspA, "93.184.216.0/24", 65001, 1234, 15133),
            Routes(IspB, "93.184.216.0/24", 65001, 5678, 64666));
        Assert.Equal([FindingKind.OriginHijack, FindingKind.MultipleOrigins], first.Select(f => f.Kind));

        // ISP-B's session ends and its routes with it, so the two-origin episode is over; when the session returns with
        // the same origin, that is a new episode. Had the stale route stayed, the episode would never have ended.
        var again = Feed(analyst,
            BmpWriter.Encode(new BmpPeerDown(IspB, 4, null, null), BgpDecodingContext.FourOctet),
            PeerUp(IspB),
            Routes(IspB, "93.184.216.0/24", 65001, 5678, 64666));
        Assert.Equal([FindingKind.MultipleOrigins], again.Select(f => f.Kind));
        Assert.Equal(1, analyst.TrackedPrefixes);
    }

    [Fact]
    public void A_pre_and_post_policy_copy_of_one_session_is_read_once()
    {
        var analyst = new RouteAnalyst("R1", SeedTopology.Value);
        Feed(analyst, Initiation(), PeerUp(IspA),
            Routes(IspA with { Flags = BmpPeerFlags.None }, "8.8.8.0/24", 65001, 1234, 15169),
            Routes(IspA with { Flags = BmpPeerFlags.PostPolicy }, "8.8.8.0/24", 65001, 1234, 15169));

        Assert.Equal(1, analyst.PrefixUpdates);
    }

    [Fact]
    public void A_frame_that_does_not_decode_is_counted_and_named()
    {
        var analyst = new RouteAnalyst("R1", SeedTopology.Value);
        Feed(analyst, Initiation(), PeerUp(IspA));
        var broken = Routes(IspA, "8.8.8.0/24", 65001, 1234, 15169);
        broken[6 + BmpPeerHeader.Size] = 0; // the BGP marker

        Assert.ThrowsAny<Exception>(() => analyst.Observe(broken, T0));
        Assert.Equal(1, analyst.Malformed);
    }

    private static List<Finding> Feed(RouteAnalyst analyst, params byte[][] frames)
    {
        var found = new List<Finding>();
        for (var i = 0; i < frames.Length; i++)
        {
            found.AddRange(analyst.Observe(frames[i], T0.AddSeconds(i)));
        }

        return found;
    }

    private static BmpPeerHeader Peer(string address, uint asn, string routerId) =>
        new(BmpPeerType.Global, BmpPeerFlags.None, default, IPAddress.Parse(address), asn, IPAddress.Parse(routerId), 0, 0);

    private static byte[] Initiation() =>
        BmpWriter.Encode(new BmpInitiation(new[] { BmpWriter.TextTlv(1, "FRRouting 8.4"), BmpWriter.TextTlv(2, "r1") }), BgpDecodingContext.FourOctet);

    private static byte[] PeerUp(BmpPeerHeader peer) =>
        BmpWriter.Encode(new BmpPeerUp(peer, IPAddress.Parse("203.0.113.1"), 179, 40000, Open(65001, "198.51.100.1"), Open(peer.PeerAs, peer.PeerBgpId.ToString()), default),
            BgpDecodingContext.FourOctet);

    private static byte[] Routes(BmpPeerHeader peer, string prefix, params uint[] path) =>
        BmpWriter.Encode(new BmpRouteMonitoring(peer, new UpdateMessage(Array.Empty<Nlri>(),
            new PathAttributes { Origin = Origin.Igp, AsPath = AsPath.FromSequence(path), NextHop = peer.PeerAddress },
            new[] { new Nlri(IpPrefix.Parse(prefix)) })), BgpDecodingContext.FourOctet);

    private static OpenMessage Open(uint asn, string routerId) =>
        new(4, (ushort)asn, 180, IPAddress.Parse(routerId),
            new Capability[] { new FourOctetAsCapability(asn), new MultiprotocolCapability(AfiSafi.IPv4Unicast) });
}
