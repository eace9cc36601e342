using System.Buffers.Binary;

namespace OrleansNetOps.TestSupport;

/// <summary>Splits classic pcap and pcapng files into frames.</summary>
internal static class CaptureFileReader
{
    private const uint PcapMicro = 0xA1B2C3D4;
    private const uint PcapNano = 0xA1B23C4D;
    private const uint SectionHeaderBlock = 0x0A0D0D0A;
    private const uint ByteOrderMagic = 0x1A2B3C4D;

    public static List<CaptureFrame> Read(byte[] file)
    {
        if (file.Length < 4)
        {
            throw new InvalidDataException("File too short to be a capture.");
        }

        var magicLe = BinaryPrimitives.ReadUInt32LittleEndian(file);
        var magicBe = BinaryPrimitives.ReadUInt32BigEndian(file);
        if (magicLe == SectionHeaderBlock)
        {
            return ReadPcapNg(file);
        }

        if (magicLe is PcapMicro or PcapNano)
        {
            return ReadPcap(file, bigEndian: false, nano: magicLe == PcapNano);
        }

        if (magicBe is PcapMicro or PcapNano)
        {
            return ReadPcap(file, bigEndian: true, nano: magicBe == PcapNano);
        }

        throw new InvalidDataException($"Unknown capture file magic 0x{magicBe:X8}.");
    }

    private static uint U32(ReadOnlySpan<byte> s, bool be) =>
        be ? BinaryPrimitives.ReadUInt32BigEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s);

    private static ushort U16(ReadOnlySpan<byte> s, bool be) =>
        be ? BinaryPrimitives.ReadUInt16BigEndian(s) : BinaryPrimitives.ReadUInt16LittleEndian(s);

    private static List<CaptureFrame> ReadPcap(byte[] file, bool bigEndian, bool nano)
    {
        if (file.Length < 24)
        {
            throw new InvalidDataException("Truncated pcap file header.");
        }

        // The upper bits of the link-type field carry FCS information in newer writers.
        var linkType = (int)(U32(file.AsSpan(20), bigEndian) & 0x0FFF_FFFF);
        var frames = new List<CaptureFrame>();
        var offset = 24;
        while (offset + 16 <= file.Length)
        {
            var span = file.AsSpan(offset);
            long seconds = U32(span, bigEndian);
            long fraction = U32(span[4..], bigEndian);
            var captured = (int)U32(span[8..], bigEndian);
            offset += 16;
            if (captured < 0 || offset + captured > file.Length)
            {
                break; // a capture cut off mid-record: keep what was complete
            }

            var ticks = seconds * TimeSpan.TicksPerSecond + (nano ? fraction / 100 : fraction * 10);
            frames.Add(new CaptureFrame(DateTimeOffset.UnixEpoch.AddTicks(ticks), linkType, file.AsMemory(offset, captured)));
            offset += captured;
        }

        return frames;
    }

    private static List<CaptureFrame> ReadPcapNg(byte[] file)
    {
        var frames = new List<CaptureFrame>();
        var interfaces = new List<(int LinkType, int Exponent, bool Binary)>();
        var bigEndian = false;
        var offset = 0;
        while (offset + 12 <= file.Length)
        {
            var span = file.AsSpan(offset);
            var rawType = BinaryPrimitives.ReadUInt32LittleEndian(span);
            if (rawType == SectionHeaderBlock)
            {
                // The byte-order magic decides how everything in this section, including lengths, is read.
                bigEndian = BinaryPrimitives.ReadUInt32LittleEndian(span[8..]) != ByteOrderMagic;
                interfaces.Clear();
            }

            var type = U32(span, bigEndian);
            var length = (int)U32(span[4..], bigEndian);
            if (length < 12 || offset + length > file.Length)
            {
                break;
            }

            var body = file.AsMemory(offset + 8, length - 12);
            switch (type)
            {
                case 1: // interface description
                    interfaces.Add(ReadInterface(body.Span, bigEndian));
                    break;
                case 6: // enhanced packet
                case 2: // obsolete packet block
                {
                    var b = body.Span;
                    var ifIndex = type == 6 ? (int)U32(b, bigEndian) : U16(b, bigEndian);
                    var stamp = ((ulong)U32(b[4..], bigEndian) << 32) | U32(b[8..], bigEndian);
                    var captured = (int)U32(b[12..], bigEndian);
                    if (ifIndex < interfaces.Count && captured >= 0 && 20 + captured <= b.Length)
                    {
                        var iface = interfaces[ifIndex];
                        frames.Add(new CaptureFrame(ToTime(stamp, iface.Exponent, iface.Binary), iface.LinkType, body.Slice(20, captured)));
                    }

                    break;
                }

                case 3: // simple packet: no interface id, no timestamp
                {
                    var original = (int)U32(body.Span, bigEndian);
                    var captured = Math.Min(original, body.Length - 4);
                    if (interfaces.Count > 0 && captured >= 0)
                    {
                        frames.Add(new CaptureFrame(DateTimeOffset.UnixEpoch, interfaces[0].LinkType, body.Slice(4, captured)));
                    }

                    break;
                }
            }

            offset += length;
        }

        return frames;
    }

    private static (int LinkType, int Exponent, bool Binary) ReadInterface(ReadOnlySpan<byte> body, bool bigEndian)
    {
        var linkType = U16(body, bigEndian);
        int exponent = 6;
        var binary = false;
        var options = body[8..];
        while (options.Length >= 4)
        {
            var code = U16(options, bigEndian);
            var len = U16(options[2..], bigEndian);
            if (code == 0 || 4 + len > options.Length)
            {
                break;
            }

            if (code == 9 && len >= 1)
            {
                var v = options[4];
                binary = (v & 0x80) != 0;
                exponent = v & 0x7F;
            }

            options = options[Math.Min(options.Length, 4 + ((len + 3) & ~3))..];
        }

        return (linkType, exponent, binary);
    }

    private static DateTimeOffset ToTime(ulong stamp, int exponent, bool binary)
    {
        UInt128 ticks;
        if (binary)
        {
            ticks = ((UInt128)stamp * 10_000_000) >> exponent;
        }
        else if (exponent <= 7)
        {
            ticks = (UInt128)stamp * Pow10(7 - exponent);
        }
        else
        {
            ticks = stamp / Pow10(exponent - 7);
        }

        return DateTimeOffset.UnixEpoch.AddTicks((long)ticks);
    }

    private static ulong Pow10(int n)
    {
        ulong v = 1;
        for (var i = 0; i < n; i++)
        {
            v *= 10;
        }

        return v;
    }
}
