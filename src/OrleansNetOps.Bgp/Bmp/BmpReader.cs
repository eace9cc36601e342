using System.Buffers;
using System.Net;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Messages;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Bgp.Wire;

namespace OrleansNetOps.Bgp.Bmp;

/// <summary>
/// Decodes the messages of one BMP session (RFC 7854, 8671, 9069). It keeps what each Peer Up negotiated
/// so that Route Monitoring of that peer is parsed with the right AS width and ADD-PATH families. A
/// malformed message throws <see cref="BgpDecodeException"/> and leaves that state untouched, so the
/// caller can log it and go on with the next frame. Not thread-safe: one reader per BMP connection.
/// </summary>
public sealed class BmpReader
{
    // Keyed by a value-type address so the allocation-free Route Monitoring path can look sessions up.
    private readonly Dictionary<(BmpPeerType Type, RouteDistinguisher Distinguisher, IpPrefix Address), PeerSession> _sessions = [];
    private readonly AttributeSetInterner _interner;

    /// <summary>Creates a reader; attribute sets are shared through <paramref name="interner"/> (a new one when null).</summary>
    public BmpReader(AttributeSetInterner? interner = null) => _interner = interner ?? new AttributeSetInterner();

    /// <summary>Peers currently up (seen in Peer Up and not yet in Peer Down).</summary>
    public int SessionCount => _sessions.Count;

    /// <summary>The interner used for Route Monitoring attributes.</summary>
    public AttributeSetInterner Interner => _interner;

    /// <summary>Decodes one framed message (see <see cref="BmpFraming"/>), possibly split across segments.</summary>
    public BmpMessage Decode(in ReadOnlySequence<byte> message) =>
        message.IsSingleSegment ? Decode(message.FirstSpan) : Decode(message.ToArray());

    /// <summary>Decodes exactly one framed message.</summary>
    /// <exception cref="BgpDecodeException">The message is malformed; offsets count from its first byte.</exception>
    public BmpMessage Decode(ReadOnlySpan<byte> message)
    {
        var reader = new WireReader(message);
        var version = reader.ReadByte("BMP version");
        if (version != 3)
        {
            throw new BgpDecodeException("BMP version", 0, $"version {version}, expected 3");
        }

        var length = reader.ReadUInt32("BMP message length");
        if (length != message.Length)
        {
            throw new BgpDecodeException("BMP message length", 1, $"declares {length} bytes but the frame has {message.Length}");
        }

        var type = (BmpMessageType)reader.ReadByte("BMP message type");
        switch (type)
        {
            case BmpMessageType.Initiation:
                return new BmpInitiation(ReadTlvs(reader, "Initiation TLV"));
            case BmpMessageType.Termination:
                return new BmpTermination(ReadTlvs(reader, "Termination TLV"));
            case > BmpMessageType.RouteMirroring:
                throw new BgpDecodeException("BMP message type", 5, $"unknown type {(byte)type}");
        }

        var peer = ReadPeerHeader(ref reader);
        return type switch
        {
            BmpMessageType.RouteMonitoring => DecodeRouteMonitoring(peer, reader),
            BmpMessageType.StatisticsReport => DecodeStatistics(peer, reader),
            BmpMessageType.PeerDown => DecodePeerDown(peer, reader),
            BmpMessageType.PeerUp => DecodePeerUp(peer, reader),
            _ => new BmpRouteMirroring(peer, ReadTlvs(reader, "Route Mirroring TLV")),
        };
    }

