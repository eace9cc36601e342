using System.Buffers.Binary;
using System.Net;
using System.Text;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Messages;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Bgp.Wire;

namespace OrleansNetOps.Bgp.Mrt;

/// <summary>Decodes one MRT record from its header and body. Error offsets count from the start of the record.</summary>
public static class MrtRecordDecoder
{
    /// <summary>Parses the 12-byte common header (the _ET microsecond field belongs to the body).</summary>
    public static MrtHeader ReadHeader(ReadOnlySpan<byte> header)
    {
        if (header.Length < MrtHeader.Size)
        {
            throw new BgpDecodeException("MRT header", 0, $"needs 12 bytes but only {header.Length} remain");
        }

        return new MrtHeader(
            BinaryPrimitives.ReadUInt32BigEndian(header),
            0,
            (MrtType)BinaryPrimitives.ReadUInt16BigEndian(header[4..]),
            BinaryPrimitives.ReadUInt16BigEndian(header[6..]),
            BinaryPrimitives.ReadUInt32BigEndian(header[8..]));
    }

    /// <summary>Decodes a record body.</summary>
    /// <param name="header">The header read by <see cref="ReadHeader"/>.</param>
    /// <param name="body">Exactly <see cref="MrtHeader.Length"/> bytes.</param>
    /// <param name="interner">Optional attribute-set interner.</param>
    /// <exception cref="BgpDecodeException">The body is malformed.</exception>
    public static MrtRecord Decode(MrtHeader header, ReadOnlySpan<byte> body, AttributeSetInterner? interner = null) =>
        Decode(header, body, interner, null);

    internal static MrtRecord Decode(MrtHeader header, ReadOnlySpan<byte> body, AttributeSetInterner? interner, MrtSessionTable? sessions)
    {
        var reader = new WireReader(body, MrtHeader.Size);
        if (header.IsExtendedTimestamp)
        {
            header = header with { Microseconds = reader.ReadUInt32("MRT microsecond timestamp") };
        }

        return (header.Type, header.Subtype) switch
        {
            (MrtType.TableDump, 1 or 2) => DecodeTableDump(header, reader, interner),
            (MrtType.TableDumpV2, 1) => DecodePeerIndexTable(header, reader),
            (MrtType.TableDumpV2, (>= 2 and <= 6) or (>= 8 and <= 12)) => DecodeRib(header, reader, interner),
            (MrtType.Bgp4mp or MrtType.Bgp4mpEt, 0 or 5) => DecodeStateChange(header, reader),
            (MrtType.Bgp4mp or MrtType.Bgp4mpEt, 1 or (>= 4 and <= 11)) => DecodeMessage(header, reader, interner, sessions),
            _ => new UnknownMrtRecord(header, reader.Rest.ToArray()),
        };
    }

    private static IPAddress ReadAddress(ref WireReader reader, bool ipv6, string field) =>
        new(reader.ReadBytes(ipv6 ? 16 : 4, field));

    private static TableDumpRecord DecodeTableDump(MrtHeader header, WireReader reader, AttributeSetInterner? interner)
    {
        var ipv6 = header.Subtype == 2;
        var view = reader.ReadUInt16("TABLE_DUMP view number");
        var sequence = reader.ReadUInt16("TABLE_DUMP sequence number");
        var address = reader.ReadBytes(ipv6 ? 16 : 4, "TABLE_DUMP prefix");
        var lengthOffset = reader.Offset;
        var length = reader.ReadByte("TABLE_DUMP prefix length");
        if (length > (ipv6 ? 128 : 32))
        {
            throw new BgpDecodeException("TABLE_DUMP prefix length", lengthOffset, $"{length} is too long");
        }

        var prefix = IpPrefix.FromBytes(ipv6, address, length);
        var status = reader.ReadByte("TABLE_DUMP status");
        var originated = reader.ReadUInt32("TABLE_DUMP originated time");
        var peer = ReadAddress(ref reader, ipv6, "TABLE_DUMP peer address");
        var peerAs = reader.ReadUInt16("TABLE_DUMP peer AS");
        var attributeLength = reader.ReadUInt16("TABLE_DUMP attribute length");
        var attributeOffset = reader.Offset;
        var block = reader.ReadBytes(attributeLength, "TABLE_DUMP attributes");
        var family = new AfiSafi(ipv6 ? Afi.IPv6 : Afi.IPv4, Safi.Unicast);
        var attributes = PathAttributeCodec.Decode(block, attributeOffset, BgpDecodingContext.TwoOctet, interner, family, out var reach, out _);
        return new TableDumpRecord(header, view, sequence, prefix, status, originated, peer, peerAs, attributes, reach);
    }

    private static PeerIndexTableRecord DecodePeerIndexTable(MrtHeader header, WireReader reader)
    {
        var collector = ReadAddress(ref reader, false, "PEER_INDEX_TABLE collector BGP ID");
        var nameLength = reader.ReadUInt16("PEER_INDEX_TABLE view name length");
        var name = Encoding.UTF8.GetString(reader.ReadBytes(nameLength, "PEER_INDEX_TABLE view name"));
        var count = reader.ReadUInt16("PEER_INDEX_TABLE peer count");
        var peers = new MrtPeer[count];
        for (var i = 0; i < peers.Length; i++)
        {
            var type = reader.ReadByte("PEER_INDEX_TABLE peer type");
            var bgpId = ReadAddress(ref reader, false, "PEER_INDEX_TABLE peer BGP ID");
            var address = ReadAddress(ref reader, (type & 1) != 0, "PEER_INDEX_TABLE peer address");
            var asn = (type & 2) != 0 ? reader.ReadUInt32("PEER_INDEX_TABLE peer AS") : reader.ReadUInt16("PEER_INDEX_TABLE peer AS");
            peers[i] = new MrtPeer(bgpId, address, asn);
        }

        return new PeerIndexTableRecord(header, collector, name, peers);
    }

