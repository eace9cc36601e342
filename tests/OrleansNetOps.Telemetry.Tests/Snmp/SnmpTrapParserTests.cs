using OrleansNetOps.Telemetry.Parsing;
using OrleansNetOps.Telemetry.Snmp;

namespace OrleansNetOps.Telemetry.Tests.Snmp;

public sealed class SnmpTrapParserTests
{
    [Fact]
    public void Hand_built_linkUp()
    {
        var trap = SnmpTrapParser.Parse(LinkUp());

        Assert.Equal("linkUp", trap.Name);
        Assert.Equal(100u, trap.Uptime);
        Assert.Equal(1, trap.RequestId);
    }

    private static byte[] LinkUp()
    {
        // A v2c linkUp (sysUpTime 100, ifIndex.2 = 2) assembled from TLVs following RFC 3416's PDU layout.
        static byte[] Tlv(byte tag, params byte[][] parts)
        {
            var content = parts.SelectMany(p => p).ToArray();
            var length = content.Length < 128 ? new[] { (byte)content.Length } : new[] { (byte)0x81, (byte)content.Length };
            return [tag, .. length, .. content];
        }

        var upTime = Tlv(0x30, Convert.FromHexString("06082B06010201010300"), Convert.FromHexString("430164"));
        var trapOid = Tlv(0x30, Convert.FromHexString("060A2B06010603010104010006092B0601060301010504"));
        var ifIndex = Tlv(0x30, Convert.FromHexString("060A2B060102010202010102"), Convert.FromHexString("020102"));
        var pdu = Tlv(0xA7, Convert.FromHexString("020101020100020100"), Tlv(0x30, upTime, trapOid, ifIndex));
        return Tlv(0x30, Convert.FromHexString("0201010406") , "public"u8.ToArray(), pdu);
    }

    [Fact]
    public void Varbind_names_include_the_instance()
    {
        var trap = SnmpTrapParser.Parse(LinkUp());

        var bind = Assert.Single(trap.VarBinds);
        Assert.Equal("1.3.6.1.2.1.2.2.1.1.2", bind.Oid);
        Assert.Equal("ifIndex.2", bind.Name);
        Assert.Equal(2L, bind.Value.Integer);
    }

    [Fact]
    public void Exception_values_and_opaque_are_decoded()
    {
        static byte[] WithValue(byte[] value)
        {
            static byte[] Tlv(byte tag, params byte[][] parts)
            {
                var content = parts.SelectMany(p => p).ToArray();
                return [tag, (byte)content.Length, .. content];
            }

            var upTime = Tlv(0x30, Convert.FromHexString("06082B06010201010300"), Convert.FromHexString("430164"));
            var trapOid = Tlv(0x30, Convert.FromHexString("060A2B06010603010104010006092B0601060301010504"));
            var bind = Tlv(0x30, Convert.FromHexString("06032B0601"), value);
            var pdu = Tlv(0xA7, Convert.FromHexString("020101020100020100"), Tlv(0x30, upTime, trapOid, bind));
            return Tlv(0x30, Convert.FromHexString("0201010406"), "public"u8.ToArray(), pdu);
        }

        Assert.Equal(SnmpValueType.NoSuchObject, SnmpTrapParser.Parse(WithValue([0x80, 0])).VarBinds[0].Value.Type);
        Assert.Equal(SnmpValueType.NoSuchInstance, SnmpTrapParser.Parse(WithValue([0x81, 0])).VarBinds[0].Value.Type);
        Assert.Equal(SnmpValueType.EndOfMibView, SnmpTrapParser.Parse(WithValue([0x82, 0])).VarBinds[0].Value.Type);
        var opaque = SnmpTrapParser.Parse(WithValue([0x44, 3, 0x9F, 0x78, 0x00])).VarBinds[0].Value;
        Assert.Equal((SnmpValueType.Opaque, "9F7800"), (opaque.Type, opaque.ToString()));
        Assert.Equal("1.3.6.1", SnmpTrapParser.Parse(WithValue([0x80, 0])).VarBinds[0].Oid);
        Assert.Equal(-129L, SnmpTrapParser.Parse(WithValue([0x02, 2, 0xFF, 0x7F])).VarBinds[0].Value.Integer);
    }

    [Theory]
    [InlineData("", 0, "expected a BER element")]
    [InlineData("31", 1, "BER length missing")]
    [InlineData("3005020101", 0, "overruns")]
    [InlineData("3080", 1, "indefinite")]
    [InlineData("3003020103", 2, "SNMP version 3")]
    [InlineData("300A020101040170A0020100", 8, "not a trap")]
    [InlineData("3003040101", 2, "expected version")]
    public void Malformed_ber_reports_what_and_where(string hex, int offset, string reason)
    {
        var ok = SnmpTrapParser.TryParse(Convert.FromHexString(hex), out _, out var error);

        Assert.False(ok);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Equal(offset, error.Offset);
    }

    [Fact]
    public void Oid_decoding_rules()
    {
        Assert.Equal("1.3.6.1.4.1.2636", BerReader.DecodeOid(Convert.FromHexString("2B06010401944C"), 0));
        Assert.Equal("2.999.3", BerReader.DecodeOid(Convert.FromHexString("883703"), 0));
        var ex = Assert.Throws<TelemetryFormatException>(() => BerReader.DecodeOid(Convert.FromHexString("2B0686"), 5));
        Assert.Equal(7, ex.Offset);
        Assert.Contains("ends inside", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_objects_have_no_name_and_known_ones_resolve()
    {
        Assert.Null(SnmpObjectNames.Describe("1.3.6.1.4.1.9.9.9"));
        Assert.Equal("bgpEstablished", SnmpObjectNames.NotificationName("1.3.6.1.2.1.15.0.1"));
        Assert.Equal("bgpEstablished", SnmpObjectNames.NotificationName("1.3.6.1.2.1.15.7.1"));
        Assert.Equal("coldStart", SnmpObjectNames.NotificationName("1.3.6.1.6.3.1.1.5.1"));
        Assert.Equal("warmStart", SnmpObjectNames.NotificationName("1.3.6.1.6.3.1.1.5.2"));
        Assert.Equal("authenticationFailure", SnmpObjectNames.NotificationName("1.3.6.1.6.3.1.1.5.5"));
        Assert.Equal("bgpPeerState.10.0.0.1", SnmpObjectNames.Describe("1.3.6.1.2.1.15.3.1.2.10.0.0.1"));
        Assert.Equal("1.3.6.1.2.1.2.2.1.8", SnmpObjectNames.ObjectOid("ifOperStatus"));
    }
}
