using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using OrleansNetOps.Bgp.Messages;

namespace OrleansNetOps.Bgp.Bmp;

/// <summary>
/// Encodes BMP v3 messages (RFC 7854) — what a router's BMP client sends. Used by the simulated network and by
/// tests; its output decodes with <see cref="BmpReader"/> to the same records.
/// </summary>
public static class BmpWriter
{
    private const byte Version = 3;

    /// <summary>Encodes any BMP message record.</summary>
    /// <param name="message">The message.</param>
    /// <param name="context">How BGP PDUs inside are encoded (4-octet AS, ADD-PATH).</param>
    public static byte[] Encode(BmpMessage message, BgpDecodingContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        var body = new List<byte[]>();
        switch (message)
        {
            case BmpInitiation initiation:
                body.AddRange(initiation.Information.Select(Tlv));
                break;
            case BmpTermination termination:
                body.AddRange(termination.Information.Select(Tlv));
                break;
            case BmpPeerUp up:
                body.Add(PeerHeader(up.Peer));
                body.Add(Address16(up.LocalAddress));
                body.Add(UInt16(up.LocalPort));
                body.Add(UInt16(up.RemotePort));
                body.Add(BgpMessageCodec.Encode(up.SentOpen, context));
                body.Add(BgpMessageCodec.Encode(up.ReceivedOpen, context));
                body.AddRange(up.Information.Select(Tlv));
                break;
            case BmpPeerDown down:
                body.Add(PeerHeader(down.Peer));
                body.Add([down.Reason]);
                if (down.Notification is { } notification)
                {
                    body.Add(BgpMessageCodec.Encode(notification, context));
                }
                else if (down.FsmEventCode is { } fsm)
                {
                    body.Add(UInt16(fsm));
                }

                body.Add(down.Data.AsSpan().ToArray());
                break;
            case BmpRouteMonitoring monitoring:
                body.Add(PeerHeader(monitoring.Peer));
                body.Add(BgpMessageCodec.Encode(monitoring.Update, context));
                break;
            case BmpStatisticsReport statistics:
                body.Add(PeerHeader(statistics.Peer));
                body.Add(UInt32((uint)statistics.Statistics.Count));
                foreach (var statistic in statistics.Statistics)
                {
                    var value = statistic.Raw.Count > 0 ? statistic.Raw.AsSpan().ToArray() : StatisticValue(statistic);
                    body.Add(UInt16(statistic.Type));
                    body.Add(UInt16((ushort)value.Length));
                    body.Add(value);
                }

                break;
            default:
                throw new ArgumentException($"cannot encode {message.GetType().Name}", nameof(message));
        }

        var length = 6 + body.Sum(b => b.Length);
        var result = new byte[length];
        result[0] = Version;
        BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(1), (uint)length);
        result[5] = (byte)message.Type;
        var offset = 6;
        foreach (var part in body)
        {
            part.CopyTo(result, offset);
            offset += part.Length;
        }

        return result;
    }

    /// <summary>An information TLV holding text (sysDescr is type 1, sysName type 2, free text type 0).</summary>
    public static BmpInformationTlv TextTlv(ushort type, string text) => new(type, Encoding.UTF8.GetBytes(text));

    // RFC 7854 §4.8: 32-bit counters, 64-bit gauges, and AFI/SAFI-qualified 64-bit gauges.
    private static byte[] StatisticValue(BmpStatistic statistic)
    {
        if (statistic.Family is { } family)
        {
            return [.. UInt16((ushort)family.Afi), (byte)family.Safi, .. UInt64(statistic.Value)];
        }

        return statistic.Type is 7 or 8 or 14 or 15 ? UInt64(statistic.Value) : UInt32((uint)statistic.Value);
    }

    private static byte[] Tlv(BmpInformationTlv tlv)
    {
        var value = tlv.Value.AsSpan();
        var bytes = new byte[4 + value.Length];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, tlv.Type);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), (ushort)value.Length);
        value.CopyTo(bytes.AsSpan(4));
        return bytes;
    }

    private static byte[] PeerHeader(BmpPeerHeader header)
    {
        var bytes = new byte[BmpPeerHeader.Size];
        bytes[0] = (byte)header.PeerType;
        var flags = header.Flags;
        flags = header.PeerAddress.AddressFamily == AddressFamily.InterNetworkV6 ? flags | BmpPeerFlags.IPv6 : flags & ~BmpPeerFlags.IPv6;
        bytes[1] = (byte)flags;
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(2), header.Distinguisher.Value);
        Address16(header.PeerAddress).CopyTo(bytes, 10);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(26), header.PeerAs);
        header.PeerBgpId.GetAddressBytes().CopyTo(bytes, 30);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(34), header.TimestampSeconds);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(38), header.TimestampMicroseconds);
        return bytes;
    }

    // IPv4 sits in the last four of sixteen bytes (RFC 7854 §4.2).
    private static byte[] Address16(IPAddress address)
    {
        var bytes = new byte[16];
        var raw = address.GetAddressBytes();
        raw.CopyTo(bytes, 16 - raw.Length);
        return bytes;
    }

    private static byte[] UInt16(ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] UInt32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] UInt64(ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        return bytes;
    }
}
