using System.Buffers.Binary;
using System.Net;
using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Bgp.Monitoring;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.TestSupport;

namespace OrleansNetOps.Bgp.Tests.Monitoring;

/// <summary>
/// One BMP connection of a capture replayed as the router grain replays it: the exporter's TCP stream reassembled,
/// cut into frames, and applied frame by frame to a fresh <see cref="MonitoredRouter"/> with one <see cref="BmpReader"/>.
/// </summary>
internal sealed class ReplayedConnection
{
    private ReplayedConnection(IPEndPoint source, List<byte[]> frames, MonitoredRouter router, HashSet<string> twoOctetPaths)
    {
        Source = source;
        Frames = frames;
        Router = router;
        TwoOctetPaths = twoOctetPaths;
    }

    /// <summary>The exporter's end of the connection.</summary>
    public IPEndPoint Source { get; }

    /// <summary>The BMP messages, in order.</summary>
    public IReadOnlyList<byte[]> Frames { get; }

    /// <summary>The router after every frame.</summary>
    public MonitoredRouter Router { get; }

    /// <summary>
    /// Routes (<see cref="RouteId"/>) whose last announcement carried an AS_PATH that only parses with 2-octet AS
    /// numbers although the session is a 4-octet one, as FRR 8 sends its own routes.
    /// </summary>
    public IReadOnlySet<string> TwoOctetPaths { get; }

    /// <summary>Identifies a route of a connection: peer, view, family, RD, prefix, path id.</summary>
    public static string RouteId(PeerKey peer, RibView view, AfiSafi family, RouteDistinguisher? rd, Nlri route) =>
        $"{peer}|{view}|{family}|{rd}|{route}";

    /// <summary>Every BMP connection in the captures of <paramref name="folder"/>.</summary>
    public static IEnumerable<ReplayedConnection> All(string folder)
    {
        foreach (var pcap in Directory.GetFiles(folder, "*.pcap").Order(StringComparer.Ordinal))
        {
            foreach (var stream in PcapFile.ReadTcpStreams(pcap).Where(s => s.Data.Length > 0 && s.Data[0] == 3))
            {
                yield return Replay(stream);
            }
        }
    }

    private static ReplayedConnection Replay(TcpStream stream)
    {
        var frames = new List<byte[]>();
        var data = stream.Data.AsSpan();
        while (!data.IsEmpty)
        {
            var frame = BmpFraming.Frame(data);
            if (frame.Status == BmpFrameStatus.NeedMoreData)
            {
                break;
            }

            Assert.True(frame.Status == BmpFrameStatus.Complete, $"{stream.Source}: {frame.Status} {frame.Error} with {data.Length} bytes left");
            frames.Add(data[..frame.Length].ToArray());
            data = data[frame.Length..];
        }

        var router = new MonitoredRouter();
        var reader = new BmpReader();
        var inspector = new BmpReader();
        var twoOctet = new HashSet<string>();
        var arrival = DateTimeOffset.UnixEpoch;
        foreach (var frame in frames)
        {
            router.Apply(reader, frame, arrival);
            arrival = arrival.AddMilliseconds(1);
            if (inspector.Decode(frame) is BmpRouteMonitoring rm && !rm.Peer.IsLegacyAsPath)
            {
                var peer = PeerKey.Of(rm.Peer);
                var view = rm.Peer.PeerType == BmpPeerType.LocRib ? RibView.LocRib
                    : rm.Peer.IsAdjRibOut ? (rm.Peer.IsPostPolicy ? RibView.AdjOutPost : RibView.AdjOutPre)
                    : rm.Peer.IsPostPolicy ? RibView.AdjInPost : RibView.AdjInPre;
                var legacy = HasTwoOctetPath(frame);
                var update = rm.Update;
                var announced = update.Announced.Select(n => RouteId(peer, view, AfiSafi.IPv4Unicast, peer.InstanceDistinguisher, n))
                    .Concat(update.MpReach?.Nlri.Select(n => RouteId(peer, view, update.MpReach.Family, peer.InstanceDistinguisher, n)) ?? [])
                    .Concat(update.MpReach?.Labeled.Select(n => RouteId(peer, view, update.MpReach.Family, n.Distinguisher ?? peer.InstanceDistinguisher, n.Route)) ?? []);
                foreach (var id in announced)
                {
                    _ = legacy ? twoOctet.Add(id) : twoOctet.Remove(id);
                }
            }
        }

        return new ReplayedConnection(stream.Source, frames, router, twoOctet);
    }

    /// <summary>Whether the AS_PATH of a Route Monitoring frame parses only with 2-octet AS numbers.</summary>
    private static bool HasTwoOctetPath(byte[] frame)
    {
        var update = frame.AsSpan(6 + BmpPeerHeader.Size + 19);
        var withdrawn = BinaryPrimitives.ReadUInt16BigEndian(update);
        var attributes = update.Slice(4 + withdrawn, BinaryPrimitives.ReadUInt16BigEndian(update[(2 + withdrawn)..]));
        while (attributes.Length >= 3)
        {
            var extended = (attributes[0] & 0x10) != 0;
            var length = extended ? BinaryPrimitives.ReadUInt16BigEndian(attributes[2..]) : attributes[2];
            var value = attributes.Slice(extended ? 4 : 3, length);
            if (attributes[1] == 2)
            {
                return !FitsWidth(value, 4) && FitsWidth(value, 2);
            }

            attributes = attributes[((extended ? 4 : 3) + length)..];
        }

        return false;
    }

    private static bool FitsWidth(ReadOnlySpan<byte> path, int width)
    {
        var position = 0;
        while (position + 2 <= path.Length)
        {
            position += 2 + (path[position + 1] * width);
        }

        return position == path.Length;
    }
}
