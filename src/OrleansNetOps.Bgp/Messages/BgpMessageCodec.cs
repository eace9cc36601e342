using System.Buffers.Binary;
using System.Net;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Bgp.Wire;

namespace OrleansNetOps.Bgp.Messages;

/// <summary>Decodes and encodes whole BGP messages (header included).</summary>
public static class BgpMessageCodec
{
    /// <summary>Largest length a message header may declare (RFC 8654 extended messages).</summary>
    public const int MaxMessageLength = 65535;

    /// <summary>
    /// Decodes the message at the start of <paramref name="data"/>.
    /// </summary>
    /// <param name="data">Bytes starting with the 16-byte marker; may extend past the message.</param>
    /// <param name="context">Session parameters negotiated by the OPENs.</param>
    /// <param name="interner">Optional attribute-set interner.</param>
    /// <param name="baseOffset">Offset of <paramref name="data"/> in an enclosing structure, used in errors.</param>
    /// <param name="consumed">Length of the decoded message.</param>
    /// <exception cref="BgpDecodeException">The bytes are not a valid message.</exception>
    public static BgpMessage Decode(
        ReadOnlySpan<byte> data,
        BgpDecodingContext context,
        AttributeSetInterner? interner,
        int baseOffset,
        out int consumed)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = new WireReader(data, baseOffset);
        var marker = header.ReadBytes(16, "BGP marker");
        if (marker.ContainsAnyExcept((byte)0xFF))
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