    private static RibRecord DecodeRib(MrtHeader header, WireReader reader, AttributeSetInterner? interner)
    {
        var addPath = header.Subtype >= 8;
        var sequence = reader.ReadUInt32("RIB sequence number");
        AfiSafi family = header.Subtype switch
        {
            2 or 8 => new(Afi.IPv4, Safi.Unicast),
            3 or 9 => new(Afi.IPv4, Safi.Multicast),
            4 or 10 => new(Afi.IPv6, Safi.Unicast),
            5 or 11 => new(Afi.IPv6, Safi.Multicast),
            _ => new((Afi)reader.ReadUInt16("RIB_GENERIC AFI"), (Safi)reader.ReadByte("RIB_GENERIC SAFI")),
        };

        if (!family.HasPlainPrefixes)
        {
            return new RibRecord(header, sequence, family, null, default, reader.Rest.ToArray());
        }

        var prefix = NlriCodec.DecodePrefix(ref reader, family.Afi == Afi.IPv6, "RIB prefix");
        var count = reader.ReadUInt16("RIB entry count");
        var entries = new RibEntry[count];
        for (var i = 0; i < entries.Length; i++)
        {
            var peerIndex = reader.ReadUInt16("RIB entry peer index");
            var originated = reader.ReadUInt32("RIB entry originated time");
            uint? pathId = addPath ? reader.ReadUInt32("RIB entry path identifier") : null;
            var attributeLength = reader.ReadUInt16("RIB entry attribute length");
            var attributeOffset = reader.Offset;
            var block = reader.ReadBytes(attributeLength, "RIB entry attributes");
            var attributes = PathAttributeCodec.Decode(block, attributeOffset, BgpDecodingContext.FourOctet, interner, family, out var reach, out _);
            entries[i] = new RibEntry(peerIndex, originated, pathId, attributes, reach);
        }

        return new RibRecord(header, sequence, family, prefix, entries);
    }

    private static Bgp4mpPeering DecodePeering(ref WireReader reader, bool as4)
    {
        var peerAs = as4 ? reader.ReadUInt32("BGP4MP peer AS") : reader.ReadUInt16("BGP4MP peer AS");
        var localAs = as4 ? reader.ReadUInt32("BGP4MP local AS") : reader.ReadUInt16("BGP4MP local AS");
        var ifIndex = reader.ReadUInt16("BGP4MP interface index");
        var afiOffset = reader.Offset;
        var afi = reader.ReadUInt16("BGP4MP address family");
        if (afi is not (1 or 2))
        {
            throw new BgpDecodeException("BGP4MP address family", afiOffset, $"unknown AFI {afi}");
        }

        var peer = ReadAddress(ref reader, afi == 2, "BGP4MP peer address");
        var local = ReadAddress(ref reader, afi == 2, "BGP4MP local address");
        return new Bgp4mpPeering(peerAs, localAs, ifIndex, peer, local);
    }

    private static Bgp4mpStateChangeRecord DecodeStateChange(MrtHeader header, WireReader reader)
    {
        var peering = DecodePeering(ref reader, header.Subtype == 5);
        var oldState = (BgpState)reader.ReadUInt16("BGP4MP old state");
        var newState = (BgpState)reader.ReadUInt16("BGP4MP new state");
        return new Bgp4mpStateChangeRecord(header, peering, oldState, newState);
    }

    private static Bgp4mpMessageRecord DecodeMessage(MrtHeader header, WireReader reader, AttributeSetInterner? interner, MrtSessionTable? sessions)
    {
        var as4 = header.Subtype is 4 or 7 or 9 or 11;
        var addPath = header.Subtype >= 8;
        var local = header.Subtype is 6 or 7 or 10 or 11;
        var peering = DecodePeering(ref reader, as4);
        var (negotiated, certain) = addPath || sessions is null ? (default, true) : sessions.AddPathFamilies(peering, local);
        var plain = as4 ? BgpDecodingContext.FourOctet : BgpDecodingContext.TwoOctet;
        var context = addPath || !negotiated.IsEmpty ? new BgpDecodingContext(as4, negotiated, addPath) : plain;
        var offset = reader.Offset;
        BgpMessage message;
        try
        {
            message = BgpMessageCodec.Decode(reader.Rest, context, interner, offset, out _);
        }
        catch (BgpDecodeException) when (!certain && context != plain)
        {
            // Only the sender's OPEN was recorded (BIRD dumps received messages only), so its ADD-PATH
            // offer may not have been accepted; the plain encoding is the other possibility.
            message = BgpMessageCodec.Decode(reader.Rest, plain, interner, offset, out _);
        }

        if (message is OpenMessage open)
        {
            sessions?.Observe(peering, local, open);
        }

        return new Bgp4mpMessageRecord(header, peering, message);
    }
}
