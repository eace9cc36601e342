using System.Buffers;
using System.Net;
using OrleansNetOps.Bgp.Messages;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Bgp.Wire;

namespace OrleansNetOps.Bgp.Attributes;

/// <summary>Decodes and encodes the path-attribute block of an UPDATE or an MRT RIB entry.</summary>
internal static class PathAttributeCodec
{
    /// <param name="block">The attribute bytes.</param>
    /// <param name="baseOffset">Offset of <paramref name="block"/> in the outer message, for errors.</param>
    /// <param name="context">AS width and ADD-PATH families.</param>
    /// <param name="interner">Optional interner; enables the wire-bytes cache.</param>
    /// <param name="ribFamily">
    /// Set for MRT TABLE_DUMP_V2 entries, whose MP_REACH_NLRI may be abbreviated to the next hop only
    /// (RFC 6396 section 4.3.4); the family then comes from the RIB record.
    /// </param>
    /// <param name="reach">MP_REACH_NLRI, if present.</param>
    /// <param name="unreach">MP_UNREACH_NLRI, if present.</param>
    public static PathAttributes Decode(
        ReadOnlySpan<byte> block,
        int baseOffset,
        BgpDecodingContext context,
        AttributeSetInterner? interner,
        AfiSafi? ribFamily,
        out MpReachNlri? reach,
        out MpUnreachNlri? unreach)
    {
        reach = null;
        unreach = null;
        var multiprotocol = false;
        if (interner is null || !WithoutMultiprotocol(block, out multiprotocol))
        {
            var decoded = DecodeAll(block, baseOffset, context, ribFamily, out reach, out unreach);
            return interner?.Intern(decoded) ?? decoded;
        }

        if (multiprotocol)
        {
            return DecodeCachedWithoutMultiprotocol(block, baseOffset, context, interner, ribFamily, out reach, out unreach);
        }

        if (interner.TryGetByWire(context.FourOctetAs, block, out var cached))
        {
            return cached;
        }

        var attributes = interner.Intern(DecodeAll(block, baseOffset, context, ribFamily, out reach, out unreach));
        interner.AddByWire(context.FourOctetAs, block, attributes);
        return attributes;
    }

