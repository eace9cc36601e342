using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using OrleansNetOps.Silo.Tests.Infrastructure;

namespace OrleansNetOps.Silo.Tests.Telemetry;

/// <summary>Real senders to the real host's listeners; what they sent must come back through the API.</summary>
public sealed class ListenerTests
{
    private static string Host => Dns.GetHostName().Split('.')[0];

    private static string P(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static async Task<JsonElement> LogWith(TestSilo silo, string token) =>
        (await Tools.PollAsync(silo, $"/api/v1/logs?q={token}", j => j.GetArrayLength() > 0)).EnumerateArray().Single();

    [Fact]
    public async Task Logger_rfc5424_over_udp_shows_every_field()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig());
        var port = Tools.Port(silo, "syslog");
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        Tools.Run("logger", ["-d", "-n", "127.0.0.1", "-P", P(port), "--rfc5424", "-t", "bgpd", "-p", "local3.warning", "--id=4242", "--msgid", "ADJCHANGE",
            "--sd-id", "peer@32473", "--sd-param", "addr=\"192.0.2.1\"", "neighbor 192.0.2.1 Down tok5424udp"]);

        var log = await LogWith(silo, "tok5424udp");

        Assert.Equal("local3", log.GetProperty("facility").GetString());
        Assert.Equal("warning", log.GetProperty("severity").GetString());
        Assert.Equal("bgpd", log.GetProperty("appName").GetString());
        Assert.Equal("4242", log.GetProperty("procId").GetString());
        Assert.Equal("ADJCHANGE", log.GetProperty("msgId").GetString());
        Assert.Equal("neighbor 192.0.2.1 Down tok5424udp", log.GetProperty("message").GetString());
        Assert.StartsWith(Host, log.GetProperty("host").GetString(), StringComparison.Ordinal);
        Assert.Equal(log.GetProperty("host").GetString(), log.GetProperty("router").GetString());
        Assert.Equal("rfc5424", log.GetProperty("format").GetString());
        Assert.Equal("udp", log.GetProperty("transport").GetString());
        var sd = log.GetProperty("structuredData").EnumerateArray().Single(e => e.GetProperty("id").GetString() == "peer@32473");
        Assert.Equal("192.0.2.1", sd.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "addr").GetProperty("value").GetString());
        Assert.InRange(log.GetProperty("t").GetDateTimeOffset(), before, DateTimeOffset.UtcNow.AddSeconds(1));

        // Filters: severity at least error excludes this warning; the router filter includes it.
        var severe = await Tools.PollAsync(silo, "/api/v1/logs?q=tok5424udp&severity=error", _ => true);
        Assert.Equal(0, severe.GetArrayLength());
        var byRouter = await Tools.PollAsync(silo, $"/api/v1/logs?router={log.GetProperty("router").GetString()}&severity=warning&limit=1", _ => true);
        Assert.Equal("tok5424udp", byRouter.EnumerateArray().Single().GetProperty("message").GetString()![^10..]);
    }

    [Fact]
    public async Task Logger_rfc3164_over_udp_and_both_framings_over_tcp()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig());
        var port = Tools.Port(silo, "syslog");
        Tools.Run("logger", ["-d", "-n", "127.0.0.1", "-P", P(port), "--rfc3164", "-t", "sshd", "-p", "auth.err", "--id=777", "Invalid user admin tok3164udp"]);
        Tools.Run("logger", ["-T", "-n", "127.0.0.1", "-P", P(port), "--rfc5424", "--octet-count", "-t", "ospfd", "-p", "daemon.notice"], stdin: "first tokoct\nsecond tokoct\n");
        Tools.Run("logger", ["-T", "-n", "127.0.0.1", "-P", P(port), "--rfc3164", "-t", "ios", "-p", "local7.crit"], stdin: "line one toklf\nline two toklf\n");

        var udp = await LogWith(silo, "tok3164udp");
        var octet = await Tools.PollAsync(silo, "/api/v1/logs?q=tokoct", j => j.GetArrayLength() == 2);
        var lf = await Tools.PollAsync(silo, "/api/v1/logs?q=toklf", j => j.GetArrayLength() == 2);

        Assert.Equal(("auth", "error", "sshd", "777", "rfc3164"), (udp.GetProperty("facility").GetString(), udp.GetProperty("severity").GetString(),
            udp.GetProperty("appName").GetString(), udp.GetProperty("procId").GetString(), udp.GetProperty("format").GetString()));
        Assert.Equal("Invalid user admin tok3164udp", udp.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, udp.GetProperty("msgId").ValueKind);
        Assert.Equal(["second tokoct", "first tokoct"], octet.EnumerateArray().Select(m => m.GetProperty("message").GetString()));
        Assert.All(octet.EnumerateArray(), m => Assert.Equal(("daemon", "notice", "ospfd", "tcp"),
            (m.GetProperty("facility").GetString(), m.GetProperty("severity").GetString(), m.GetProperty("appName").GetString(), m.GetProperty("transport").GetString())));
        Assert.Equal(["line one toklf", "line two toklf"], lf.EnumerateArray().Select(m => m.GetProperty("message").GetString()!).Order());
        Assert.All(lf.EnumerateArray(), m => Assert.Equal(("local7", "critical", "ios"), (m.GetProperty("facility").GetString(), m.GetProperty("severity").GetString(), m.GetProperty("appName").GetString())));

        var syslog = (await Tools.PollAsync(silo, "/api/v1/collectors", _ => true)).EnumerateArray().Single(c => c.GetProperty("name").GetString() == "syslog");
        Assert.Equal(5, syslog.GetProperty("received").GetInt64());
        Assert.Equal(5, syslog.GetProperty("parsed").GetInt64());
        Assert.Equal(1, syslog.GetProperty("sources").GetInt64());
    }

    [Fact]
    public async Task Snmptrap_v2c_shows_in_traps()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig());
        var port = Tools.Port(silo, "snmp-traps");
        Tools.Run("snmptrap", ["-v", "2c", "-c", "public", $"127.0.0.1:{P(port)}", "123456", "1.3.6.1.6.3.1.1.5.3",
            "1.3.6.1.2.1.2.2.1.1.7", "i", "7", "1.3.6.1.2.1.2.2.1.2.7", "s", "GigabitEthernet0/7"],
            environment: new Dictionary<string, string> { ["MIBS"] = string.Empty, ["MIBDIRS"] = "/nonexistent" });

        var trap = (await Tools.PollAsync(silo, "/api/v1/traps?router=127.0.0.1", j => j.GetArrayLength() > 0)).EnumerateArray().Single();

        Assert.Equal("1.3.6.1.6.3.1.1.5.3", trap.GetProperty("trapOid").GetString());
        Assert.Equal("linkDown", trap.GetProperty("name").GetString());
        Assert.Equal("127.0.0.1", trap.GetProperty("router").GetString());
        Assert.Equal(123456u, trap.GetProperty("uptime").GetUInt32());
        var varbinds = trap.GetProperty("varbinds").EnumerateArray().ToList();
        Assert.Equal(2, varbinds.Count);
        Assert.Equal(("1.3.6.1.2.1.2.2.1.1.7", "integer", "7"), (varbinds[0].GetProperty("oid").GetString(), varbinds[0].GetProperty("type").GetString(), varbinds[0].GetProperty("value").GetString()));
        Assert.Equal(("octetString", "GigabitEthernet0/7"), (varbinds[1].GetProperty("type").GetString(), varbinds[1].GetProperty("value").GetString()));
        var future = await Tools.PollAsync(silo, $"/api/v1/traps?from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"))}", _ => true);
        Assert.Equal(0, future.GetArrayLength());
    }

    [Theory]
    [InlineData("10")]
    [InlineData("9")]
    public async Task Softflowd_export_shows_in_top_prefixes(string version)
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig());
        var port = Tools.Port(silo, "flows");
        var t0 = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);
        var a = (new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5000), new IPEndPoint(IPAddress.Parse("198.51.100.20"), 53));
        var b = (new IPEndPoint(IPAddress.Parse("192.0.2.11"), 6000), new IPEndPoint(IPAddress.Parse("203.0.113.5"), 80));
        var packets = new List<(DateTimeOffset, IPEndPoint, IPEndPoint, int)>
        {
            (t0, a.Item1, a.Item2, 50), (t0.AddMilliseconds(100), a.Item1, a.Item2, 50),
            (t0.AddMilliseconds(10), b.Item1, b.Item2, 100), (t0.AddMilliseconds(110), b.Item1, b.Item2, 100), (t0.AddMilliseconds(210), b.Item1, b.Item2, 100),
        };
        packets.Sort((x, y) => x.Item1.CompareTo(y.Item1));
        var work = Directory.CreateTempSubdirectory("sfd");
        try
        {
            File.WriteAllBytes(Path.Combine(work.FullName, "in.pcap"), PcapWriter.Write(packets));
            // softflowd 1.1 hangs with a long control-socket path, so it runs in its own folder with short names.
            Tools.Run("softflowd", ["-d", "-r", "in.pcap", "-n", $"127.0.0.1:{P(port)}", "-v", version, "-p", "pid", "-c", "ctl"], workingDirectory: work.FullName);
        }
        finally
        {
            work.Delete(recursive: true);
        }

        var top = await Tools.PollAsync(silo, "/api/v1/flows/top?router=127.0.0.1&by=prefix", j => j.GetArrayLength() == 2);

        var rows = top.EnumerateArray().Select(r => (r.GetProperty("key").GetString(), r.GetProperty("bytes").GetInt64(), r.GetProperty("packets").GetInt64(), r.GetProperty("flows").GetInt64())).ToList();
        Assert.Equal([("203.0.113.0/24", 3L * PcapWriter.IpLength(100), 3L, 1L), ("198.51.100.0/24", 2L * PcapWriter.IpLength(50), 2L, 1L)], rows);
        var flows = (await Tools.PollAsync(silo, "/api/v1/collectors", _ => true)).EnumerateArray().Single(c => c.GetProperty("name").GetString() == "flows");
        Assert.True(flows.GetProperty("parsed").GetInt64() >= 1);
        Assert.Empty(flows.GetProperty("rejected").EnumerateObject());
    }

    [Fact]
    public async Task Garbage_datagrams_are_counted_and_later_good_ones_still_parse()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig());
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        List<byte[]> garbage = [[], [0x30], [0xFF, 0xFF, 0xFF, 0xFF], [0x00, 0x0A, 0x00, 0x10, 1, 2, 3], [0x00, 0x09, 0x00, 0x01], [.. Enumerable.Range(0, 1500).Select(i => (byte)(i * 37))]];
        foreach (var collector in new[] { "syslog", "flows", "snmp-traps" })
        {
            var target = new IPEndPoint(IPAddress.Loopback, Tools.Port(silo, collector));
            foreach (var datagram in garbage)
            {
                await udp.SendAsync(datagram, target);
            }
        }

        var counters = await Tools.PollAsync(silo, "/api/v1/collectors",
            j => j.EnumerateArray().Where(c => c.GetProperty("name").GetString() != "bmp").All(c => c.GetProperty("received").GetInt64() >= garbage.Count - 1));
        foreach (var c in counters.EnumerateArray().Where(c => c.GetProperty("name").GetString() != "bmp"))
        {
            Assert.True(c.GetProperty("rejected").EnumerateObject().Sum(r => r.Value.GetInt64()) >= garbage.Count - 1, c.ToString());
            Assert.True(c.GetProperty("listening").GetBoolean());
        }

        var syslogPort = Tools.Port(silo, "syslog");
        Tools.Run("logger", ["-d", "-n", "127.0.0.1", "-P", P(syslogPort), "--rfc5424", "-t", "after", "tokafter"]);
        Tools.Run("snmptrap", ["-v", "2c", "-c", "public", $"127.0.0.1:{P(Tools.Port(silo, "snmp-traps"))}", "1", "1.3.6.1.6.3.1.1.5.4"],
            environment: new Dictionary<string, string> { ["MIBS"] = string.Empty, ["MIBDIRS"] = "/nonexistent" });
        Assert.Equal("tokafter", (await LogWith(silo, "tokafter")).GetProperty("message").GetString());
        var trap = await Tools.PollAsync(silo, "/api/v1/traps", j => j.GetArrayLength() > 0);
        Assert.Equal("linkUp", trap.EnumerateArray().Single().GetProperty("name").GetString());

        using var metrics = await silo.GetAsync("/metrics");
        var exposition = Observability.PrometheusExposition.Parse(await metrics.Content.ReadAsStringAsync());
        double Sample(string family, string collector) => exposition.Family(family).Samples.Single(s => s.Labels["collector"] == collector).Value;
        Assert.Equal(1, Sample("netops_collector_parsed_total", "syslog"));
        Assert.Equal(1, Sample("netops_collector_parsed_total", "snmp-traps"));
        Assert.True(exposition.Family("netops_collector_rejected_total").Samples.Where(s => s.Labels["collector"] == "flows").Sum(s => s.Value) >= garbage.Count - 1);
    }
}