    private static BmpPeerHeader ReadPeerHeader(ref WireReader reader)
    {
        var typeOffset = reader.Offset;
        var peerType = (BmpPeerType)reader.ReadByte("per-peer header peer type");
        if (peerType > BmpPeerType.LocRib)
        {
            throw new BgpDecodeException("per-peer header peer type", typeOffset, $"unknown peer type {(byte)peerType}");
        }

        var flags = (BmpPeerFlags)reader.ReadByte("per-peer header flags");
        var distinguisher = new RouteDistinguisher(reader.ReadUInt64("per-peer header route distinguisher"));
        var ipv6 = peerType != BmpPeerType.LocRib && (flags & BmpPeerFlags.IPv6) != 0;
        var address = ReadAddress(ref reader, ipv6, "per-peer header peer address");
        var asn = reader.ReadUInt32("per-peer header peer AS");
        var bgpId = new IPAddress(reader.ReadBytes(4, "per-peer header peer BGP ID"));
        var seconds = reader.ReadUInt32("per-peer header timestamp seconds");
        var microseconds = reader.ReadUInt32("per-peer header timestamp microseconds");
        return new BmpPeerHeader(peerType, flags, distinguisher, address, asn, bgpId, seconds, microseconds);
    }

    /// <summary>Addresses are 16-byte fields; IPv4 ones occupy the last four bytes.</summary>
    private static IPAddress ReadAddress(ref WireReader reader, bool ipv6, string field)
    {
        var bytes = reader.ReadBytes(16, field);
        return new IPAddress(ipv6 ? bytes : bytes[12..]);
    }

    private static EquatableArray<BmpInformationTlv> ReadTlvs(WireReader reader, string field)
    {
        var tlvs = new List<BmpInformationTlv>();
        while (!reader.IsEmpty)
        {
            var type = reader.ReadUInt16(field + " type");
            var length = reader.ReadUInt16(field + " length");
            tlvs.Add(new BmpInformationTlv(type, reader.ReadBytes(length, field + " value").ToArray()));
        }

        return tlvs.ToArray();
    }

    /// <summary>
    /// Decodes one framed message like <see cref="Decode(ReadOnlySpan{byte})"/>, except that Route Monitoring
    /// is not materialised: its peer goes to <see cref="IBmpRouteSink.BeginUpdate"/> and its routes to
    /// <paramref name="sink"/>, and null is returned. This is the collector's hot path; for IPv4 unicast
    /// with a cached attribute block it allocates nothing. Bytes trailing the UPDATE are ignored. Every
    /// other message type is decoded and returned as by <see cref="Decode(ReadOnlySpan{byte})"/>.
    /// </summary>
    /// <exception cref="BgpDecodeException">The message is malformed; the sink has then received nothing from it.</exception>
    public BmpMessage? DecodeRoutes<TSink>(ReadOnlySpan<byte> message, ref TSink sink)
        where TSink : IBmpRouteSink
    {
        if (message.Length < BmpFraming.HeaderSize || message[5] != (byte)BmpMessageType.RouteMonitoring)
        {
            return Decode(message);
        }

        var reader = new WireReader(message);
        var version = reader.ReadByte("BMP version");
        if (version != 3)
        {
            throw new BgpDecodeException("BMP version", 0, $"version {version}, expected 3");
        }

        var length = reader.ReadUInt32("BMP message length");
        if (length != message.Length)
        {
            throw new BgpDecodeException("BMP message length", 1, $"declares {length} bytes but the frame has {message.Length}");
        }

        reader.Skip(1, "BMP message type");
        var peer = ReadRoutePeer(ref reader);
        var context = ContextFor(peer.PeerType, peer.Distinguisher, peer.PeerAddress, peer.IsAdjRibOut, peer.IsLegacyAsPath);
        var update = UpdateRoutes.Parse(reader.Rest, context, _interner, reader.Offset, out _);
        sink.BeginUpdate(in peer);
        update.Emit(ref sink);
        return null;
    }