    /// <summary>
    /// The wire cache for a block with MP_REACH/MP_UNREACH keys on the block without them: they carry the prefixes and
    /// the next hop, which PathAttributes does not hold, so a table transfer of any family hits the cache and decodes
    /// only those two attributes.
    /// </summary>
    private static PathAttributes DecodeCachedWithoutMultiprotocol(
        ReadOnlySpan<byte> block,
        int baseOffset,
        BgpDecodingContext context,
        AttributeSetInterner interner,
        AfiSafi? ribFamily,
        out MpReachNlri? reach,
        out MpUnreachNlri? unreach)
    {
        byte[]? rented = null;
        var buffer = block.Length <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(block.Length));
        try
        {
            var key = buffer[..CopyWithoutMultiprotocol(block, buffer)];
            if (interner.TryGetByWire(context.FourOctetAs, key, out var cached))
            {
                DecodeMultiprotocol(block, baseOffset, context, ribFamily, out reach, out unreach);
                return cached;
            }

            var attributes = interner.Intern(DecodeAll(block, baseOffset, context, ribFamily, out reach, out unreach));
            interner.AddByWire(context.FourOctetAs, key, attributes);
            return attributes;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Decodes only MP_REACH_NLRI and MP_UNREACH_NLRI of a block whose other attributes came from the cache.</summary>
    private static void DecodeMultiprotocol(
        ReadOnlySpan<byte> block, int baseOffset, BgpDecodingContext context, AfiSafi? ribFamily, out MpReachNlri? reach, out MpUnreachNlri? unreach)
    {
        reach = null;
        unreach = null;
        var reader = new WireReader(block, baseOffset);
        while (!reader.IsEmpty)
        {
            var headerOffset = reader.Offset;
            var flags = (PathAttributeFlags)reader.ReadByte("attribute flags");
            var typeCode = reader.ReadByte("attribute type");
            int length = (flags & PathAttributeFlags.ExtendedLength) != 0 ? reader.ReadUInt16("attribute length") : reader.ReadByte("attribute length");
            var value = reader.ReadNested(length, "attribute value");
            if (typeCode is (byte)PathAttributeType.MpReachNlri or (byte)PathAttributeType.MpUnreachNlri)
            {
                var name = Name(typeCode);
                CheckFlags(flags, typeCode, name, headerOffset);
                DecodeMultiprotocol(typeCode, value, length, context, ribFamily, name, ref reach, ref unreach);
            }
        }
    }

    private static void DecodeMultiprotocol(
        byte typeCode, WireReader value, int length, BgpDecodingContext context, AfiSafi? ribFamily, string name, ref MpReachNlri? reach, ref MpUnreachNlri? unreach)
    {
        if (typeCode == (byte)PathAttributeType.MpReachNlri)
        {
            reach = ribFamily is { } family && length > 0 && value.Rest[0] == length - 1
                ? new MpReachNlri(family, value.Rest[1..].ToArray(), default, default)
                : DecodeMpReach(value, context, name);
        }
        else
        {
            unreach = DecodeMpUnreach(value, context, name);
        }
    }

    private static PathAttributes DecodeAll(
        ReadOnlySpan<byte> block, int baseOffset, BgpDecodingContext context, AfiSafi? ribFamily, out MpReachNlri? reach, out MpUnreachNlri? unreach)
    {
        reach = null;
        unreach = null;
        var reader = new WireReader(block, baseOffset);
        Origin? origin = null;
        AsPath? asPath = null;
        AsPath? as4Path = null;
        IPAddress? nextHop = null;
        uint? med = null;
        uint? localPref = null;
        var atomic = false;
        Aggregator? aggregator = null;
        Aggregator? as4Aggregator = null;
        EquatableArray<Community> communities = default;
        IPAddress? originatorId = null;
        EquatableArray<IPAddress> clusterList = default;
        EquatableArray<ExtendedCommunity> extended = default;
        EquatableArray<LargeCommunity> large = default;
        List<RawPathAttribute>? unknown = null;

        while (!reader.IsEmpty)
        {
            var headerOffset = reader.Offset;
            var flags = (PathAttributeFlags)reader.ReadByte("attribute flags");
            var typeCode = reader.ReadByte("attribute type");
            var name = Name(typeCode);
            int length = (flags & PathAttributeFlags.ExtendedLength) != 0
                ? reader.ReadUInt16(name + " length")
                : reader.ReadByte(name + " length");
            var valueOffset = reader.Offset;
            var value = reader.ReadNested(length, name + " value");
            CheckFlags(flags, typeCode, name, headerOffset);

            switch ((PathAttributeType)typeCode)
            {
                case PathAttributeType.Origin:
                    ExpectLength(length, 1, name, valueOffset);
                    var originValue = value.ReadByte(name);
                    if (originValue > 2)
                    {
                        throw new BgpDecodeException(name, valueOffset, $"invalid value {originValue}");
                    }

                    origin = (Origin)originValue;
                    break;
                case PathAttributeType.AsPath:
                    asPath = DecodeAsPath(value, context.FourOctetAs, name);
                    break;
                case PathAttributeType.As4Path:
                    as4Path = DecodeAsPath(value, true, name);
                    break;
                case PathAttributeType.NextHop:
                    ExpectLength(length, 4, name, valueOffset);
                    nextHop = new IPAddress(value.ReadBytes(4, name));
                    break;
                case PathAttributeType.MultiExitDisc:
                    ExpectLength(length, 4, name, valueOffset);
                    med = value.ReadUInt32(name);
                    break;
                case PathAttributeType.LocalPref:
                    ExpectLength(length, 4, name, valueOffset);
                    localPref = value.ReadUInt32(name);
                    break;
                case PathAttributeType.AtomicAggregate:
                    ExpectLength(length, 0, name, valueOffset);
                    atomic = true;
                    break;
                case PathAttributeType.Aggregator:
                    aggregator = length switch
                    {
                        6 => new Aggregator(value.ReadUInt16(name + " AS"), new IPAddress(value.ReadBytes(4, name + " address"))),
                        8 => new Aggregator(value.ReadUInt32(name + " AS"), new IPAddress(value.ReadBytes(4, name + " address"))),
                        _ => throw new BgpDecodeException(name + " length", valueOffset, $"{length} is neither 6 nor 8"),
                    };
                    break;
                case PathAttributeType.As4Aggregator:
                    ExpectLength(length, 8, name, valueOffset);
                    as4Aggregator = new Aggregator(value.ReadUInt32(name + " AS"), new IPAddress(value.ReadBytes(4, name + " address")));
                    break;
                case PathAttributeType.Communities:
                    ExpectMultiple(length, 4, name, valueOffset);
                    var communityArray = new Community[length / 4];
                    for (var i = 0; i < communityArray.Length; i++)
                    {
                        communityArray[i] = new Community(value.ReadUInt32(name));
                    }

                    communities = communityArray;
                    break;
                case PathAttributeType.OriginatorId:
                    ExpectLength(length, 4, name, valueOffset);
                    originatorId = new IPAddress(value.ReadBytes(4, name));
                    break;
                case PathAttributeType.ClusterList:
                    ExpectMultiple(length, 4, name, valueOffset);
                    var clusters = new IPAddress[length / 4];
                    for (var i = 0; i < clusters.Length; i++)
                    {
                        clusters[i] = new IPAddress(value.ReadBytes(4, name));
                    }

                    clusterList = clusters;
                    break;
                case PathAttributeType.ExtendedCommunities:
                    ExpectMultiple(length, 8, name, valueOffset);
                    var extendedArray = new ExtendedCommunity[length / 8];
                    for (var i = 0; i < extendedArray.Length; i++)
                    {
                        extendedArray[i] = new ExtendedCommunity(value.ReadUInt64(name));
                    }

                    extended = extendedArray;
                    break;
                case PathAttributeType.LargeCommunities:
                    ExpectMultiple(length, 12, name, valueOffset);
                    var largeArray = new LargeCommunity[length / 12];
                    for (var i = 0; i < largeArray.Length; i++)
                    {
                        largeArray[i] = new LargeCommunity(value.ReadUInt32(name), value.ReadUInt32(name), value.ReadUInt32(name));
                    }

                    large = largeArray;
                    break;
                case PathAttributeType.MpReachNlri or PathAttributeType.MpUnreachNlri:
                    DecodeMultiprotocol(typeCode, value, length, context, ribFamily, name, ref reach, ref unreach);
                    break;
                default:
                    (unknown ??= []).Add(new RawPathAttribute(flags, typeCode, value.Rest.ToArray()));
                    break;
            }
        }

        return new PathAttributes
        {
            Origin = origin,
            AsPath = asPath,
            As4Path = as4Path,
            NextHop = nextHop,
            MultiExitDisc = med,
            LocalPref = localPref,
            AtomicAggregate = atomic,
            Aggregator = aggregator,
            As4Aggregator = as4Aggregator,
            Communities = communities,
            OriginatorId = originatorId,
            ClusterList = clusterList,
            ExtendedCommunities = extended,
            LargeCommunities = large,
            Unrecognized = unknown?.ToArray() ?? default(EquatableArray<RawPathAttribute>),
        };
    }

    public static void Encode(
        WireWriter writer,
        PathAttributes attributes,
        MpReachNlri? reach,
        MpUnreachNlri? unreach,
        BgpDecodingContext context)
    {
        var unknown = attributes.Unrecognized.AsSpan();
        var pending = 0;

        void FlushUnknownBefore(int typeCode, ref int next, ReadOnlySpan<RawPathAttribute> raw)
        {
            while (next < raw.Length && raw[next].TypeCode < typeCode)
            {
                var attribute = raw[next++];
                var start = Begin(writer, attribute.Flags, attribute.TypeCode);
                writer.WriteBytes(attribute.Value.AsSpan());
                End(writer, start, (attribute.Flags & PathAttributeFlags.ExtendedLength) != 0);
            }
        }

        const PathAttributeFlags wellKnown = PathAttributeFlags.Transitive;
        const PathAttributeFlags optional = PathAttributeFlags.Optional;
        const PathAttributeFlags optionalTransitive = PathAttributeFlags.Optional | PathAttributeFlags.Transitive;

        if (attributes.Origin is { } origin)
        {
            FlushUnknownBefore(1, ref pending, unknown);
            var start = Begin(writer, wellKnown, PathAttributeType.Origin);
            writer.WriteByte((byte)origin);
            End(writer, start);
        }

        if (attributes.AsPath is { } asPath)
        {
            FlushUnknownBefore(2, ref pending, unknown);
            var start = Begin(writer, wellKnown, PathAttributeType.AsPath);
            EncodeAsPath(writer, asPath, context.FourOctetAs);
            End(writer, start);
        }

        if (attributes.NextHop is { } nextHop)
        {
            FlushUnknownBefore(3, ref pending, unknown);
            var start = Begin(writer, wellKnown, PathAttributeType.NextHop);
            writer.WriteBytes(nextHop.GetAddressBytes());
            End(writer, start);
        }

        if (attributes.MultiExitDisc is { } med)
        {
            FlushUnknownBefore(4, ref pending, unknown);
            var start = Begin(writer, optional, PathAttributeType.MultiExitDisc);
            writer.WriteUInt32(med);
            End(writer, start);
        }

        if (attributes.LocalPref is { } localPref)
        {
            FlushUnknownBefore(5, ref pending, unknown);
            var start = Begin(writer, wellKnown, PathAttributeType.LocalPref);
            writer.WriteUInt32(localPref);
            End(writer, start);
        }

        if (attributes.AtomicAggregate)
        {
            FlushUnknownBefore(6, ref pending, unknown);
            End(writer, Begin(writer, wellKnown, PathAttributeType.AtomicAggregate));
        }

        if (attributes.Aggregator is { } aggregator)
        {
            FlushUnknownBefore(7, ref pending, unknown);
            var start = Begin(writer, optionalTransitive, PathAttributeType.Aggregator);
            if (context.FourOctetAs)
            {
                writer.WriteUInt32(aggregator.Asn);
            }
            else
            {
                writer.WriteUInt16(aggregator.Asn > ushort.MaxValue ? (ushort)AsPath.AsTrans : (ushort)aggregator.Asn);
            }

            writer.WriteBytes(aggregator.Address.GetAddressBytes());
            End(writer, start);
        }

        if (!attributes.Communities.IsEmpty)
        {
            FlushUnknownBefore(8, ref pending, unknown);
            var start = Begin(writer, optionalTransitive, PathAttributeType.Communities);
            foreach (var community in attributes.Communities.AsSpan())
            {
                writer.WriteUInt32(community.Value);
            }

            End(writer, start);
        }

        if (attributes.OriginatorId is { } originatorId)
        {
            FlushUnknownBefore(9, ref pending, unknown);
            var start = Begin(writer, optional, PathAttributeType.OriginatorId);
            writer.WriteBytes(originatorId.GetAddressBytes());
            End(writer, start);
        }

        if (!attributes.ClusterList.IsEmpty)
        {
            FlushUnknownBefore(10, ref pending, unknown);
            var start = Begin(writer, optional, PathAttributeType.ClusterList);
            foreach (var cluster in attributes.ClusterList.AsSpan())
            {
                writer.WriteBytes(cluster.GetAddressBytes());
            }

            End(writer, start);
        }

        if (reach is not null)
        {
            FlushUnknownBefore(14, ref pending, unknown);
            var start = Begin(writer, optional, PathAttributeType.MpReachNlri);
            writer.WriteUInt16((ushort)reach.Family.Afi);
            writer.WriteByte((byte)reach.Family.Safi);
            writer.WriteByte((byte)reach.NextHopBytes.Count);
            writer.WriteBytes(reach.NextHopBytes.AsSpan());
            writer.WriteByte(0);
            NlriCodec.Encode(writer, reach.Nlri.AsSpan(), context.HasAddPath(reach.Family));
            EncodeLabeled(writer, reach.Labeled.AsSpan(), reach.Family, context);
            writer.WriteBytes(reach.UndecodedNlri.AsSpan());
            End(writer, start);
        }

        if (unreach is not null)
        {
            FlushUnknownBefore(15, ref pending, unknown);
            var start = Begin(writer, optional, PathAttributeType.MpUnreachNlri);
            writer.WriteUInt16((ushort)unreach.Family.Afi);
            writer.WriteByte((byte)unreach.Family.Safi);
            NlriCodec.Encode(writer, unreach.Withdrawn.AsSpan(), context.HasAddPath(unreach.Family));
            EncodeLabeled(writer, unreach.Labeled.AsSpan(), unreach.Family, context);
            writer.WriteBytes(unreach.UndecodedNlri.AsSpan());
            End(writer, start);
        }

        if (!attributes.ExtendedCommunities.IsEmpty)
        {
            FlushUnknownBefore(16, ref pending, unknown);
            var start = Begin(writer, optionalTransitive, PathAttributeType.ExtendedCommunities);
            foreach (var community in attributes.ExtendedCommunities.AsSpan())
            {
                writer.WriteUInt64(community.Value);
            }

            End(writer, start);
        }

        if (attributes.As4Path is { } as4Path)
        {
            FlushUnknownBefore(17, ref pending, unknown);
            var start = Begin(writer, optionalTransitive, PathAttributeType.As4Path);
            EncodeAsPath(writer, as4Path, true);
            End(writer, start);
        }

        if (attributes.As4Aggregator is { } as4Aggregator)
        {
            FlushUnknownBefore(18, ref pending, unknown);
            var start = Begin(writer, optionalTransitive, PathAttributeType.As4Aggregator);
            writer.WriteUInt32(as4Aggregator.Asn);
            writer.WriteBytes(as4Aggregator.Address.GetAddressBytes());
            End(writer, start);
        }

        if (!attributes.LargeCommunities.IsEmpty)
        {
            FlushUnknownBefore(32, ref pending, unknown);
            var start = Begin(writer, optionalTransitive, PathAttributeType.LargeCommunities);
            foreach (var community in attributes.LargeCommunities.AsSpan())
            {
                writer.WriteUInt32(community.GlobalAdministrator);
                writer.WriteUInt32(community.LocalData1);
                writer.WriteUInt32(community.LocalData2);
            }

            End(writer, start);
        }

        FlushUnknownBefore(256, ref pending, unknown);
    }

    /// <summary>Human name of a type code for error messages.</summary>
    public static string Name(byte typeCode) => (PathAttributeType)typeCode switch
    {
        PathAttributeType.Origin => "ORIGIN",
        PathAttributeType.AsPath => "AS_PATH",
        PathAttributeType.NextHop => "NEXT_HOP",
        PathAttributeType.MultiExitDisc => "MULTI_EXIT_DISC",
        PathAttributeType.LocalPref => "LOCAL_PREF",
        PathAttributeType.AtomicAggregate => "ATOMIC_AGGREGATE",
        PathAttributeType.Aggregator => "AGGREGATOR",
        PathAttributeType.Communities => "COMMUNITIES",
        PathAttributeType.OriginatorId => "ORIGINATOR_ID",
        PathAttributeType.ClusterList => "CLUSTER_LIST",
        PathAttributeType.MpReachNlri => "MP_REACH_NLRI",
        PathAttributeType.MpUnreachNlri => "MP_UNREACH_NLRI",
        PathAttributeType.ExtendedCommunities => "EXTENDED_COMMUNITIES",
        PathAttributeType.As4Path => "AS4_PATH",
        PathAttributeType.As4Aggregator => "AS4_AGGREGATOR",
        PathAttributeType.LargeCommunities => "LARGE_COMMUNITY",
        _ => $"attribute {typeCode}",
    };

    /// <summary>
    /// Walks the attribute headers: false when the block is malformed (left to the full decoder, never cached), else
    /// whether it holds MP_REACH_NLRI or MP_UNREACH_NLRI.
    /// </summary>
    private static bool WithoutMultiprotocol(ReadOnlySpan<byte> block, out bool multiprotocol)
    {
        multiprotocol = false;
        var position = 0;
        while (position + 3 <= block.Length)
        {
            multiprotocol |= block[position + 1] is (byte)PathAttributeType.MpReachNlri or (byte)PathAttributeType.MpUnreachNlri;
            if ((block[position] & (byte)PathAttributeFlags.ExtendedLength) != 0)
            {
                if (position + 4 > block.Length)
                {
                    return false;
                }

                position += 4 + ((block[position + 2] << 8) | block[position + 3]);
            }
            else
            {
                position += 3 + block[position + 2];
            }
        }

        return position == block.Length;
    }

    /// <summary>Copies the attributes of a well-formed block other than MP_REACH/MP_UNREACH; returns the bytes written.</summary>
    private static int CopyWithoutMultiprotocol(ReadOnlySpan<byte> block, Span<byte> destination)
    {
        var written = 0;
        var position = 0;
        while (position < block.Length)
        {
            var size = (block[position] & (byte)PathAttributeFlags.ExtendedLength) != 0
                ? 4 + ((block[position + 2] << 8) | block[position + 3])
                : 3 + block[position + 2];
            if (block[position + 1] is not ((byte)PathAttributeType.MpReachNlri or (byte)PathAttributeType.MpUnreachNlri))
            {
                block.Slice(position, size).CopyTo(destination[written..]);
                written += size;
            }

            position += size;
        }

        return written;
    }

    private static void CheckFlags(PathAttributeFlags flags, byte typeCode, string name, int offset)
    {
        bool? mustBeOptional = (PathAttributeType)typeCode switch
        {
            PathAttributeType.Origin or PathAttributeType.AsPath or PathAttributeType.NextHop
                or PathAttributeType.LocalPref or PathAttributeType.AtomicAggregate => false,
            PathAttributeType.MultiExitDisc or PathAttributeType.Aggregator or PathAttributeType.Communities
                or PathAttributeType.OriginatorId or PathAttributeType.ClusterList or PathAttributeType.MpReachNlri
                or PathAttributeType.MpUnreachNlri or PathAttributeType.ExtendedCommunities or PathAttributeType.As4Path
                or PathAttributeType.As4Aggregator or PathAttributeType.LargeCommunities => true,
            _ => null,
        };

        if (mustBeOptional is { } optional && ((flags & PathAttributeFlags.Optional) != 0) != optional)
        {
            throw new BgpDecodeException(
                name + " flags",
                offset,
                $"flags 0x{(byte)flags:x2} mark a {(optional ? "well-known" : "optional")} attribute but {name} is {(optional ? "optional" : "well-known")}");
        }
    }

    private static void ExpectLength(int length, int expected, string name, int offset)
    {
        if (length != expected)
        {
            throw new BgpDecodeException(name + " length", offset, $"length {length}, expected {expected}");
        }
    }

    private static void ExpectMultiple(int length, int unit, string name, int offset)
    {
        if (length % unit != 0)
        {
            throw new BgpDecodeException(name + " length", offset, $"length {length} is not a multiple of {unit}");
        }
    }

    private static AsPath DecodeAsPath(WireReader value, bool fourOctet, string name)
    {
        if (value.IsEmpty)
        {
            return AsPath.Empty;
        }

        if (fourOctet && !FitsWidth(value.Rest, 4) && FitsWidth(value.Rest, 2))
        {
            // FRR 8.x sends its locally originated routes over BMP (peer 0.0.0.0) with 2-octet AS_PATHs
            // although the Peer Up OPENs advertise 4-octet AS; a path that only parses as 2-octet is one.
            fourOctet = false;
        }

        var segments = new List<AsPathSegment>(1);
        while (!value.IsEmpty)
        {
            var typeOffset = value.Offset;
            var type = value.ReadByte(name + " segment type");
            if (type is < 1 or > 4)
            {
                throw new BgpDecodeException(name + " segment type", typeOffset, $"unknown segment type {type}");
            }

            var count = value.ReadByte(name + " segment length");
            var asns = new uint[count];
            for (var i = 0; i < asns.Length; i++)
            {
                asns[i] = fourOctet ? value.ReadUInt32(name + " AS number") : value.ReadUInt16(name + " AS number");
            }

            segments.Add(new AsPathSegment((AsPathSegmentType)type, asns));
        }

        return new AsPath(segments.ToArray());
    }

    private static bool FitsWidth(ReadOnlySpan<byte> path, int width)
    {
        var position = 0;
        while (position + 2 <= path.Length)
        {
            position += 2 + (path[position + 1] * width);
        }

        return position == path.Length;
    }

    private static void EncodeAsPath(WireWriter writer, AsPath path, bool fourOctet)
    {
        foreach (var segment in path.Segments)
        {
            var asns = segment.Asns.AsSpan();
            do
            {
                // A segment holds at most 255 ASes; longer ones are split into consecutive segments.
                var chunk = asns[..Math.Min(asns.Length, 255)];
                asns = asns[chunk.Length..];
                writer.WriteByte((byte)segment.Type);
                writer.WriteByte((byte)chunk.Length);
                foreach (var asn in chunk)
                {
                    if (fourOctet)
                    {
                        writer.WriteUInt32(asn);
                    }
                    else
                    {
                        writer.WriteUInt16(asn > ushort.MaxValue ? (ushort)AsPath.AsTrans : (ushort)asn);
                    }
                }
            }
            while (!asns.IsEmpty);
        }
    }

    private static MpReachNlri DecodeMpReach(WireReader value, BgpDecodingContext context, string name)
    {
        var family = new AfiSafi((Afi)value.ReadUInt16("MP_REACH_NLRI AFI"), (Safi)value.ReadByte("MP_REACH_NLRI SAFI"));
        var nextHopLength = value.ReadByte("MP_REACH_NLRI next hop length");
        var nextHop = value.ReadBytes(nextHopLength, "MP_REACH_NLRI next hop").ToArray();
        value.ReadByte("MP_REACH_NLRI reserved");
        if (LabeledNlriCodec.Supports(family))
        {
            return new MpReachNlri(family, nextHop, default, default, DecodeLabeled(value, family, context, withdrawal: false));
        }

        if (!family.HasPlainPrefixes)
        {
            return new MpReachNlri(family, nextHop, default, value.Rest.ToArray());
        }

        var nlri = NlriCodec.DecodeAll(value, family.Afi == Afi.IPv6, context.HasAddPath(family), name + " NLRI");
        return new MpReachNlri(family, nextHop, nlri, default);
    }

    private static MpUnreachNlri DecodeMpUnreach(WireReader value, BgpDecodingContext context, string name)
    {
        var family = new AfiSafi((Afi)value.ReadUInt16("MP_UNREACH_NLRI AFI"), (Safi)value.ReadByte("MP_UNREACH_NLRI SAFI"));
        if (LabeledNlriCodec.Supports(family))
        {
            return new MpUnreachNlri(family, default, default, DecodeLabeled(value, family, context, withdrawal: true));
        }

        if (!family.HasPlainPrefixes)
        {
            return new MpUnreachNlri(family, default, value.Rest.ToArray());
        }

        var nlri = NlriCodec.DecodeAll(value, family.Afi == Afi.IPv6, context.HasAddPath(family), name + " NLRI");
        return new MpUnreachNlri(family, nlri, default);
    }

    /// <summary>
    /// Labelled NLRI with the path identifiers the OPENs negotiated — or, when they do not parse that way but do
    /// without (or with) identifiers, that way: Huawei VRP sends a VRF Loc-RIB's labelled-unicast routes with path
    /// identifiers while its Peer Up OPENs offer ADD-PATH for plain unicast only. One reading parsing the whole
    /// field and the other not is unambiguous.
    /// </summary>
    private static EquatableArray<LabeledNlri> DecodeLabeled(WireReader value, AfiSafi family, BgpDecodingContext context, bool withdrawal)
    {
        var addPath = context.HasAddPath(family);
        try
        {
            return LabeledNlriCodec.Decode(value, family, addPath, withdrawal);
        }
        catch (BgpDecodeException)
        {
            try
            {
                return LabeledNlriCodec.Decode(value, family, !addPath, withdrawal);
            }
            catch (BgpDecodeException)
            {
                // Neither reading parses: report the negotiated one.
            }

            throw;
        }
    }

    private static void EncodeLabeled(WireWriter writer, ReadOnlySpan<LabeledNlri> routes, AfiSafi family, BgpDecodingContext context)
    {
        if (!routes.IsEmpty)
        {
            LabeledNlriCodec.Encode(writer, routes, family, context.HasAddPath(family));
        }
    }

    private static int Begin(WireWriter writer, PathAttributeFlags flags, PathAttributeType type) =>
        Begin(writer, flags, (byte)type);

    private static int Begin(WireWriter writer, PathAttributeFlags flags, byte type)
    {
        var start = writer.Length;
        writer.WriteByte((byte)(flags | PathAttributeFlags.ExtendedLength));
        writer.WriteByte(type);
        writer.WriteUInt16(0);
        return start;
    }

    /// <summary>Patches the length; values that fit one octet lose the extended-length flag, as routers send them.</summary>
    private static void End(WireWriter writer, int start, bool keepExtended = false)
    {
        var length = writer.Length - start - 4;
        if (length > ushort.MaxValue)
        {
            throw new InvalidOperationException($"attribute {writer.WrittenSpan[start + 1]} value of {length} bytes does not fit");
        }

        if (keepExtended || length > byte.MaxValue)
        {
            writer.PatchUInt16(start + 2, (ushort)length);
            return;
        }

        writer.PatchByte(start, (byte)(writer.WrittenSpan[start] & ~(byte)PathAttributeFlags.ExtendedLength));
        writer.PatchByte(start + 2, (byte)length);
        writer.RemoveAt(start + 3);
    }
}
