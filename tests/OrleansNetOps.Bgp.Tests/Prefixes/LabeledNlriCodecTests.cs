using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Bgp.Wire;

namespace OrleansNetOps.Bgp.Tests.Prefixes;

/// <summary>Labelled-unicast and L3VPN NLRI on the wire (RFC 8277, RFC 4364).</summary>
public sealed class LabeledNlriCodecTests
{
    private static readonly AfiSafi Vpn4 = new(Afi.IPv4, Safi.MplsVpn);
    private static readonly AfiSafi Vpn6 = new(Afi.IPv6, Safi.MplsVpn);
    private static readonly AfiSafi Labeled4 = new(Afi.IPv4, Safi.MplsLabel);

    private static RouteDistinguisher Rd(string text) => RouteDistinguisher.TryParse(text, out var rd) ? rd : throw new ArgumentException(text);

    [Fact]
    public void A_vpnv4_route_is_length_label_rd_prefix()
    {
        var route = new LabeledNlri(IpPrefix.Parse("192.0.2.0/24"), new uint[] { 24001 }, Rd("65000:7"));

        var bytes = LabeledNlriCodec.Encode([route], Vpn4, addPath: false);

        // 24 label bits + 64 RD bits + 24 prefix bits; label 24001 = 0x05DC1 with the bottom-of-stack bit.
        Assert.Equal("7005DC110000FDE800000007C00002", Convert.ToHexString(bytes));
        Assert.Equal(route, Assert.Single(LabeledNlriCodec.Decode(bytes, Vpn4, false, false)));
    }

    [Fact]
    public void Label_stacks_rds_of_every_type_and_path_ids_round_trip()
    {
        LabeledNlri[] vpn6 =
        [
            new(IpPrefix.Parse("2001:db8::/32"), new uint[] { 16, 1048575 }, Rd("192.0.2.1:7"), 1),
            new(IpPrefix.Parse("2001:db8:1::1/128"), new uint[] { 3 }, Rd("4226809946:12"), 2),
            new(IpPrefix.Parse("::/0"), new uint[] { 299 }, Rd("0:0"), 0),
        ];
        LabeledNlri[] labeled = [new(IpPrefix.Parse("198.51.100.7/32"), new uint[] { 160021 }, null)];

        Assert.Equal(vpn6, LabeledNlriCodec.Decode(LabeledNlriCodec.Encode(vpn6, Vpn6, addPath: true), Vpn6, true, false).ToArray());
        Assert.Equal(labeled, LabeledNlriCodec.Decode(LabeledNlriCodec.Encode(labeled, Labeled4, addPath: false), Labeled4, false, false).ToArray());
    }

    [Fact]
    public void A_withdrawal_reads_one_placeholder_label_whatever_its_bottom_of_stack_bit()
    {
        // RFC 8277 section 2.4: 0x800000 without the bottom-of-stack bit.
        var bytes = Convert.FromHexString("70800000" + "0000FDE800000007" + "C00002");

        var route = Assert.Single(LabeledNlriCodec.Decode(bytes, Vpn4, false, withdrawal: true));

        Assert.Equal(new Nlri(IpPrefix.Parse("192.0.2.0/24")), route.Route);
        Assert.Equal(Rd("65000:7"), route.Distinguisher);
    }

    [Fact]
    public void Malformed_nlri_are_named_with_their_offset()
    {
        // Length 0x38 (56 bits) cannot hold a label and an RD.
        var error = Assert.Throws<BgpDecodeException>(() => LabeledNlriCodec.Decode(Convert.FromHexString("3805DC110000FDE800000007"), Vpn4, false, false));
        Assert.Contains("labelled NLRI length", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, error.Offset);

        Assert.Throws<BgpDecodeException>(() => LabeledNlriCodec.Decode(Convert.FromHexString("7005DC110000FDE8"), Vpn4, false, false));
    }

    [Fact]
    public void Routes_that_cannot_be_encoded_are_refused()
    {
        var prefix = IpPrefix.Parse("192.0.2.0/24");
        Assert.Throws<ArgumentException>(() => LabeledNlriCodec.Encode([new LabeledNlri(prefix, Array.Empty<uint>(), Rd("1:1"))], Vpn4, false));
        Assert.Throws<ArgumentException>(() => LabeledNlriCodec.Encode([new LabeledNlri(prefix, new uint[] { 1u << 20 }, Rd("1:1"))], Vpn4, false));
        Assert.Throws<ArgumentException>(() => LabeledNlriCodec.Encode([new LabeledNlri(prefix, new uint[] { 16 }, null)], Vpn4, false));
        Assert.Throws<ArgumentException>(() => LabeledNlriCodec.Encode([new LabeledNlri(prefix, new uint[] { 16 }, Rd("1:1"))], Vpn6, false));
    }
}