    private static BmpRoutePeer ReadRoutePeer(ref WireReader reader)
    {
        var typeOffset = reader.Offset;
        var peerType = (BmpPeerType)reader.ReadByte("per-peer header peer type");
        if (peerType > BmpPeerType.LocRib)
        {
            throw new BgpDecodeException("per-peer header peer type", typeOffset, $"unknown peer type {(byte)peerType}");
        }

        var flags = (BmpPeerFlags)reader.ReadByte("per-peer header flags");
        var distinguisher = new RouteDistinguisher(reader.ReadUInt64("per-peer header route distinguisher"));
        var ipv6 = peerType != BmpPeerType.LocRib && (flags & BmpPeerFlags.IPv6) != 0;
        var bytes = reader.ReadBytes(16, "per-peer header peer address");
        var address = ipv6 ? IpPrefix.FromBytes(true, bytes, 128) : IpPrefix.FromBytes(false, bytes[12..], 32);
        return new BmpRoutePeer(
            peerType,
            flags,
            distinguisher,
            address,
            reader.ReadUInt32("per-peer header peer AS"),
            reader.ReadUInt32("per-peer header peer BGP ID"),
            reader.ReadUInt32("per-peer header timestamp seconds"),
            reader.ReadUInt32("per-peer header timestamp microseconds"));
    }

    private static IpPrefix SessionAddress(IPAddress address) =>
        IpPrefix.Create(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32);

    private BgpDecodingContext ContextFor(BmpPeerType type, RouteDistinguisher distinguisher, IpPrefix address, bool adjRibOut, bool legacyAsPath)
    {
        var session = _sessions.GetValueOrDefault((type, distinguisher, address));
        var negotiated = session is null ? null : adjRibOut ? session.Outbound : session.Inbound;

        // The A flag describes this very message; the OPENs describe the session. Either saying
        // "2-octet" wins, because exporters are known to leave A clear on legacy sessions.
        var fourOctet = !legacyAsPath && (negotiated?.FourOctetAs ?? true);
        if (negotiated is null)
        {
            // The shared instances avoid allocating a context per message for peers without a Peer Up.
            return fourOctet ? BgpDecodingContext.FourOctet : BgpDecodingContext.TwoOctet;
        }

        return negotiated.FourOctetAs == fourOctet ? negotiated : negotiated with { FourOctetAs = fourOctet };
    }

    private BmpRouteMonitoring DecodeRouteMonitoring(BmpPeerHeader peer, WireReader reader)
    {
        var context = ContextFor(peer.PeerType, peer.Distinguisher, SessionAddress(peer.PeerAddress), peer.IsAdjRibOut, peer.IsLegacyAsPath);
        var offset = reader.Offset;
        var message = BgpMessageCodec.Decode(reader.Rest, context, _interner, offset, out var consumed);
        if (message is not UpdateMessage update)
        {
            throw new BgpDecodeException("Route Monitoring BGP message type", offset + 18, $"expected UPDATE, found {message.Type}");
        }

        reader.Skip(consumed, "Route Monitoring UPDATE");
        return new BmpRouteMonitoring(peer, update, reader.IsEmpty ? default(EquatableArray<byte>) : reader.Rest.ToArray());
    }

    private static BmpStatisticsReport DecodeStatistics(BmpPeerHeader peer, WireReader reader)
    {
        var count = reader.ReadUInt32("Statistics count");
        var stats = new List<BmpStatistic>((int)Math.Min(count, 64));
        for (var i = 0u; i < count; i++)
        {
            var type = reader.ReadUInt16("Statistics TLV type");
            var length = reader.ReadUInt16("Statistics TLV length");
            var valueOffset = reader.Offset;
            var raw = reader.ReadBytes(length, "Statistics TLV value");
            var value = new WireReader(raw, valueOffset);
            AfiSafi? family = null;
            ulong number = 0;
            if (type is 9 or 10 or 16 or 17 && length == 11)
            {
                family = new AfiSafi((Afi)value.ReadUInt16("Statistics AFI"), (Safi)value.ReadByte("Statistics SAFI"));
                number = value.ReadUInt64("Statistics gauge");
            }
            else if (length == 4)
            {
                number = value.ReadUInt32("Statistics counter");
            }
            else if (length == 8)
            {
                number = value.ReadUInt64("Statistics gauge");
            }

            stats.Add(new BmpStatistic(type, number, family, raw.ToArray()));
        }

        if (!reader.IsEmpty)
        {
            throw reader.Error("Statistics count", $"{count} statistics read but {reader.Remaining} bytes remain");
        }

        return new BmpStatisticsReport(peer, stats.ToArray());
    }

