using System.Net;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Messages;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Bgp.Wire;

namespace OrleansNetOps.Bgp.Tests.Messages;

/// <summary>Every message type and attribute survives encode then decode, and bad bytes give precise errors.</summary>
public sealed class BgpCodecRoundTripTests
{
    private static readonly BgpDecodingContext AddPath = new(true, new[] { AfiSafi.IPv4Unicast, AfiSafi.IPv6Unicast });

    public static TheoryData<BgpMessage, bool> Messages() => new()
    {
        { KeepaliveMessage.Instance, true },
        { new NotificationMessage(6, 2, new byte[] { 3, (byte)'b', (byte)'y', (byte)'e' }), true },
        { new RouteRefreshMessage(AfiSafi.IPv6Unicast, 1), true },
        {
            new OpenMessage(4, 23456, 90, IPAddress.Parse("192.0.2.1"), new Capability[]
            {
                new MultiprotocolCapability(AfiSafi.IPv4Unicast),
                new MultiprotocolCapability(AfiSafi.IPv6Unicast),
                new RouteRefreshCapability(),
                new FourOctetAsCapability(4200000001),
                new AddPathCapability(new[] { new AddPathFamily(AfiSafi.IPv4Unicast, AddPathDirection.Both) }),
                new RawCapability(64, new byte[] { 0x40, 0x78 }),
            }),
            true
        },
        { FullUpdate(), true },
        { FullUpdate(), false },
        { new UpdateMessage(new[] { new Nlri(IpPrefix.Parse("10.1.0.0/16"), 7) }, PathAttributes.Empty, default), true },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Encode_then_decode_gives_the_same_message(BgpMessage message, bool fourOctet)
    {
        var context = message is UpdateMessage { Withdrawn.IsEmpty: false } ? AddPath : AddPath with { FourOctetAs = fourOctet };
        var bytes = BgpMessageCodec.Encode(message, context);
        var decoded = BgpMessageCodec.Decode(bytes, context);
        Assert.Equal(message, decoded);
        Assert.Equal(bytes, BgpMessageCodec.Encode(decoded, context));
    }

    [Fact]
    public void Two_octet_session_merges_as4_path()
    {
        var attributes = new PathAttributes
        {
            AsPath = AsPath.FromSequence(65001, AsPath.AsTrans, AsPath.AsTrans),
            As4Path = AsPath.FromSequence(4200000001, 4200000002),
            Aggregator = new Aggregator(AsPath.AsTrans, IPAddress.Parse("192.0.2.9")),
            As4Aggregator = new Aggregator(4200000002, IPAddress.Parse("192.0.2.9")),
        };
        Assert.Equal("65001 4200000001 4200000002", attributes.EffectiveAsPath!.ToString());
        Assert.Equal(4200000002u, attributes.EffectiveAggregator!.Asn);

        // AS4_PATH longer than AS_PATH must be ignored (RFC 6793 4.2.3).
        var bogus = attributes with { As4Path = AsPath.FromSequence(1, 2, 3, 4) };
        Assert.Equal("65001 23456 23456", bogus.EffectiveAsPath!.ToString());
    }

    [Fact]
    public void Interner_shares_equal_attribute_sets()
    {
        var interner = new AttributeSetInterner();
        var bytes = BgpMessageCodec.Encode(FullUpdate(), BgpDecodingContext.FourOctet);
        var first = (UpdateMessage)BgpMessageCodec.Decode(bytes, BgpDecodingContext.FourOctet, interner);
        var second = (UpdateMessage)BgpMessageCodec.Decode(bytes, BgpDecodingContext.FourOctet, interner);
        Assert.Same(first.Attributes, second.Attributes);
        Assert.Equal(1, interner.Count);
    }

    [Fact]
    public void Well_known_communities_have_names()
    {
        Assert.Equal("NO_EXPORT", Community.NoExport.WellKnownName);
        Assert.Equal("NO_ADVERTISE", Community.NoAdvertise.WellKnownName);
        Assert.Equal("NO_EXPORT_SUBCONFED", Community.NoExportSubconfed.WellKnownName);
        Assert.Equal("BLACKHOLE", Community.Blackhole.WellKnownName);
        Assert.Null(new Community(65000, 1).WellKnownName);
        Assert.Equal("65000:1", new Community(65000, 1).ToString());
    }

    [Fact]
    public void Every_truncation_of_an_update_raises_a_decode_error()
    {
        var bytes = BgpMessageCodec.Encode(FullUpdate(), AddPath);
        const int lastNlriLength = 8; // path id, length byte, three prefix bytes
        for (var length = 0; length < bytes.Length; length++)
        {
            if (length == bytes.Length - lastNlriLength)
            {
                continue; // dropping the whole last NLRI leaves a valid, shorter UPDATE
            }

            var truncated = bytes[..length];
            if (length >= 18)
            {
                // Keep the header consistent so the body parsers, not the length check, meet the truncation.
                truncated[16] = (byte)(length >> 8);
                truncated[17] = (byte)length;
            }

            var error = Assert.Throws<BgpDecodeException>(() => BgpMessageCodec.Decode(truncated, AddPath));
            Assert.InRange(error.Offset, 0, length);
            Assert.False(string.IsNullOrEmpty(error.Field));
        }
    }

    [Fact]
    public void Random_corruption_never_escapes_as_another_exception_type()
    {
        var bytes = BgpMessageCodec.Encode(FullUpdate(), AddPath);
        var random = new Random(42);
        for (var i = 0; i < 5000; i++)
        {
            var copy = (byte[])bytes.Clone();
            copy[19 + random.Next(copy.Length - 19)] = (byte)random.Next(256);
            try
            {
                BgpMessageCodec.Decode(copy, AddPath);
            }
            catch (BgpDecodeException)
            {
            }
        }
    }

    [Fact]
    public void Bad_attribute_flags_name_the_attribute_and_offset()
    {
        var update = new UpdateMessage(default, new PathAttributes { Origin = Origin.Igp }, new[] { new Nlri(IpPrefix.Parse("10.0.0.0/8")) });
        var bytes = BgpMessageCodec.Encode(update, BgpDecodingContext.FourOctet);
        bytes[23] |= 0x80; // ORIGIN is well-known: marking it optional is an attribute flags error.
        var error = Assert.Throws<BgpDecodeException>(() => BgpMessageCodec.Decode(bytes, BgpDecodingContext.FourOctet));
        Assert.Equal("ORIGIN flags", error.Field);
        Assert.Equal(23, error.Offset);
    }

    [Fact]
    public void Bad_lengths_are_reported_with_field_and_offset()
    {
        var bytes = BgpMessageCodec.Encode(KeepaliveMessage.Instance, BgpDecodingContext.FourOctet);
        bytes[17] = 18;
        var error = Assert.Throws<BgpDecodeException>(() => BgpMessageCodec.Decode(bytes, BgpDecodingContext.FourOctet));
        Assert.Equal(("BGP message length", 16), (error.Field, error.Offset));

        var update = BgpMessageCodec.Encode(new UpdateMessage(default, new PathAttributes { MultiExitDisc = 5 }, default), BgpDecodingContext.FourOctet);
        update[25] = 3; // MED length 4 -> 3
        error = Assert.Throws<BgpDecodeException>(() => BgpMessageCodec.Decode(update, BgpDecodingContext.FourOctet));
        Assert.Equal("MULTI_EXIT_DISC length", error.Field);
    }

    [Fact]
    public void Prefixes_parse_format_order_and_contain()
    {
        var net = IpPrefix.Parse("10.0.0.0/8");
        Assert.Equal("10.0.0.0/8", net.ToString());
        Assert.Equal(IpPrefix.Parse("10.255.1.1/8"), net);
        Assert.True(net.Contains(IpPrefix.Parse("10.1.0.0/16")));
        Assert.False(IpPrefix.Parse("10.1.0.0/16").Contains(net));
        Assert.True(net.Contains(IPAddress.Parse("10.9.9.9")));
        Assert.True(IpPrefix.Parse("2001:db8::/32").Contains(IpPrefix.Parse("2001:db8:1::/48")));
        Assert.False(IpPrefix.Parse("2001:db8::/32").Contains(IpPrefix.Parse("10.0.0.0/8")));
        Assert.True(IpPrefix.Parse("10.0.0.0/8") < IpPrefix.Parse("10.0.0.0/9"));
        Assert.True(IpPrefix.Parse("255.0.0.0/8") < IpPrefix.Parse("::/0"));
        Assert.Equal("2001:db8::/127", IpPrefix.Parse("2001:db8::1/127").ToString());
        Assert.False(IpPrefix.TryParse("10.0.0.0/33", out _));
    }

    private static UpdateMessage FullUpdate() => new(
        new[] { new Nlri(IpPrefix.Parse("198.51.100.0/24"), 3) },
        new PathAttributes
        {
            Origin = Origin.Egp,
            AsPath = new AsPath(new[]
            {
                new AsPathSegment(AsPathSegmentType.AsSequence, new uint[] { 65001, 65002 }),
                new AsPathSegment(AsPathSegmentType.AsSet, new uint[] { 65010, 65011 }),
            }),
            NextHop = IPAddress.Parse("192.0.2.1"),
            MultiExitDisc = 50,
            LocalPref = 200,
            AtomicAggregate = true,
            Aggregator = new Aggregator(65002, IPAddress.Parse("192.0.2.2")),
            Communities = new[] { Community.NoExport, new Community(65001, 100) },
            OriginatorId = IPAddress.Parse("192.0.2.3"),
            ClusterList = new[] { IPAddress.Parse("192.0.2.4"), IPAddress.Parse("192.0.2.5") },
            ExtendedCommunities = new[] { new ExtendedCommunity(0x0002FDE900000064) },
            LargeCommunities = new[] { new LargeCommunity(4200000001, 1, 2) },
            Unrecognized = new[] { new RawPathAttribute(PathAttributeFlags.Optional | PathAttributeFlags.Transitive, 99, new byte[] { 1, 2, 3 }) },
        },
        new[] { new Nlri(IpPrefix.Parse("203.0.113.0/24"), 1) },
        MpReachNlri.Create(AfiSafi.IPv6Unicast, new[] { IPAddress.Parse("2001:db8::1"), IPAddress.Parse("fe80::1") }, new Nlri(IpPrefix.Parse("2001:db8:1::/48"), 9)),
        new MpUnreachNlri(AfiSafi.IPv6Unicast, new[] { new Nlri(IpPrefix.Parse("2001:db8:2::/48"), 4) }, default));
}
