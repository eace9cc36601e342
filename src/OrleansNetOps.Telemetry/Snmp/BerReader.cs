using System.Globalization;
using System.Text;
using OrleansNetOps.Telemetry.Parsing;

namespace OrleansNetOps.Telemetry.Snmp;

/// <summary>
/// Reads the BER subset SNMP uses (definite lengths, single-byte tags). Faults throw
/// <see cref="TelemetryFormatException"/> with the absolute offset of the offending byte.
/// </summary>
public ref struct BerReader
{
    private readonly ReadOnlySpan<byte> data;
    private readonly int baseOffset;
    private int position;

    /// <summary>Creates a reader over <paramref name="data"/>, whose first byte is at <paramref name="baseOffset"/> in the whole message.</summary>
    public BerReader(ReadOnlySpan<byte> data, int baseOffset = 0)
    {
        this.data = data;
        this.baseOffset = baseOffset;
        position = 0;
    }

    /// <summary>Absolute offset of the next byte.</summary>
    public readonly int Offset => baseOffset + position;

    /// <summary>True when all bytes have been read.</summary>
    public readonly bool IsEmpty => position >= data.Length;

    /// <summary>The next element's tag without consuming it.</summary>
    public readonly byte PeekTag()
    {
        if (position >= data.Length)
        {
            throw new TelemetryFormatException("expected a BER element, found end of data", Offset);
        }

        return data[position];
    }

    /// <summary>Reads one element's tag and contents.</summary>
    /// <param name="tag">The element's tag byte.</param>
    /// <param name="contentOffset">Absolute offset of the contents.</param>
    public ReadOnlySpan<byte> ReadElement(out byte tag, out int contentOffset)
    {
        var start = Offset;
        tag = PeekTag();
        if ((tag & 0x1F) == 0x1F)
        {
            throw new TelemetryFormatException($"multi-byte BER tag 0x{tag:X2} is not used by SNMP", start);
        }

        position++;
        if (position >= data.Length)
        {
            throw new TelemetryFormatException("BER length missing", Offset);
        }

        int length = data[position++];
        if (length == 0x80)
        {
            throw new TelemetryFormatException("indefinite BER length is not allowed in SNMP", Offset - 1);
        }

        if (length > 0x80)
        {
            var count = length & 0x7F;
            if (count > 4)
            {
                throw new TelemetryFormatException($"BER length of {count} bytes is too large", Offset - 1);
            }

            if (data.Length - position < count)
            {
                throw new TelemetryFormatException("BER length truncated", Offset);
            }

            long value = 0;
            for (var i = 0; i < count; i++)
            {
                value = (value << 8) | data[position++];
            }

            if (value > int.MaxValue)
            {
                throw new TelemetryFormatException($"BER length {value} is too large", Offset - count - 1);
            }

            length = (int)value;
        }

        if (data.Length - position < length)
        {
            throw new TelemetryFormatException($"BER element (tag 0x{tag:X2}) of length {length} overruns the {data.Length - position} bytes left", start);
        }

        contentOffset = Offset;
        var content = data.Slice(position, length);
        position += length;
        return content;
    }

    /// <summary>Reads an element and checks its tag.</summary>
    public ReadOnlySpan<byte> Expect(byte expectedTag, string what, out int contentOffset)
    {
        var start = Offset;
        var content = ReadElement(out var tag, out contentOffset);
        if (tag != expectedTag)
        {
            throw new TelemetryFormatException($"expected {what} (tag 0x{expectedTag:X2}), found tag 0x{tag:X2}", start);
        }

        return content;
    }

    /// <summary>Reads a SEQUENCE (or other constructed element) and returns a reader over its contents.</summary>
    public BerReader ReadConstructed(byte expectedTag, string what)
    {
        var content = Expect(expectedTag, what, out var at);
        return new BerReader(content, at);
    }

    /// <summary>Reads an INTEGER.</summary>
    public long ReadInteger(string what)
    {
        var content = Expect(0x02, what, out var at);
        return DecodeSigned(content, at);
    }

    /// <summary>Reads an OCTET STRING.</summary>
    public ReadOnlySpan<byte> ReadOctetString(string what) => Expect(0x04, what, out _);

    /// <summary>Reads an OBJECT IDENTIFIER in dotted form.</summary>
    public string ReadOid(string what)
    {
        var content = Expect(0x06, what, out var at);
        return DecodeOid(content, at);
    }

    /// <summary>Two's-complement integer of 1-8 bytes.</summary>
    public static long DecodeSigned(ReadOnlySpan<byte> content, int offset)
    {
        if (content.IsEmpty || content.Length > 8)
        {
            throw new TelemetryFormatException($"INTEGER must be 1-8 bytes, found {content.Length}", offset);
        }

        long value = (sbyte)content[0];
        for (var i = 1; i < content.Length; i++)
        {
            value = (value << 8) | content[i];
        }

        return value;
    }

    /// <summary>
    /// Unsigned integer (Counter32, Gauge32, TimeTicks, Counter64). Allows the leading zero byte BER needs when the
    /// top bit is set, and also tolerates agents that omit it.
    /// </summary>
    public static ulong DecodeUnsigned(ReadOnlySpan<byte> content, int offset, int maxBits)
    {
        var trimmed = content.Length > 1 && content[0] == 0 ? content[1..] : content;
        if (content.IsEmpty || trimmed.Length * 8 > maxBits)
        {
            throw new TelemetryFormatException($"unsigned {maxBits}-bit value has an invalid {content.Length}-byte encoding", offset);
        }

        ulong value = 0;
        foreach (var b in trimmed)
        {
            value = (value << 8) | b;
        }

        return value;
    }

    /// <summary>Dotted OID from its BER contents.</summary>
    public static string DecodeOid(ReadOnlySpan<byte> content, int offset)
    {
        if (content.IsEmpty)
        {
            throw new TelemetryFormatException("OBJECT IDENTIFIER is empty", offset);
        }

        var sb = new StringBuilder(content.Length * 3);
        var first = true;
        ulong arc = 0;
        var arcBytes = 0;
        for (var i = 0; i < content.Length; i++)
        {
            var b = content[i];
            if (arcBytes == 0 && b == 0x80)
            {
                throw new TelemetryFormatException("OID sub-identifier has a redundant leading 0x80 byte", offset + i);
            }

            arc = (arc << 7) | (uint)(b & 0x7F);
            arcBytes++;
            if (arcBytes > 9)
            {
                throw new TelemetryFormatException("OID sub-identifier is larger than 63 bits", offset + i);
            }

            if ((b & 0x80) != 0)
            {
                continue;
            }

            if (first)
            {
                // The first sub-identifier packs the first two arcs as 40 * X + Y.
                var x = Math.Min(arc / 40, 2);
                sb.Append(x.ToString(CultureInfo.InvariantCulture)).Append('.').Append((arc - (40 * x)).ToString(CultureInfo.InvariantCulture));
                first = false;
            }
            else
            {
                sb.Append('.').Append(arc.ToString(CultureInfo.InvariantCulture));
            }

            arc = 0;
            arcBytes = 0;
        }

        if (arcBytes != 0)
        {
            throw new TelemetryFormatException("OID ends inside a sub-identifier", offset + content.Length - 1);
        }

        return sb.ToString();
    }
}
