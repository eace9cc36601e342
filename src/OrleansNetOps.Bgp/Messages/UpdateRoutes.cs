using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Bgp.Wire;

namespace OrleansNetOps.Bgp.Messages;

/// <summary>
/// A fully validated UPDATE whose classic NLRI are still wire bytes. Parsing validates everything first
/// and only then are routes handed out, so a malformed message delivers nothing to a sink — the same
/// all-or-nothing behaviour as <see cref="BgpMessageCodec.Decode(ReadOnlySpan{byte}, BgpDecodingContext, AttributeSetInterner?, int, out int)"/>.
/// </summary>
internal readonly ref struct UpdateRoutes
{
    private readonly ReadOnlySpan<byte> _withdrawn;
    private readonly ReadOnlySpan<byte> _announced;
    private readonly bool _addPath;
    private readonly PathAttributes _attributes;
    private readonly MpReachNlri? _reach;
    private readonly MpUnreachNlri? _unreach;

    private UpdateRoutes(
        ReadOnlySpan<byte> withdrawn,
        ReadOnlySpan<byte> announced,
        bool addPath,
        PathAttributes attributes,
        MpReachNlri? reach,
        MpUnreachNlri? unreach)
    {
        _withdrawn = withdrawn;
        _announced = announced;
        _addPath = addPath;
        _attributes = attributes;
        _reach = reach;
        _unreach = unreach;
    }

    /// <summary>Parses the UPDATE at the start of <paramref name="data"/> (header included).</summary>
    public static UpdateRoutes Parse(
        ReadOnlySpan<byte> data,
        BgpDecodingContext context,
        AttributeSetInterner? interner,
        int baseOffset,
        out int consumed)
    {
        var header = new WireReader(data, baseOffset);
        if (header.ReadBytes(16, "BGP marker").ContainsAnyExcept((byte)0xFF))
        {
            throw new BgpDecodeException("BGP marker", baseOffset, "marker is not all ones");
        }

        var lengthOffset = header.Offset;
        var length = header.ReadUInt16("BGP message length");
        var type = (BgpMessageType)header.ReadByte("BGP message type");
        if (length < BgpMessage.HeaderLength)
        {
            throw new BgpDecodeException("BGP message length", lengthOffset, $"{length} is shorter than the 19-byte header");
        }

        if (length > data.Length)
        {
            throw new BgpDecodeException("BGP message length", lengthOffset, $"declares {length} bytes but only {data.Length} are available");
        }

        if (type != BgpMessageType.Update)
        {
            throw new BgpDecodeException("BGP message type", lengthOffset + 2, $"expected UPDATE, found {type}");
        }

        consumed = length;
        var body = new WireReader(data[BgpMessage.HeaderLength..length], baseOffset + BgpMessage.HeaderLength);
        var addPath = context.HasAddPath(AfiSafi.IPv4Unicast);
        var withdrawnLength = body.ReadUInt16("UPDATE withdrawn routes length");
        var withdrawn = body.ReadNested(withdrawnLength, "UPDATE withdrawn routes");
        var withdrawnBytes = withdrawn.Rest;
        NlriCodec.Validate(withdrawn, false, addPath, "UPDATE withdrawn routes");
        var attributesLength = body.ReadUInt16("UPDATE total path attribute length");
        var attributesOffset = body.Offset;
        var block = body.ReadBytes(attributesLength, "UPDATE path attributes");
        MpReachNlri? reach = null;
        MpUnreachNlri? unreach = null;
        var attributes = attributesLength == 0
            ? PathAttributes.Empty
            : PathAttributeCodec.Decode(block, attributesOffset, context, interner, null, out reach, out unreach);
        var announcedBytes = body.Rest;
        NlriCodec.Validate(body, false, addPath, "UPDATE NLRI");
        return new UpdateRoutes(withdrawnBytes, announcedBytes, addPath, attributes, reach, unreach);
    }

    /// <summary>
    /// Hands withdrawals, then announcements, to <paramref name="sink"/>, or the End-of-RIB marker this UPDATE is;
    /// returns how many routes it passed.
    /// </summary>
    public int Emit<TSink>(ref TSink sink)
        where TSink : IRouteSink
    {
        if (UpdateMessage.EndOfRib(_withdrawn.IsEmpty, _attributes, _announced.IsEmpty, _reach, _unreach) is { } endOfRib)
        {
            sink.EndOfRib(endOfRib);
            return 0;
        }

        var count = 0;
        var withdrawn = new WireReader(_withdrawn);
        while (!withdrawn.IsEmpty)
        {
            sink.Withdraw(AfiSafi.IPv4Unicast, NlriCodec.DecodeOne(ref withdrawn, false, _addPath, "UPDATE withdrawn routes"));
            count++;
        }

        if (_unreach is { } unreach)
        {
            foreach (var route in unreach.Withdrawn.AsSpan())
            {
                sink.Withdraw(unreach.Family, route);
            }

            foreach (ref readonly var route in unreach.Labeled.AsSpan())
            {
                sink.Withdraw(unreach.Family, in route);
            }

            count += unreach.Withdrawn.Count + unreach.Labeled.Count;
        }

        if (_reach is { } reach)
        {
            foreach (var route in reach.Nlri.AsSpan())
            {
                sink.Announce(reach.Family, route, _attributes, reach);
            }

            foreach (ref readonly var route in reach.Labeled.AsSpan())
            {
                sink.Announce(reach.Family, in route, _attributes, reach);
            }

            count += reach.Nlri.Count + reach.Labeled.Count;
        }

        var announced = new WireReader(_announced);
        while (!announced.IsEmpty)
        {
            sink.Announce(AfiSafi.IPv4Unicast, NlriCodec.DecodeOne(ref announced, false, _addPath, "UPDATE NLRI"), _attributes, null);
            count++;
        }

        return count;
    }
}
