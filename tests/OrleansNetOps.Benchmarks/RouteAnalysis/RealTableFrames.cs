using System.Net;
using System.Net.Sockets;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Bgp.Messages;
using OrleansNetOps.Bgp.Mrt;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Benchmarks.Bgp;

namespace OrleansNetOps.Benchmarks.RouteAnalysis;

/// <summary>
/// A real full table as a router would report it over BMP: the 2015 RouteViews BGP4MP_ET dump of one eBGP peer sending
/// its table (577,740 prefix updates), each UPDATE as the peer sent it wrapped in a Route Monitoring message of that
/// peer (Adj-RIB-In, pre-policy), after a Peer Up per peer.
/// </summary>
internal sealed class RealTableFrames
{
    private RealTableFrames(byte[][] frames, long prefixUpdates)
    {
        Frames = frames;
        PrefixUpdates = prefixUpdates;
    }

    /// <summary>The framed BMP messages, in order.</summary>
    public byte[][] Frames { get; }

    /// <summary>Prefixes withdrawn or announced by the Route Monitoring messages.</summary>
    public long PrefixUpdates { get; }

    public static RealTableFrames Load()
    {
        var context = BgpDecodingContext.FourOctet;
        var frames = new List<byte[]>();
        var peers = new HashSet<IPAddress>();
        long prefixUpdates = 0;
        foreach (var record in MrtReader.Read(File.OpenRead(DataFile.Path("mrt", "bgpdump", "test_data", "updates.et-header.2015.gz"))))
        {
            if (record is not Bgp4mpMessageRecord { IsLocal: false, Message: UpdateMessage update } message)
            {
                continue;
            }

            var peering = message.Peering;
            var peer = new BmpPeerHeader(BmpPeerType.Global,
                peering.PeerAddress.AddressFamily == AddressFamily.InterNetworkV6 ? BmpPeerFlags.IPv6 : BmpPeerFlags.None,
                default, peering.PeerAddress, peering.PeerAs, peering.PeerAddress.AddressFamily == AddressFamily.InterNetwork ? peering.PeerAddress : IPAddress.Parse("192.0.2.1"),
                record.Header.Timestamp, 0);
            if (peers.Add(peering.PeerAddress))
            {
                frames.Add(BmpWriter.Encode(new BmpPeerUp(peer, peering.LocalAddress, 179, 40000,
                    Open(peering.LocalAs, "198.51.100.1"), Open(peering.PeerAs, "192.0.2.1"), default), context));
            }

            frames.Add(BmpWriter.Encode(new BmpRouteMonitoring(peer, update), context));
            prefixUpdates += update.PrefixCount;
        }

        return new RealTableFrames([.. frames], prefixUpdates);
    }

    private static OpenMessage Open(uint asn, string routerId) =>
        new(4, asn > ushort.MaxValue ? (ushort)23456 : (ushort)asn, 180, IPAddress.Parse(routerId),
            new Capability[] { new FourOctetAsCapability(asn), new MultiprotocolCapability(AfiSafi.IPv4Unicast), new MultiprotocolCapability(AfiSafi.IPv6Unicast) });
}
