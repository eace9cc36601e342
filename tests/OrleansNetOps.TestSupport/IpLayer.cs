using System.Buffers.Binary;
using System.Net;

namespace OrleansNetOps.TestSupport;

/// <summary>Takes link-layer frames down to IP payloads, reassembling IPv4 and IPv6 fragments.</summary>
internal sealed class IpLayer
{
    private const int LinkNull = 0;
    private const int LinkEthernet = 1;
    private const int LinkRawBsd1 = 12;
    private const int LinkRawBsd2 = 14;
    private const int LinkLoop = 108;
    private const int LinkRaw = 101;
    private const int LinkSll = 113;
    private const int LinkIpv4 = 228;
    private const int LinkIpv6 = 229;
    private const int LinkSll2 = 276;

    private readonly Dictionary<(IPAddress, IPAddress, int, uint), FragmentSet> fragments = [];

    public static IEnumerable<IpPacket> Decode(IEnumerable<CaptureFrame> frames)
    {
        var layer = new IpLayer();
        foreach (var frame in frames)
        {
            if (layer.TryDecode(frame, out var packet))
            {
                yield return packet;
            }
        }
    }

    private bool TryDecode(CaptureFrame frame, out IpPacket packet)
    {
        packet = default;
        var ip = StripLink(frame.LinkType, frame.Data);
        if (ip.IsEmpty)
        {
            return false;
        }

        return (ip.Span[0] >> 4) switch
        {
            4 => TryIpv4(frame.Timestamp, ip, out packet),
            6 => TryIpv6(frame.Timestamp, ip, out packet),
            _ => false,
        };
    }

    private static ReadOnlyMemory<byte> StripLink(int linkType, ReadOnlyMemory<byte> data)
    {
        var s = data.Span;
        switch (linkType)
        {
            case LinkEthernet:
            {
                if (s.Length < 14)
                {
                    return default;
                }

                var offset = 12;
                var etherType = BinaryPrimitives.ReadUInt16BigEndian(s[offset..]);
                // 802.1Q, 802.1ad and the old QinQ tag all add four bytes before the real EtherType.
                while (etherType is 0x8100 or 0x88A8 or 0x9100 && s.Length >= offset + 8)
                {
                    offset += 4;
                    etherType = BinaryPrimitives.ReadUInt16BigEndian(s[offset..]);
                }

                return etherType is 0x0800 or 0x86DD ? data[(offset + 2)..] : default;
            }

            case LinkSll:
                return s.Length >= 16 && BinaryPrimitives.ReadUInt16BigEndian(s[14..]) is 0x0800 or 0x86DD ? data[16..] : default;
            case LinkSll2:
                return s.Length >= 20 && BinaryPrimitives.ReadUInt16BigEndian(s) is 0x0800 or 0x86DD ? data[20..] : default;
            case LinkNull:
            case LinkLoop:
                return s.Length >= 4 ? data[4..] : default; // address family in either byte order; the IP version nibble decides
            case LinkRaw:
            case LinkRawBsd1:
            case LinkRawBsd2:
            case LinkIpv4:
            case LinkIpv6:
                return data;
            default:
                return default;
        }
    }

    private bool TryIpv4(DateTimeOffset time, ReadOnlyMemory<byte> ip, out IpPacket packet)
    {
        packet = default;
        var s = ip.Span;
        if (s.Length < 20)
        {
            return false;
        }

        var headerLength = (s[0] & 0x0F) * 4;
        int totalLength = BinaryPrimitives.ReadUInt16BigEndian(s[2..]);
        // Trailing Ethernet padding or FCS lies beyond the IP total length; TSO captures report 0.
        if (totalLength == 0)
        {
            totalLength = s.Length;
        }

        if (headerLength < 20 || totalLength < headerLength || totalLength > s.Length)
        {
            return false;
        }

        var source = new IPAddress(s.Slice(12, 4));
        var destination = new IPAddress(s.Slice(16, 4));
        int protocol = s[9];
        var flags = BinaryPrimitives.ReadUInt16BigEndian(s[6..]);
        var moreFragments = (flags & 0x2000) != 0;
        var fragmentOffset = (flags & 0x1FFF) * 8;
        var payload = ip[headerLength..totalLength];
        if (!moreFragments && fragmentOffset == 0)
        {
            packet = new IpPacket(time, source, destination, protocol, payload);
            return true;
        }

        var id = BinaryPrimitives.ReadUInt16BigEndian(s[4..]);
        return TryReassemble((source, destination, protocol, id), time, fragmentOffset, moreFragments, payload, out packet);
    }

