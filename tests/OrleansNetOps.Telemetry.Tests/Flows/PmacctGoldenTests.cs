using System.Globalization;
using System.Net;
using System.Text.Json;
using OrleansNetOps.Telemetry.Flows;
using OrleansNetOps.TestSupport;

namespace OrleansNetOps.Telemetry.Tests.Flows;

/// <summary>
/// Decodes the pmacct test-suite captures of real Cisco exporters and compares every primitive nfacctd wrote
/// (output-flow-00.json) with our records. nfacctd aggregates records with equal primitives and sums packets and
/// bytes (and ORs tcp_flags, which is accumulated rather than a key), so both sides are keyed by the same
/// primitives and summed before comparing.
/// Not compared: peer_ip_src (the harness replays from addresses given by its docker network, not the capture),
/// label (from a pre-tag map not shipped), vrf_name (empty), writer_id.
/// </summary>
public sealed class PmacctGoldenTests
{
    private static readonly string[] Ignored = ["peer_ip_src", "label", "vrf_name", "writer_id", "flows", "packets", "bytes", "mpls_vpn_rd_origin", "tcp_flags"];

    [Theory]
    [InlineData("100-IPFIXv10-CISCO", 1)]
    [InlineData("101-NFv9-CISCO-cust_primitives", 1)]
    [InlineData("104-IPFIXv10-IPv6-CISCO-sampling_option", 1)]
    [InlineData("110-IPFIXv10-NFv9-multiple-sources", 3)]
    [InlineData("111-IPFIXv10-NFv9-IPv6-IPv4-mix_sources", 2)]
    public void Records_match_nfacctd_output(string test, int captures)
    {
        var decoder = new FlowDecoder();
        var records = new List<FlowDataRecord>();
        for (var i = 0; i < captures; i++)
        {
            foreach (var packet in PcapFile.ReadUdp(SharedData.Path("pmacct", test, $"traffic-{i:00}.pcap")))
            {
                decoder.Decode(packet.Payload.Span, packet.Source.Address, packet.Timestamp, records);
            }
        }

        Assert.Equal(0, decoder.Statistics.Malformed);
        Assert.Equal(0, decoder.PendingCount);
        var golden = File.ReadAllLines(SharedData.Path("pmacct", test, "output-flow-00.json"))
            .Where(l => l.Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToList();
        var primitives = golden[0].EnumerateObject().Select(p => p.Name).Where(n => !Ignored.Contains(n)).ToList();
        var customPrimitives = golden[0].TryGetProperty("custom_primitives", out var cp) ? cp.EnumerateObject().Select(p => p.Name).ToList() : [];

        var expected = Sum(golden.Select(g => (Key(primitives, customPrimitives, name => Expected(g, name)), g.GetProperty("packets").GetUInt64(), g.GetProperty("bytes").GetUInt64(),
            g.GetProperty("tcp_flags").EnumerateArray().Select(e => e.GetString()!).ToHashSet())));
        var actual = Sum(records.Where(r => !r.IsOptions).Select(r =>
        {
            var flow = FlowRecord.From(r)!;
            return (Key(primitives, customPrimitives, name => Actual(r, flow, name)), flow.Packets * flow.SamplingInterval, flow.Bytes * flow.SamplingInterval, TcpFlagNames(flow.TcpFlags).ToHashSet());
        }));

        var missing = expected.Keys.Except(actual.Keys).ToList();
        var extra = actual.Keys.Except(expected.Keys).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0, $"missing:\n{string.Join("\n", missing)}\nextra:\n{string.Join("\n", extra)}");
        foreach (var (key, totals) in expected)
        {
            Assert.True(actual.TryGetValue(key, out var mine), $"no decoded flow with primitives {key}");
            Assert.Equal((totals.Packets, totals.Bytes), (mine.Packets, mine.Bytes));
            Assert.True(totals.Flags.SetEquals(mine.Flags), $"tcp_flags {string.Join(",", totals.Flags)} != {string.Join(",", mine.Flags)} for {key}");
        }
    }

    private static Dictionary<string, (ulong Packets, ulong Bytes, HashSet<string> Flags)> Sum(IEnumerable<(string Key, ulong Packets, ulong Bytes, HashSet<string> Flags)> rows)
    {
        var result = new Dictionary<string, (ulong Packets, ulong Bytes, HashSet<string> Flags)>();
        foreach (var (key, packets, bytes, flags) in rows)
        {
            var sum = result.TryGetValue(key, out var s) ? s : (0UL, 0UL, new HashSet<string>());
            sum.Item3.UnionWith(flags);
            result[key] = (sum.Item1 + packets, sum.Item2 + bytes, sum.Item3);
        }

        return result;
    }

    private static string Key(List<string> primitives, List<string> custom, Func<string, string> value) =>
        string.Join(" | ", primitives.Where(p => p != "custom_primitives").Select(p => $"{p}={value(p)}")
            .Concat(custom.Select(c => $"{c}={value("custom:" + c)}")));

