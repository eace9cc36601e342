using System.Globalization;
using System.Net;
using System.Net.Sockets;
using OrleansNetOps.Telemetry.Snmp;
using OrleansNetOps.Telemetry.Tests.Support;

namespace OrleansNetOps.Telemetry.Tests.Snmp;

/// <summary>Traps sent by net-snmp's <c>snmptrap</c> to a loopback socket, decoded and compared with what was sent.</summary>
public sealed class SnmptrapInteropTests
{
    private const string IfIndex = "1.3.6.1.2.1.2.2.1.1";
    private const string IfDescr = "1.3.6.1.2.1.2.2.1.2";
    private const string IfAdminStatus = "1.3.6.1.2.1.2.2.1.7";
    private const string IfOperStatus = "1.3.6.1.2.1.2.2.1.8";
    private const string BgpPeerRemoteAddr = "1.3.6.1.2.1.15.3.1.7";
    private const string BgpPeerLastError = "1.3.6.1.2.1.15.3.1.14";
    private const string BgpPeerState = "1.3.6.1.2.1.15.3.1.2";

    private static async Task<byte[]> Send(params string[] arguments)
    {
        var snmptrap = ExternalProgram.Require("snmptrap", "snmp");
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
        var target = $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        // MIBs may be absent here: numeric OIDs only, and no MIB loading noise.
        var env = new Dictionary<string, string> { ["MIBS"] = string.Empty, ["MIBDIRS"] = "/nonexistent" };
        var args = arguments.Select(a => a == "{target}" ? target : a).ToList();
        ExternalProgram.Run(snmptrap, args, environment: env);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return (await udp.ReceiveAsync(cts.Token)).Buffer;
    }

    [Fact]
    public async Task LinkDown_with_interface_varbinds()
    {
        var datagram = await Send("-v", "2c", "-c", "public", "{target}", "123456", "1.3.6.1.6.3.1.1.5.3",
            $"{IfIndex}.7", "i", "7", $"{IfAdminStatus}.7", "i", "1", $"{IfOperStatus}.7", "i", "2", $"{IfDescr}.7", "s", "GigabitEthernet0/7");

        var trap = SnmpTrapParser.Parse(datagram);

        Assert.Equal(SnmpVersion.V2c, trap.Version);
        Assert.Equal("public", trap.Community);
        Assert.Equal(123456u, trap.Uptime);
        Assert.Equal("1.3.6.1.6.3.1.1.5.3", trap.TrapOid);
        Assert.Equal("linkDown", trap.Name);
        Assert.Equal(4, trap.VarBinds.Count);
        Assert.Equal((SnmpValueType.Integer, 7L, "ifIndex.7"), (trap.VarBinds[0].Value.Type, trap.VarBinds[0].Value.Integer, trap.VarBinds[0].Name));
        Assert.Equal((1L, "ifAdminStatus.7"), (trap.Find(IfAdminStatus)!.Value.Integer, trap.Find(IfAdminStatus)!.Name));
        Assert.Equal((2L, "ifOperStatus.7"), (trap.Find(IfOperStatus)!.Value.Integer, trap.Find(IfOperStatus)!.Name));
        Assert.Equal("GigabitEthernet0/7", trap.Find(IfDescr)!.Value.Text);
        Assert.False(trap.IsInform);
    }

    [Theory]
    [InlineData("1.3.6.1.2.1.15.0.2")]
    [InlineData("1.3.6.1.2.1.15.7.2")]
    public async Task Bgp_backward_transition_in_both_numberings(string trapOid)
    {
        var datagram = await Send("-v", "2c", "-c", "s3cr3t", "{target}", string.Empty, trapOid,
            $"{BgpPeerRemoteAddr}.203.0.113.5", "a", "203.0.113.5",
            $"{BgpPeerLastError}.203.0.113.5", "x", "0604",
            $"{BgpPeerState}.203.0.113.5", "i", "1");

        var trap = SnmpTrapParser.Parse(datagram);

        Assert.Equal("s3cr3t", trap.Community);
        Assert.Equal(trapOid, trap.TrapOid);
        Assert.Equal("bgpBackwardTransition", trap.Name);
        Assert.True(trap.Uptime > 0, "an empty uptime argument makes snmptrap send the host's uptime");
        var addr = trap.Find(BgpPeerRemoteAddr)!;
        Assert.Equal("bgpPeerRemoteAddr.203.0.113.5", addr.Name);
        Assert.Equal(IPAddress.Parse("203.0.113.5"), addr.Value.Address);
        Assert.Equal(new byte[] { 6, 4 }, trap.Find(BgpPeerLastError)!.Value.Raw);
        Assert.Equal("bgpPeerLastError.203.0.113.5", trap.Find(BgpPeerLastError)!.Name);
        Assert.Equal(1L, trap.Find(BgpPeerState)!.Value.Integer);
    }

    [Fact]
    public async Task Every_value_type_snmptrap_can_send()
    {
        var datagram = await Send("-v", "2c", "-c", "public", "{target}", "42", "1.3.6.1.4.1.99999.0.1",
            "1.3.6.1.4.1.99999.1", "c", "4294967295",
            "1.3.6.1.4.1.99999.2", "C", "18446744073709551615",
            "1.3.6.1.4.1.99999.3", "u", "7",
            "1.3.6.1.4.1.99999.4", "t", "100",
            "1.3.6.1.4.1.99999.5", "o", "1.3.6.1.4.1.9",
            "1.3.6.1.4.1.99999.6", "n", string.Empty,
            "1.3.6.1.4.1.99999.7", "i", "-5",
            "1.3.6.1.4.1.99999.8", "s", "ünï");

        var trap = SnmpTrapParser.Parse(datagram);

        Assert.Null(trap.Name);
        Assert.Equal(42u, trap.Uptime);
        var v = trap.VarBinds.Select(b => b.Value).ToList();
        Assert.Equal((SnmpValueType.Counter32, 4294967295ul), (v[0].Type, v[0].Unsigned));
        Assert.Equal((SnmpValueType.Counter64, ulong.MaxValue), (v[1].Type, v[1].Unsigned));
        Assert.Equal((SnmpValueType.Gauge32, 7ul), (v[2].Type, v[2].Unsigned));
        Assert.Equal((SnmpValueType.TimeTicks, TimeSpan.FromSeconds(1)), (v[3].Type, v[3].Duration));
        Assert.Equal((SnmpValueType.ObjectIdentifier, "1.3.6.1.4.1.9"), (v[4].Type, v[4].Oid));
        Assert.Equal(SnmpValueType.Null, v[5].Type);
        Assert.Equal((SnmpValueType.Integer, -5L), (v[6].Type, v[6].Integer));
        Assert.Equal("ünï", v[7].Text);
    }

    [Fact]
    public async Task Snmpv1_trap_is_translated_to_the_v2_view()
    {
        var datagram = await Send("-v", "1", "-c", "public", "{target}", "1.3.6.1.4.1.8072", "192.0.2.9", "2", "0", "555", $"{IfIndex}.4", "i", "4");

        var trap = SnmpTrapParser.Parse(datagram);

        Assert.Equal(SnmpVersion.V1, trap.Version);
        Assert.Equal("linkDown", trap.Name);
        Assert.Equal(555u, trap.Uptime);
        Assert.Equal("1.3.6.1.4.1.8072", trap.Enterprise);
        Assert.Equal(IPAddress.Parse("192.0.2.9"), trap.AgentAddress);
        Assert.Equal((2, 0), (trap.GenericTrap, trap.SpecificTrap));
        Assert.Equal(4L, Assert.Single(trap.VarBinds).Value.Integer);
    }
}