    private bool TryIpv6(DateTimeOffset time, ReadOnlyMemory<byte> ip, out IpPacket packet)
    {
        packet = default;
        var s = ip.Span;
        if (s.Length < 40)
        {
            return false;
        }

        var payloadLength = BinaryPrimitives.ReadUInt16BigEndian(s[4..]);
        if (40 + payloadLength > s.Length)
        {
            return false;
        }

        var source = new IPAddress(s.Slice(8, 16));
        var destination = new IPAddress(s.Slice(24, 16));
        int next = s[6];
        var rest = ip.Slice(40, payloadLength);
        while (true)
        {
            var r = rest.Span;
            switch (next)
            {
                case 0: // hop-by-hop
                case 43: // routing
                case 60: // destination options
                {
                    if (r.Length < 8)
                    {
                        return false;
                    }

                    var len = (r[1] + 1) * 8;
                    if (len > r.Length)
                    {
                        return false;
                    }

                    next = r[0];
                    rest = rest[len..];
                    continue;
                }

                case 51: // authentication header counts its length in 4-byte units
                {
                    if (r.Length < 8)
                    {
                        return false;
                    }

                    var len = (r[1] + 2) * 4;
                    if (len > r.Length)
                    {
                        return false;
                    }

                    next = r[0];
                    rest = rest[len..];
                    continue;
                }

                case 44: // fragment
                {
                    if (r.Length < 8)
                    {
                        return false;
                    }

                    var word = BinaryPrimitives.ReadUInt16BigEndian(r[2..]);
                    var id = BinaryPrimitives.ReadUInt32BigEndian(r[4..]);
                    var fragmentOffset = (word & 0xFFF8);
                    var more = (word & 1) != 0;
                    var inner = r[0];
                    if (fragmentOffset == 0 && !more)
                    {
                        next = inner;
                        rest = rest[8..];
                        continue; // atomic fragment
                    }

                    return TryReassemble((source, destination, inner, id), time, fragmentOffset, more, rest[8..], out packet);
                }

                default:
                    packet = new IpPacket(time, source, destination, next, rest);
                    return true;
            }
        }
    }

    private bool TryReassemble((IPAddress, IPAddress, int, uint) key, DateTimeOffset time, int offset, bool more, ReadOnlyMemory<byte> data, out IpPacket packet)
    {
        packet = default;
        if (!fragments.TryGetValue(key, out var set))
        {
            set = new FragmentSet();
            fragments[key] = set;
        }

        set.Pieces[offset] = data.ToArray();
        if (!more)
        {
            set.TotalLength = offset + data.Length;
        }

        if (set.TotalLength < 0)
        {
            return false;
        }

        var assembled = new byte[set.TotalLength];
        var covered = 0;
        foreach (var (start, piece) in set.Pieces.OrderBy(p => p.Key))
        {
            if (start > covered)
            {
                return false; // still waiting for a fragment
            }

            var usable = Math.Min(piece.Length, set.TotalLength - start);
            if (usable > 0)
            {
                piece.AsSpan(0, usable).CopyTo(assembled.AsSpan(start));
                covered = Math.Max(covered, start + usable);
            }
        }

        if (covered < set.TotalLength)
        {
            return false;
        }

        fragments.Remove(key);
        packet = new IpPacket(time, key.Item1, key.Item2, key.Item3, assembled);
        return true;
    }

    private sealed class FragmentSet
    {
        public Dictionary<int, byte[]> Pieces { get; } = [];

        public int TotalLength { get; set; } = -1;
    }
}
