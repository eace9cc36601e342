using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Bgp.Messages;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Bgp.Wire;
using OrleansNetOps.TestSupport;

namespace OrleansNetOps.Bgp.Tests.Bmp;

/// <summary>The allocation-free <see cref="BmpReader.DecodeRoutes{TSink}"/> sees exactly what <see cref="BmpReader.Decode(ReadOnlySpan{byte})"/> sees.</summary>
public sealed class RouteSinkDecodeTests
{
    [Theory]
    [InlineData("204-BMP-CISCO-peer_down")]
    [InlineData("205-BMP-6wind-FRR-peer_down")]
    public void Sink_receives_the_routes_of_every_route_monitoring_message(string test)
    {
        var checkedRoutes = 0;
        foreach (var stream in PcapFile.ReadTcpStreams(TestData.File("pmacct", test, "traffic-00.pcap")).Where(s => s.Data.Length > 0))
        {
            var full = new BmpReader();
            var fast = new BmpReader();
            var data = stream.Data.AsSpan();
            while (!data.IsEmpty)
            {
                var frame = BmpFraming.Frame(data);
                var message = data[..frame.Length];
                var expected = full.Decode(message);
                var sink = new RecordingSink();
                var returned = fast.DecodeRoutes(message, ref sink);
                if (expected is BmpRouteMonitoring rm)
                {
                    Assert.Null(returned);
                    Assert.Equal(Expected(rm), sink.Events);
                    checkedRoutes += sink.Events.Count(e => e[0] is '+' or '-');
                }
                else
                {
                    Assert.Equal(expected.GetType(), returned?.GetType());
                    Assert.Empty(sink.Events);
                }

                data = data[frame.Length..];
            }

            Assert.Equal(full.SessionCount, fast.SessionCount);
        }

        Assert.True(checkedRoutes > 0);
    }

    [Fact]
    public void A_malformed_update_reaches_the_sink_not_at_all()
    {
        var update = new UpdateMessage(
            new[] { new Nlri(IpPrefix.Parse("10.0.0.0/8")) },
            new PathAttributes { Origin = Origin.Igp },
            new[] { new Nlri(IpPrefix.Parse("192.0.2.0/24")) });
        var bgp = BgpMessageCodec.Encode(update, BgpDecodingContext.FourOctet);
        var message = RouteMonitoring(bgp);

        var sink = new RecordingSink();
        Assert.Null(new BmpReader().DecodeRoutes(message, ref sink));
        Assert.Equal(3, sink.Events.Count);

        // A /33 in the trailing NLRI: the withdrawal before it must not be delivered either.
        message[^4] = 33;
        var failing = new RecordingSink();
        Assert.Throws<BgpDecodeException>(() => new BmpReader().DecodeRoutes(message, ref failing));
        Assert.Empty(failing.Events);
    }

    private static byte[] RouteMonitoring(byte[] bgp)
    {
        var message = new byte[6 + BmpPeerHeader.Size + bgp.Length];
        message[0] = 3;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(1), (uint)message.Length);
        message[5] = (byte)BmpMessageType.RouteMonitoring;
        message[6 + 10 + 12] = 192;
        bgp.CopyTo(message, 6 + BmpPeerHeader.Size);
        return message;
    }

    private static List<string> Expected(BmpRouteMonitoring rm)
    {
        var u = rm.Update;
        var events = new List<string> { $"peer {rm.Peer.PeerAddress} {rm.Peer.Flags} {rm.Peer.PeerAs}" };
        if (u.EndOfRibFamily is { } endOfRib)
        {
            events.Add($"end-of-rib {endOfRib}");
            return events;
        }

        events.AddRange(u.Withdrawn.Select(n => $"- {AfiSafi.IPv4Unicast} {n}"));
        if (u.MpUnreach is { } unreach)
        {
            events.AddRange(unreach.Withdrawn.Select(n => $"- {unreach.Family} {n}"));
            events.AddRange(unreach.Labeled.Select(n => $"- {unreach.Family} {n}"));
        }

        if (u.MpReach is { } reach)
        {
            events.AddRange(reach.Nlri.Select(n => $"+ {reach.Family} {n} {u.Attributes.GetHashCode()} via {string.Join(',', reach.NextHops)}"));
            events.AddRange(reach.Labeled.Select(n => $"+ {reach.Family} {n} {u.Attributes.GetHashCode()} via {string.Join(',', reach.NextHops)}"));
        }

        events.AddRange(u.Announced.Select(n => $"+ {AfiSafi.IPv4Unicast} {n} {u.Attributes.GetHashCode()} via "));
        return events;
    }

    private struct RecordingSink : IBmpRouteSink
    {
        public RecordingSink() => Events = [];

        public List<string> Events { get; }

        public readonly void BeginUpdate(in BmpRoutePeer peer) =>
            Events.Add($"peer {peer.PeerAddress.Address} {peer.Flags} {peer.PeerAs}");

        public readonly void Announce(AfiSafi family, Nlri route, PathAttributes attributes, MpReachNlri? reach) =>
            Events.Add($"+ {family} {route} {attributes.GetHashCode()} via {string.Join(',', reach?.NextHops ?? [])}");

        public readonly void Announce(AfiSafi family, in LabeledNlri route, PathAttributes attributes, MpReachNlri reach) =>
            Events.Add($"+ {family} {route} {attributes.GetHashCode()} via {string.Join(',', reach.NextHops)}");

        public readonly void Withdraw(AfiSafi family, Nlri route) => Events.Add($"- {family} {route}");

        public readonly void Withdraw(AfiSafi family, in LabeledNlri route) => Events.Add($"- {family} {route}");

        public readonly void EndOfRib(AfiSafi family) => Events.Add($"end-of-rib {family}");
    }
}
