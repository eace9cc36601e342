using System.Buffers.Binary;
using System.Net;

namespace OrleansNetOps.TestSupport;

/// <summary>
/// Reads capture files (classic pcap in either byte order with micro- or nanosecond stamps, and pcapng)
/// so tests can replay what real devices sent. Link types: Ethernet (with VLAN tags), Linux SLL/SLL2,
/// raw IP and BSD loopback; IPv4 and IPv6, with IP fragments reassembled.
/// </summary>
public static class PcapFile
{
    private const int Udp = 17;
    private const int Tcp = 6;

    /// <summary>Every UDP datagram in the capture, in capture order.</summary>
    /// <param name="path">Path of a .pcap or .pcapng file.</param>
    public static IReadOnlyList<CapturedPacket> ReadUdp(string path)
    {
        var result = new List<CapturedPacket>();
        foreach (var packet in ReadIp(path))
        {
            if (packet.Protocol != Udp || packet.Payload.Length < 8)
            {
                continue;
            }

            var s = packet.Payload.Span;
            var length = BinaryPrimitives.ReadUInt16BigEndian(s[4..]);
            // Length 0 is what jumbograms and some offloaded captures carry: take the rest of the packet.
            var end = length >= 8 && length <= s.Length ? length : s.Length;
            result.Add(new CapturedPacket(
                packet.Timestamp,
                new IPEndPoint(packet.Source, BinaryPrimitives.ReadUInt16BigEndian(s)),
                new IPEndPoint(packet.Destination, BinaryPrimitives.ReadUInt16BigEndian(s[2..])),
                packet.Payload[8..end]));
        }

        return result;
    }

    /// <summary>
    /// The TCP byte streams in the capture, one per direction of each connection (also when that direction
    /// carried no data), ordered by first appearance. Retransmitted and overlapping segments are taken once,
    /// out-of-order segments are put in sequence order, and a stream ends at the first hole the capture lost.
    /// </summary>
    /// <param name="path">Path of a .pcap or .pcapng file.</param>
    public static IReadOnlyList<TcpStream> ReadTcpStreams(string path)
    {
        var current = new Dictionary<(IPEndPoint, IPEndPoint), TcpDirection>();
        var all = new List<TcpDirection>();
        foreach (var packet in ReadIp(path))
        {
            if (packet.Protocol != Tcp || packet.Payload.Length < 20)
            {
                continue;
            }

            var s = packet.Payload.Span;
            var headerLength = (s[12] >> 4) * 4;
            if (headerLength < 20 || headerLength > s.Length)
            {
                continue;
            }

            var source = new IPEndPoint(packet.Source, BinaryPrimitives.ReadUInt16BigEndian(s));
            var destination = new IPEndPoint(packet.Destination, BinaryPrimitives.ReadUInt16BigEndian(s[2..]));
            var seq = BinaryPrimitives.ReadUInt32BigEndian(s[4..]);
            var syn = (s[13] & 0x02) != 0;
            var key = (source, destination);
            if (!current.TryGetValue(key, out var direction) || (syn && direction.StartsNewConnection(seq)))
            {
                direction = new TcpDirection(source, destination);
                current[key] = direction;
                all.Add(direction);
            }

            if (syn)
            {
                direction.Syn(seq);
            }

            var data = packet.Payload[headerLength..];
            if (!data.IsEmpty)
            {
                // A SYN may carry data (TCP Fast Open); where it lands is decided when the stream is assembled.
                direction.Add(seq, data, syn);
            }
        }

        return all.Select(d => new TcpStream(d.Source, d.Destination, d.Assemble())).ToList();
    }

    private static IEnumerable<IpPacket> ReadIp(string path) =>
        IpLayer.Decode(CaptureFileReader.Read(File.ReadAllBytes(path)));

    private sealed class TcpDirection(IPEndPoint source, IPEndPoint destination)
    {
        private readonly List<(uint Seq, ReadOnlyMemory<byte> Data, bool OnSyn)> segments = [];
        private uint? synSeq;

        public IPEndPoint Source { get; } = source;

        public IPEndPoint Destination { get; } = destination;

        public bool StartsNewConnection(uint seq) =>
            synSeq is { } known ? known != seq : segments.Count > 0;

        private bool segmentsStartAtSyn;

        public void Syn(uint seq) => synSeq = seq;

        public void Add(uint seq, ReadOnlyMemory<byte> data, bool onSyn)
        {
            segmentsStartAtSyn |= onSyn;
            segments.Add((seq, data, onSyn));
        }

        public byte[] Assemble()
        {
            if (segments.Count == 0)
            {
                return [];
            }

            if (synSeq is { } isn)
            {
                // RFC 9293: the SYN takes one sequence number, so data starts at ISN+1. Replay tools that
                // synthesise captures (pmacct's traffic reproducer among them) put data on the SYN without
                // counting it; the layout that leaves no overlap or hole is the one the sender meant.
                var rfc = Assemble(isn + 1, out var rfcClean);
                if (rfcClean || !segmentsStartAtSyn)
                {
                    return rfc;
                }

                var uncounted = Assemble(isn, out var uncountedClean);
                return uncountedClean && uncounted.Length >= rfc.Length ? uncounted : rfc;
            }

            // Capture started mid-connection: the earliest sequence number (modulo wrap) is the start.
            var origin = segments[0].Seq;
            foreach (var (seq, _, _) in segments)
            {
                if ((int)(seq - origin) < 0)
                {
                    origin = seq;
                }
            }

            return Assemble(origin, out _);
        }

        private byte[] Assemble(uint origin, out bool clean)
        {
            var ordered = segments
                .Select(x => (Offset: x.OnSyn ? 0L : (int)(x.Seq - origin), x.Data))
                .Where(x => x.Offset + x.Data.Length > 0)
                .OrderBy(x => x.Offset)
                .ToList();
            using var buffer = new MemoryStream();
            long end = 0;
            clean = true;
            foreach (var (offset, data) in ordered)
            {
                if (offset > end)
                {
                    clean = false;
                    break;
                }

                var skip = end - offset;
                if (skip > 0 && skip < data.Length)
                {
                    clean = false; // a partial overlap, not a plain retransmission
                }

                if (skip < data.Length)
                {
                    buffer.Write(data.Span[(int)skip..]);
                    end = offset + data.Length;
                }
            }

            return buffer.ToArray();
        }
    }
}
