using System.Buffers.Binary;
using OrleansNetOps.Bgp.Wire;

namespace OrleansNetOps.Bgp.Prefixes;

/// <summary>Reads and writes the length-prefixed prefix encoding shared by UPDATE, MP_REACH and MRT.</summary>
internal static class NlriCodec
{
    public static EquatableArray<Nlri> DecodeAll(WireReader reader, bool isIPv6, bool addPath, string field)
    {
        if (reader.IsEmpty)
        {
            return EquatableArray<Nlri>.Empty;
        }

        // Counting first lets the result be one exact-size array instead of a growing list.
        var count = Count(reader.Rest, addPath);
        var result = new Nlri[count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = DecodeOne(ref reader, isIPv6, addPath, field);
        }

        if (!reader.IsEmpty)
        {
            throw reader.Error(field, "trailing bytes after the last prefix");
        }

        return result;
    }

    public static Nlri DecodeOne(ref WireReader reader, bool isIPv6, bool addPath, string field)
    {
        // Fast path for well-formed input: the checked path below builds its field names by concatenation,
        // which allocated two strings per prefix — most of what decoding a table transfer allocated.
        var rest = reader.Rest;
        var idLength = addPath ? 4 : 0;
        if (rest.Length > idLength)
        {
            int length = rest[idLength];
            var byteCount = (length + 7) / 8;
            if (length <= (isIPv6 ? 128 : 32) && rest.Length >= idLength + 1 + byteCount)
            {
                uint? pathId = addPath ? BinaryPrimitives.ReadUInt32BigEndian(rest) : null;
                var bytes = rest.Slice(idLength + 1, byteCount);
                IpPrefix prefix;
                if (isIPv6)
                {
                    prefix = IpPrefix.FromBytes(true, bytes, length);
                }
                else
                {
                    var address = 0u;
                    for (var i = 0; i < bytes.Length; i++)
                    {
                        address |= (uint)bytes[i] << (24 - (8 * i));
                    }

                    prefix = IpPrefix.FromIPv4(address, length);
                }

                reader.Skip(idLength + 1 + byteCount, field);
                return new Nlri(prefix, pathId);
            }
        }

        return DecodeOneChecked(ref reader, isIPv6, addPath, field);
    }

    private static Nlri DecodeOneChecked(ref WireReader reader, bool isIPv6, bool addPath, string field)
    {
        uint? pathId = addPath ? reader.ReadUInt32(field + " path identifier") : null;
        var lengthOffset = reader.Offset;
        var length = reader.ReadByte(field + " prefix length");
        var max = isIPv6 ? 128 : 32;
        if (length > max)
        {
            throw new BgpDecodeException(field + " prefix length", lengthOffset, $"{length} exceeds {max}");
        }

        var bytes = reader.ReadBytes((length + 7) / 8, field + " prefix");
        return new Nlri(IpPrefix.FromBytes(isIPv6, bytes, length), pathId);
    }

    /// <summary>Walks the NLRI without keeping them, throwing as <see cref="DecodeAll"/> would.</summary>
    public static void Validate(WireReader reader, bool isIPv6, bool addPath, string field)
    {
        while (!reader.IsEmpty)
        {
            DecodeOne(ref reader, isIPv6, addPath, field);
        }
    }

    public static IpPrefix DecodePrefix(ref WireReader reader, bool isIPv6, string field) =>
        DecodeOne(ref reader, isIPv6, false, field).Prefix;

    public static void Encode(WireWriter writer, ReadOnlySpan<Nlri> nlri, bool addPath)
    {
        Span<byte> address = stackalloc byte[16];
        foreach (var entry in nlri)
        {
            if (addPath)
            {
                writer.WriteUInt32(entry.PathId ?? 0);
            }

            writer.WriteByte((byte)entry.Prefix.Length);
            entry.Prefix.WriteAddress(address);
            writer.WriteBytes(address[..entry.Prefix.WireByteCount]);
        }
    }

    private static int Count(ReadOnlySpan<byte> span, bool addPath)
    {
        var count = 0;
        var position = 0;
        var idLength = addPath ? 4 : 0;
        while (position < span.Length)
        {
            var lengthAt = position + idLength;
            if (lengthAt >= span.Length)
            {
                // Let DecodeOne report the truncation with its precise offset.
                return count + 1;
            }

            position = lengthAt + 1 + ((span[lengthAt] + 7) / 8);
            count++;
        }

        return count;
    }
}
