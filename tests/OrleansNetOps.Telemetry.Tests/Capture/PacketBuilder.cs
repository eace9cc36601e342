using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace OrleansNetOps.Telemetry.Tests.Capture;

/// <summary>Builds IP packets and link-layer frames for synthetic captures.</summary>
internal static class PacketBuilder
{
    public static byte[] Udp(IPEndPoint source, IPEndPoint destination, ReadOnlySpan<byte> payload)
    {
        var udp = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(udp, (ushort)source.Port);
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(2), (ushort)destination.Port);
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(4), (ushort)udp.Length);
        payload.CopyTo(udp.AsSpan(8));
        return Ip(source.Address, destination.Address, 17, udp);
    }

    public static byte[] Tcp(IPEndPoint source, IPEndPoint destination, uint seq, byte flags, ReadOnlySpan<byte> payload)
    {
        var tcp = new byte[20 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(tcp, (ushort)source.Port);
        BinaryPrimitives.WriteUInt16BigEndian(tcp.AsSpan(2), (ushort)destination.Port);
        BinaryPrimitives.WriteUInt32BigEndian(tcp.AsSpan(4), seq);
        tcp[12] = 5 << 4;
        tcp[13] = flags;
        BinaryPrimitives.WriteUInt16BigEndian(tcp.AsSpan(14), 65535);
        payload.CopyTo(tcp.AsSpan(20));
        return Ip(source.Address, destination.Address, 6, tcp);
    }

    public static byte[] Ip(IPAddress source, IPAddress destination, byte protocol, ReadOnlySpan<byte> payload) =>
        source.AddressFamily == AddressFamily.InterNetwork
            ? Ipv4(source, destination, protocol, payload, 0, 0, false)
            : Ipv6(source, destination, protocol, payload);

    public static byte[] Ipv4(IPAddress source, IPAddress destination, byte protocol, ReadOnlySpan<byte> payload, ushort id, int fragmentOffset, bool more)
    {
        var p = new byte[20 + payload.Length];
        p[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(p.AsSpan(2), (ushort)p.Length);
        BinaryPrimitives.WriteUInt16BigEndian(p.AsSpan(4), id);
        BinaryPrimitives.WriteUInt16BigEndian(p.AsSpan(6), (ushort)((more ? 0x2000 : 0) | (fragmentOffset / 8)));
        p[8] = 64;
        p[9] = protocol;
        source.TryWriteBytes(p.AsSpan(12), out _);
        destination.TryWriteBytes(p.AsSpan(16), out _);
        uint sum = 0;
        for (var i = 0; i < 20; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(p.AsSpan(i));
        }

        while (sum > 0xFFFF)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        BinaryPrimitives.WriteUInt16BigEndian(p.AsSpan(10), (ushort)~sum);
        payload.CopyTo(p.AsSpan(20));
        return p;
    }

    public static byte[] Ipv6(IPAddress source, IPAddress destination, byte protocol, ReadOnlySpan<byte> payload)
    {
        var p = new byte[40 + payload.Length];
        p[0] = 0x60;
        BinaryPrimitives.WriteUInt16BigEndian(p.AsSpan(4), (ushort)payload.Length);
        p[6] = protocol;
        p[7] = 64;
        source.TryWriteBytes(p.AsSpan(8), out _);
        destination.TryWriteBytes(p.AsSpan(24), out _);
        payload.CopyTo(p.AsSpan(40));
        return p;
    }

    /// <summary>An IPv6 packet carrying one fragment of <paramref name="whole"/> (the upper-layer packet).</summary>
    public static byte[] Ipv6Fragment(IPAddress source, IPAddress destination, byte protocol, ReadOnlySpan<byte> whole, int offset, int length, uint id)
    {
        var more = offset + length < whole.Length;
        var fragment = new byte[8 + length];
        fragment[0] = protocol;
        BinaryPrimitives.WriteUInt16BigEndian(fragment.AsSpan(2), (ushort)(offset | (more ? 1 : 0)));
        BinaryPrimitives.WriteUInt32BigEndian(fragment.AsSpan(4), id);
        whole.Slice(offset, length).CopyTo(fragment.AsSpan(8));
        return Ipv6(source, destination, 44, fragment);
    }

    /// <summary>Wraps an IP packet in an Ethernet frame, optionally with 802.1Q tags, padding it to the 60-byte minimum.</summary>
    public static byte[] Ethernet(ReadOnlySpan<byte> ip, params ushort[] vlans)
    {
        var header = 14 + 4 * vlans.Length;
        var frame = new byte[Math.Max(60, header + ip.Length)];
        frame[0] = 0x02;
        frame[6] = 0x02;
        frame[11] = 1;
        var offset = 12;
        foreach (var vlan in vlans)
        {
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(offset), 0x8100);
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(offset + 2), vlan);
            offset += 4;
        }

        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(offset), (ushort)((ip[0] >> 4) == 4 ? 0x0800 : 0x86DD));
        ip.CopyTo(frame.AsSpan(offset + 2));
        return frame;
    }

    public static byte[] LinuxSll(ReadOnlySpan<byte> ip)
    {
        var frame = new byte[16 + ip.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), 1);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(4), 6);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(14), (ushort)((ip[0] >> 4) == 4 ? 0x0800 : 0x86DD));
        ip.CopyTo(frame.AsSpan(16));
        return frame;
    }

    public static byte[] LinuxSll2(ReadOnlySpan<byte> ip)
    {
        var frame = new byte[20 + ip.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)((ip[0] >> 4) == 4 ? 0x0800 : 0x86DD));
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), 2);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(8), 1);
        frame[11] = 6;
        ip.CopyTo(frame.AsSpan(20));
        return frame;
    }
}