    private BmpPeerDown DecodePeerDown(BmpPeerHeader peer, WireReader reader)
    {
        var reason = reader.ReadByte("Peer Down reason");
        NotificationMessage? notification = null;
        ushort? fsm = null;
        switch (reason)
        {
            case 1 or 3:
                var offset = reader.Offset;
                var message = BgpMessageCodec.Decode(reader.Rest, BgpDecodingContext.FourOctet, null, offset, out var consumed);
                notification = message as NotificationMessage
                    ?? throw new BgpDecodeException("Peer Down BGP message type", offset + 18, $"expected NOTIFICATION, found {message.Type}");
                reader.Skip(consumed, "Peer Down NOTIFICATION");
                break;
            case 2:
                fsm = reader.ReadUInt16("Peer Down FSM event code");
                break;
        }

        _sessions.Remove((peer.PeerType, peer.Distinguisher, SessionAddress(peer.PeerAddress)));
        return new BmpPeerDown(peer, reason, notification, fsm, reader.Rest.ToArray());
    }

    private BmpPeerUp DecodePeerUp(BmpPeerHeader peer, WireReader reader)
    {
        var ipv6 = peer.PeerType != BmpPeerType.LocRib && (peer.Flags & BmpPeerFlags.IPv6) != 0;
        var local = reader.ReadBytes(16, "Peer Up local address");
        var localAddress = ipv6 || peer.PeerType == BmpPeerType.LocRib && local[..12].ContainsAnyExcept((byte)0)
            ? new IPAddress(local)
            : new IPAddress(local[12..]);
        var localPort = reader.ReadUInt16("Peer Up local port");
        var remotePort = reader.ReadUInt16("Peer Up remote port");
        var sent = DecodeOpen(ref reader, "Peer Up sent OPEN");
        var received = DecodeOpen(ref reader, "Peer Up received OPEN");
        var tlvs = ReadTlvs(reader, "Peer Up information TLV");
        var key = (peer.PeerType, peer.Distinguisher, SessionAddress(peer.PeerAddress));
        var inbound = BgpDecodingContext.Negotiate(received, sent);
        var outbound = BgpDecodingContext.Negotiate(sent, received);
        if (_sessions.TryGetValue(key, out var up))
        {
            // Another Peer Up while the peer is up: Huawei sends one per family for a Loc-RIB instance, each OPEN
            // naming only that family. What it does not name stays as the earlier Peer Ups negotiated it.
            var named = sent.Capabilities.Concat(received.Capabilities).OfType<MultiprotocolCapability>().Select(c => c.Family).ToHashSet();
            inbound = Keep(inbound, up.Inbound, named);
            outbound = Keep(outbound, up.Outbound, named);
        }

        _sessions[key] = new PeerSession(inbound, outbound);
        return new BmpPeerUp(peer, localAddress, localPort, remotePort, sent, received, tlvs);
    }

    private static BgpDecodingContext Keep(BgpDecodingContext current, BgpDecodingContext earlier, HashSet<AfiSafi> named)
    {
        var kept = earlier.AddPathFamilies.Where(f => !named.Contains(f) && !current.HasAddPath(f)).ToArray();
        return kept.Length == 0 ? current : current with { AddPathFamilies = current.AddPathFamilies.Concat(kept).ToArray() };
    }

    private static OpenMessage DecodeOpen(ref WireReader reader, string field)
    {
        var offset = reader.Offset;
        var message = BgpMessageCodec.Decode(reader.Rest, BgpDecodingContext.FourOctet, null, offset, out var consumed);
        reader.Skip(consumed, field);
        return message as OpenMessage ?? throw new BgpDecodeException(field, offset + 18, $"expected OPEN, found {message.Type}");
    }

    /// <summary>Decoding contexts for what the peer sent (Adj-RIB-In) and what the router sent (Adj-RIB-Out).</summary>
    private sealed record PeerSession(BgpDecodingContext Inbound, BgpDecodingContext Outbound);
}