        consumed = length;
        var body = new WireReader(data[BgpMessage.HeaderLength..length], baseOffset + BgpMessage.HeaderLength);
        return type switch
        {
            BgpMessageType.Open => DecodeOpen(body),
            BgpMessageType.Update => DecodeUpdate(body, context, interner),
            BgpMessageType.Notification => new NotificationMessage(
                body.ReadByte("NOTIFICATION error code"), body.ReadByte("NOTIFICATION error subcode"), body.Rest.ToArray()),
            BgpMessageType.Keepalive => body.IsEmpty
                ? KeepaliveMessage.Instance
                : throw new BgpDecodeException("BGP message length", lengthOffset, $"KEEPALIVE must be 19 bytes, not {length}"),
            BgpMessageType.RouteRefresh => DecodeRouteRefresh(body),
            _ => throw new BgpDecodeException("BGP message type", lengthOffset + 2, $"unknown type {(byte)type}"),
        };
    }

    /// <summary>Decodes exactly one message filling <paramref name="data"/>.</summary>
    public static BgpMessage Decode(ReadOnlySpan<byte> data, BgpDecodingContext context, AttributeSetInterner? interner = null)
    {
        var message = Decode(data, context, interner, 0, out var consumed);
        if (consumed != data.Length)
        {
            throw new BgpDecodeException("BGP message length", 16, $"declares {consumed} bytes but {data.Length} were given");
        }

        return message;
    }

    /// <summary>Encodes a message with its header.</summary>
    public static byte[] Encode(BgpMessage message, BgpDecodingContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        var writer = new WireWriter();
        writer.Reserve(16).Fill(0xFF);
        writer.WriteUInt16(0);
        writer.WriteByte((byte)message.Type);
        switch (message)
        {
            case OpenMessage open:
                EncodeOpen(writer, open);
                break;
            case UpdateMessage update:
                EncodeUpdate(writer, update, context);
                break;
            case NotificationMessage notification:
                writer.WriteByte(notification.ErrorCode);
                writer.WriteByte(notification.ErrorSubcode);
                writer.WriteBytes(notification.Data.AsSpan());
                break;
            case RouteRefreshMessage refresh:
                writer.WriteUInt16((ushort)refresh.Family.Afi);
                writer.WriteByte(refresh.Subtype);
                writer.WriteByte((byte)refresh.Family.Safi);
                break;
            case KeepaliveMessage:
                break;
            default:
                throw new ArgumentException($"cannot encode {message.GetType().Name}", nameof(message));
        }

        if (writer.Length > MaxMessageLength)
        {
            throw new InvalidOperationException($"message of {writer.Length} bytes exceeds {MaxMessageLength}");
        }

        writer.PatchUInt16(16, (ushort)writer.Length);
        return writer.ToArray();
    }

    /// <summary>Reads the declared length of the message starting at <paramref name="data"/>, or null when fewer than 19 bytes are present.</summary>
    public static int? PeekLength(ReadOnlySpan<byte> data) =>
        data.Length < BgpMessage.HeaderLength ? null : BinaryPrimitives.ReadUInt16BigEndian(data[16..]);

    private static UpdateMessage DecodeUpdate(WireReader body, BgpDecodingContext context, AttributeSetInterner? interner)
    {
        var withdrawnLength = body.ReadUInt16("UPDATE withdrawn routes length");
        var ipv4AddPath = context.HasAddPath(AfiSafi.IPv4Unicast);
        var withdrawn = NlriCodec.DecodeAll(body.ReadNested(withdrawnLength, "UPDATE withdrawn routes"), false, ipv4AddPath, "UPDATE withdrawn routes");
        var attributesLength = body.ReadUInt16("UPDATE total path attribute length");
        var attributesOffset = body.Offset;
        var block = body.ReadBytes(attributesLength, "UPDATE path attributes");
        MpReachNlri? reach = null;
        MpUnreachNlri? unreach = null;
        var attributes = attributesLength == 0
            ? PathAttributes.Empty
            : PathAttributeCodec.Decode(block, attributesOffset, context, interner, null, out reach, out unreach);
        var announced = NlriCodec.DecodeAll(body, false, ipv4AddPath, "UPDATE NLRI");
        return new UpdateMessage(withdrawn, attributes, announced, reach, unreach);
    }

    private static void EncodeUpdate(WireWriter writer, UpdateMessage update, BgpDecodingContext context)
    {
        var ipv4AddPath = context.HasAddPath(AfiSafi.IPv4Unicast);
        var withdrawnStart = writer.Length;
        writer.WriteUInt16(0);
        NlriCodec.Encode(writer, update.Withdrawn.AsSpan(), ipv4AddPath);
        writer.PatchUInt16(withdrawnStart, (ushort)(writer.Length - withdrawnStart - 2));
        var attributesStart = writer.Length;
        writer.WriteUInt16(0);
        PathAttributeCodec.Encode(writer, update.Attributes, update.MpReach, update.MpUnreach, context);
        writer.PatchUInt16(attributesStart, (ushort)(writer.Length - attributesStart - 2));
        NlriCodec.Encode(writer, update.Announced.AsSpan(), ipv4AddPath);
    }

    private static OpenMessage DecodeOpen(WireReader body)
    {
        var version = body.ReadByte("OPEN version");
        var myAs = body.ReadUInt16("OPEN my AS");
        var holdTime = body.ReadUInt16("OPEN hold time");
        var bgpId = new IPAddress(body.ReadBytes(4, "OPEN BGP identifier"));
        int parametersLength = body.ReadByte("OPEN optional parameters length");
        var extended = false;
        if (parametersLength == 255 && body.Remaining > 0 && body.Rest[0] == 255)
        {
            // RFC 9072: a 255 length followed by a 255 type announces 2-octet lengths.
            body.ReadByte("OPEN extended parameters type");
            parametersLength = body.ReadUInt16("OPEN extended parameters length");
            extended = true;
        }

        var parameters = body.ReadNested(parametersLength, "OPEN optional parameters");
        var capabilities = new List<Capability>();
        List<OpenParameter>? others = null;
        while (!parameters.IsEmpty)
        {
            var parameterType = parameters.ReadByte("OPEN parameter type");
            int length = extended ? parameters.ReadUInt16("OPEN parameter length") : parameters.ReadByte("OPEN parameter length");
            var value = parameters.ReadNested(length, "OPEN parameter value");
            if (parameterType == 2)
            {
                while (!value.IsEmpty)
                {
                    capabilities.Add(DecodeCapability(ref value));
                }
            }
            else
            {
                (others ??= []).Add(new OpenParameter(parameterType, value.Rest.ToArray()));
            }
        }

        return new OpenMessage(version, myAs, holdTime, bgpId, capabilities.ToArray(), others?.ToArray() ?? default(EquatableArray<OpenParameter>));
    }

    private static Capability DecodeCapability(ref WireReader parameter)
    {
        var code = parameter.ReadByte("capability code");
        var lengthOffset = parameter.Offset;
        var length = parameter.ReadByte("capability length");
        var value = parameter.ReadNested(length, "capability value");

        void Expect(int expected, string name)
        {
            if (length != expected)
            {
                throw new BgpDecodeException(name + " capability length", lengthOffset, $"length {length}, expected {expected}");
            }
        }

        switch (code)
        {
            case 1:
                Expect(4, "multiprotocol");
                var afi = (Afi)value.ReadUInt16("multiprotocol AFI");
                value.ReadByte("multiprotocol reserved");
                return new MultiprotocolCapability(new AfiSafi(afi, (Safi)value.ReadByte("multiprotocol SAFI")));
            case 2:
                Expect(0, "route refresh");
                return new RouteRefreshCapability();
            case 65:
                Expect(4, "4-octet AS");
                return new FourOctetAsCapability(value.ReadUInt32("4-octet AS number"));
            case 69:
                if (length % 4 != 0)
                {
                    throw new BgpDecodeException("ADD-PATH capability length", lengthOffset, $"length {length} is not a multiple of 4");
                }

                var families = new AddPathFamily[length / 4];
                for (var i = 0; i < families.Length; i++)
                {
                    var family = new AfiSafi((Afi)value.ReadUInt16("ADD-PATH AFI"), (Safi)value.ReadByte("ADD-PATH SAFI"));
                    families[i] = new AddPathFamily(family, (AddPathDirection)value.ReadByte("ADD-PATH send/receive"));
                }

                return new AddPathCapability(families);
            default:
                return new RawCapability(code, value.Rest.ToArray());
        }
    }

    private static void EncodeOpen(WireWriter writer, OpenMessage open)
    {
        writer.WriteByte(open.Version);
        writer.WriteUInt16(open.MyAs);
        writer.WriteUInt16(open.HoldTime);
        writer.WriteBytes(open.BgpIdentifier.GetAddressBytes());
        var lengthAt = writer.Length;
        writer.WriteByte(0);
        if (!open.Capabilities.IsEmpty)
        {
            // One capability per parameter is the layout most implementations send.
            foreach (var capability in open.Capabilities)
            {
                writer.WriteByte(2);
                var parameterLengthAt = writer.Length;
                writer.WriteByte(0);
                writer.WriteByte(capability.Code);
                var capabilityLengthAt = writer.Length;
                writer.WriteByte(0);
                EncodeCapabilityValue(writer, capability);
                writer.PatchByte(capabilityLengthAt, checked((byte)(writer.Length - capabilityLengthAt - 1)));
                writer.PatchByte(parameterLengthAt, checked((byte)(writer.Length - parameterLengthAt - 1)));
            }
        }

        foreach (var parameter in open.OtherParameters)
        {
            writer.WriteByte(parameter.ParameterType);
            writer.WriteByte(checked((byte)parameter.Value.Count));
            writer.WriteBytes(parameter.Value.AsSpan());
        }

        var parametersLength = writer.Length - lengthAt - 1;
        if (parametersLength >= 255)
        {
            throw new InvalidOperationException("OPEN optional parameters longer than 254 bytes need RFC 9072 encoding, which is not produced");
        }

        writer.PatchByte(lengthAt, (byte)parametersLength);
    }

    private static void EncodeCapabilityValue(WireWriter writer, Capability capability)
    {
        switch (capability)
        {
            case MultiprotocolCapability multiprotocol:
                writer.WriteUInt16((ushort)multiprotocol.Family.Afi);
                writer.WriteByte(0);
                writer.WriteByte((byte)multiprotocol.Family.Safi);
                break;
            case FourOctetAsCapability fourOctet:
                writer.WriteUInt32(fourOctet.Asn);
                break;
            case AddPathCapability addPath:
                foreach (var family in addPath.Families)
                {
                    writer.WriteUInt16((ushort)family.Family.Afi);
                    writer.WriteByte((byte)family.Family.Safi);
                    writer.WriteByte((byte)family.Direction);
                }

                break;
            case RawCapability raw:
                writer.WriteBytes(raw.Value.AsSpan());
                break;
            case RouteRefreshCapability:
                break;
            default:
                throw new ArgumentException($"cannot encode {capability.GetType().Name}", nameof(capability));
        }
    }

    private static RouteRefreshMessage DecodeRouteRefresh(WireReader body)
    {
        var afi = (Afi)body.ReadUInt16("ROUTE-REFRESH AFI");
        var subtype = body.ReadByte("ROUTE-REFRESH subtype");
        var safi = (Safi)body.ReadByte("ROUTE-REFRESH SAFI");
        if (!body.IsEmpty)
        {
            throw body.Error("ROUTE-REFRESH length", "unexpected trailing bytes");
        }

        return new RouteRefreshMessage(new AfiSafi(afi, safi), subtype);
    }
}
