using System.Buffers.Binary;
using System.Net;

namespace OrleansNetOps.Silo.Tests.Telemetry;

/// <summary>Writes a classic little-endian pcap of IPv4/UDP packets in Ethernet frames, for softflowd to read.</summary>
internal static class PcapWriter
{
    /// <summary>The IP length of a UDP packet with that payload: what NetFlow counts as its bytes.</summary>
    public static int IpLength(int payload) => 20 + 8 + payload;

    public static byte[] Write(IEnumerable<(DateTimeOffset Time, IPEndPoint Source, IPEndPoint Destination, int Payload)> packets)
    {
        using var file = new MemoryStream();
        var header = new byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xA1B2C3D4);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(4), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(6), 4);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), 65535);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(20), 1);
        file.Write(header);
        foreach (var (time, source, destination, payload) in packets)
        {
            var frame = Frame(source, destination, payload);
            var record = new byte[16];
            var micros = (time - DateTimeOffset.UnixEpoch).Ticks / 10;
            BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)(micros / 1_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(4), (uint)(micros % 1_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(8), (uint)frame.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(12), (uint)frame.Length);
            file.Write(record);
            file.Write(frame);
        }

        return file.ToArray();
    }

    private static byte[] Frame(IPEndPoint source, IPEndPoint destination, int payload)
    {
        var ipLength = IpLength(payload);
        var frame = new byte[Math.Max(60, 14 + ipLength)];
        frame[0] = 0x02;
        frame[6] = 0x02;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), 0x0800);
        var ip = frame.AsSpan(14, ipLength);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)ipLength);
        ip[8] = 64;
        ip[9] = 17;
        source.Address.TryWriteBytes(ip[12..], out _);
        destination.Address.TryWriteBytes(ip[16..], out _);
        uint sum = 0;
        for (var i = 0; i < 20; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(ip[i..]);
        }

        while (sum > 0xFFFF)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], (ushort)~sum);
        BinaryPrimitives.WriteUInt16BigEndian(ip[20..], (ushort)source.Port);
        BinaryPrimitives.WriteUInt16BigEndian(ip[22..], (ushort)destination.Port);
        BinaryPrimitives.WriteUInt16BigEndian(ip[24..], (ushort)(8 + payload));
        return frame;
    }
}
