using System.Buffers.Binary;

namespace OrleansNetOps.Telemetry.Tests.Capture;

/// <summary>Writes classic pcap and pcapng files so tests can feed exact, known traffic to readers and to real tools.</summary>
internal static class CaptureWriter
{
    public const int Ethernet = 1;
    public const int Raw = 101;
    public const int Sll = 113;
    public const int Sll2 = 276;

    public static byte[] Pcap(IEnumerable<(DateTimeOffset Time, byte[] Frame)> frames, int linkType, bool bigEndian = false, bool nano = false)
    {
        using var stream = new MemoryStream();
        Span<byte> header = stackalloc byte[24];
        Put32(header, nano ? 0xA1B23C4D : 0xA1B2C3D4, bigEndian);
        Put16(header[4..], 2, bigEndian);
        Put16(header[6..], 4, bigEndian);
        Put32(header[16..], 262144, bigEndian);
        Put32(header[20..], (uint)linkType, bigEndian);
        stream.Write(header);
        Span<byte> record = stackalloc byte[16];
        foreach (var (time, frame) in frames)
        {
            var sinceEpoch = time - DateTimeOffset.UnixEpoch;
            var seconds = sinceEpoch.Ticks / TimeSpan.TicksPerSecond;
            var remainder = sinceEpoch.Ticks % TimeSpan.TicksPerSecond;
            Put32(record, (uint)seconds, bigEndian);
            Put32(record[4..], (uint)(nano ? remainder * 100 : remainder / 10), bigEndian);
            Put32(record[8..], (uint)frame.Length, bigEndian);
            Put32(record[12..], (uint)frame.Length, bigEndian);
            stream.Write(record);
            stream.Write(frame);
        }

        return stream.ToArray();
    }

    /// <summary>A pcapng file with one interface, nanosecond stamps (if_tsresol = 9) and Enhanced Packet Blocks.</summary>
    public static byte[] PcapNg(IEnumerable<(DateTimeOffset Time, byte[] Frame)> frames, int linkType, bool bigEndian = false, bool simple = false)
    {
        using var stream = new MemoryStream();
        // Section header: byte-order magic, version 1.0, unknown section length.
        var shb = new byte[16];
        Put32(shb, 0x1A2B3C4D, bigEndian);
        Put16(shb.AsSpan(4), 1, bigEndian);
        BinaryPrimitives.WriteInt64LittleEndian(shb.AsSpan(8), -1);
        Block(stream, 0x0A0D0D0A, shb, bigEndian);
        var idb = new byte[8 + 8 + 4];
        Put16(idb, (ushort)linkType, bigEndian);
        Put32(idb.AsSpan(4), 262144, bigEndian);
        Put16(idb.AsSpan(8), 9, bigEndian);
        Put16(idb.AsSpan(10), 1, bigEndian);
        idb[12] = 9;
        // opt_endofopt occupies the last four bytes, already zero.
        Block(stream, 1, idb, bigEndian);
        foreach (var (time, frame) in frames)
        {
            var padded = (frame.Length + 3) & ~3;
            if (simple)
            {
                var spb = new byte[4 + padded];
                Put32(spb, (uint)frame.Length, bigEndian);
                frame.CopyTo(spb, 4);
                Block(stream, 3, spb, bigEndian);
                continue;
            }

            var body = new byte[20 + padded];
            var nanos = (ulong)(time - DateTimeOffset.UnixEpoch).Ticks * 100;
            Put32(body.AsSpan(4), (uint)(nanos >> 32), bigEndian);
            Put32(body.AsSpan(8), (uint)nanos, bigEndian);
            Put32(body.AsSpan(12), (uint)frame.Length, bigEndian);
            Put32(body.AsSpan(16), (uint)frame.Length, bigEndian);
            frame.CopyTo(body, 20);
            Block(stream, 6, body, bigEndian);
        }

        return stream.ToArray();
    }

    private static void Block(Stream stream, uint type, byte[] body, bool bigEndian)
    {
        Span<byte> word = stackalloc byte[4];
        var total = (uint)(12 + body.Length);
        Put32(word, type, bigEndian);
        stream.Write(word);
        Put32(word, total, bigEndian);
        stream.Write(word);
        stream.Write(body);
        stream.Write(word);
    }

    private static void Put32(Span<byte> s, uint v, bool be)
    {
        if (be)
        {
            BinaryPrimitives.WriteUInt32BigEndian(s, v);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(s, v);
        }
    }

    private static void Put16(Span<byte> s, ushort v, bool be)
    {
        if (be)
        {
            BinaryPrimitives.WriteUInt16BigEndian(s, v);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(s, v);
        }
    }
}