    private static string Expected(JsonElement g, string name)
    {
        if (name.StartsWith("custom:", StringComparison.Ordinal))
        {
            return g.GetProperty("custom_primitives").GetProperty(name[7..]).GetString()!;
        }

        var v = g.GetProperty(name);
        return name switch
        {
            "mpls_label_stack" => string.Join(",", v.EnumerateArray().Select(e => e.GetString())),
            "fwd_status" => v.GetString()!.Split(' ')[0],
            "ip_src" or "ip_dst" or "net_src" or "net_dst" => IPAddress.Parse(v.GetString()!).ToString(),
            "timestamp_start" or "timestamp_end" => v.GetString()!,
            _ => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText(),
        };
    }

    private static string Actual(FlowDataRecord r, FlowRecord f, string name)
    {
        ulong U(ushort id) => r.TryGet(id, out var field) ? field.AsUInt64() : 0;
        string Net(IPAddress address, byte? mask)
        {
            var bits = mask ?? 0;
            var bytes = address.GetAddressBytes();
            for (var i = 0; i < bytes.Length; i++)
            {
                var keep = Math.Clamp(bits - (i * 8), 0, 8);
                bytes[i] &= (byte)(0xFF << (8 - keep));
            }

            return new IPAddress(bytes).ToString();
        }

        return name switch
        {
            "iface_in" => f.InputInterface.ToString(CultureInfo.InvariantCulture),
            "iface_out" => f.OutputInterface.ToString(CultureInfo.InvariantCulture),
            "ip_src" => f.SourceAddress.ToString(),
            "ip_dst" => f.DestinationAddress.ToString(),
            "net_src" => Net(f.SourceAddress, f.SourcePrefixLength),
            "net_dst" => Net(f.DestinationAddress, f.DestinationPrefixLength),
            "mask_src" => (f.SourcePrefixLength ?? 0).ToString(CultureInfo.InvariantCulture),
            "mask_dst" => (f.DestinationPrefixLength ?? 0).ToString(CultureInfo.InvariantCulture),
            "port_src" => f.SourcePort.ToString(CultureInfo.InvariantCulture),
            "port_dst" => f.DestinationPort.ToString(CultureInfo.InvariantCulture),
            "tos" => f.ClassOfService.ToString(CultureInfo.InvariantCulture),
            "ip_proto" => ProtocolName(f.Protocol),
            "fwd_status" => (U(89) >> 6) switch { 0 => "UNKNOWN", 1 => "FORWARDED", 2 => "DROPPED", _ => "CONSUMED" },
            "mpls_label_stack" => string.Join(",", Enumerable.Range(0, 10)
                .Select(i => r.TryGet((ushort)(70 + i), out var l) ? (Found: true, Label: (l.AsUInt64() >> 4) & 0xFFFFF) : (false, 0))
                .TakeWhile(x => x.Found && x.Label != 0)
                .Select((x, i) => $"{i}-{x.Label}")),
            "mpls_vpn_rd" => r.TryGet(234, out var vrf) ? $"vrfid:{vrf.AsUInt64()}" : "0:0:0",
            "timestamp_start" => Seconds(f.Start),
            "timestamp_end" => Seconds(f.End),
            "custom:vrf_id_ingress" => U(234).ToString(CultureInfo.InvariantCulture),
            "custom:vrf_id_egress" => U(235).ToString(CultureInfo.InvariantCulture),
            "custom:mpls_tl_type" => U(46).ToString(CultureInfo.InvariantCulture),
            "custom:mpls_tl_prefix_length" => U(91).ToString(CultureInfo.InvariantCulture),
            "custom:mpls_tl_ipv4_address" => r.TryGet(47, out var tl) ? tl.AsAddress()!.ToString() : "0.0.0.0",
            _ => throw new InvalidOperationException($"golden primitive '{name}' is not compared; add it"),
        };
    }

    // nfacctd subtracts the flow's age in whole seconds (export seconds - floor(age / 1000)), which is our
    // millisecond-exact start rounded up to the next second.
    private static string Seconds(DateTimeOffset? t) =>
        t is { } v ? Math.Ceiling(v.ToUnixTimeMilliseconds() / 1000.0).ToString("F6", CultureInfo.InvariantCulture) : "none";

    private static string ProtocolName(byte protocol) => protocol switch
    {
        1 => "icmp",
        2 => "igmp",
        6 => "tcp",
        17 => "udp",
        47 => "gre",
        50 => "esp",
        58 => "ipv6-icmp",
        89 => "ospf",
        103 => "pim",
        112 => "vrrp",
        _ => protocol.ToString(CultureInfo.InvariantCulture),
    };

    private static IEnumerable<string> TcpFlagNames(ushort flags)
    {
        string[] names = ["FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"];
        for (var i = 0; i < names.Length; i++)
        {
            if ((flags & (1 << i)) != 0)
            {
                yield return names[i];
            }
        }
    }
}
