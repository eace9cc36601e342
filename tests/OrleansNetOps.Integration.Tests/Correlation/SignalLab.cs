using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansNetOps.Lab;
using OrleansNetOps.Lab.Host;

namespace OrleansNetOps.Integration.Tests.Correlation;

/// <summary>
/// The seed network as FRR routers streaming BMP to the real service, plus the other ways a fault reaches it: bgpd's own
/// log lines relayed to the syslog listener by util-linux <c>logger</c> under the router's hostname, SNMPv1 traps from
/// net-snmp's <c>snmptrap</c> with the router as agent, and probe points posted to the metrics API. Each test class gets
/// a lab of its own (name prefix plus process id), torn down after it.
/// </summary>
public abstract class SignalLab(string prefix) : LabWithSilo(prefix, TimeSpan.FromSeconds(60))
{
    /// <summary>Waits until the service shows <paramref name="router"/>'s session with <paramref name="neighbor"/> in the state wanted.</summary>
    public async Task WaitForSessionAsync(string router, string neighbor, bool established, TimeSpan timeout)
    {
        var address = Lab.Layout.NeighborAddress(router, neighbor).ToString();
        await PollAsync(async () =>
        {
            var peer = (await GetJsonAsync($"/api/v1/routers/{router}/peers")).EnumerateArray()
                .FirstOrDefault(p => p.GetProperty("peerAddress").GetString() == address);
            return peer.ValueKind == JsonValueKind.Object && (peer.GetProperty("state").GetString() == "established") == established;
        }, timeout, $"{router}'s session with {neighbor} ({address}) never showed {(established ? "established" : "down")}");
    }

    /// <summary>The port of one of the silo's collectors (<c>syslog</c>, <c>snmp-traps</c>).</summary>
    public async Task<int> CollectorPortAsync(string name) =>
        (await GetJsonAsync("/api/v1/collectors")).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name).GetProperty("port").GetInt32();

    /// <summary>The lines bgpd of <paramref name="router"/> wrote to its log file from byte <paramref name="offset"/> on.</summary>
    public string[] LogLinesSince(string router, long offset)
    {
        using var stream = new FileStream(Lab.Layout.Node(router).LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public long LogLength(string router) => new FileInfo(Lab.Layout.Node(router).LogFile).Length;

    /// <summary>
    /// Relays one bgpd log line to the syslog listener with util-linux <c>logger</c> (RFC 5424 over UDP), from a UTS
    /// namespace carrying the router's hostname, as the router's own syslog would name itself.
    /// </summary>
    public async Task RelaySyslogAsync(string router, string message)
    {
        var port = (await CollectorPortAsync("syslog")).ToString(CultureInfo.InvariantCulture);
        var hostname = Lab.Layout.Node(router).Hostname;
        await HostCommand.RunCheckedAsync("unshare", ["--uts", "sh", "-c",
            "hostname \"$0\" && exec logger -n 127.0.0.1 -P \"$1\" -d --rfc5424 -t bgpd -p daemon.notice -- \"$2\"", hostname, port, message]);
    }

    /// <summary>An SNMPv1 linkDown trap (RFC 1157 generic trap 2) from net-snmp's <c>snmptrap</c>, the router's id as agent-addr, with RFC 2863's varbinds.</summary>
    public async Task SendLinkDownTrapAsync(string router, string peer)
    {
        var node = Lab.Layout.Node(router);
        var name = Lab.Layout.Wire(router, peer).InterfaceOf(router);
        var link = await HostCommand.RunCheckedAsync("ip", ["-n", node.Namespace, "-o", "link", "show", name]);
        var index = link[..link.IndexOf(':', StringComparison.Ordinal)].Trim();
        var port = (await CollectorPortAsync("snmp-traps")).ToString(CultureInfo.InvariantCulture);
        // Numeric OIDs and no MIBs loaded: the trap does not depend on which MIB files the host has.
        await HostCommand.RunCheckedAsync("env", ["MIBS=", "MIBDIRS=/nonexistent", "snmptrap", "-v", "1", "-c", "public", $"127.0.0.1:{port}", "1.3.6.1.6.3.1.1.5", node.RouterId.ToString(), "2", "0", "",
            $"1.3.6.1.2.1.2.2.1.1.{index}", "i", index,
            $"1.3.6.1.2.1.2.2.1.7.{index}", "i", "1",
            $"1.3.6.1.2.1.2.2.1.8.{index}", "i", "2",
            $"1.3.6.1.2.1.31.1.1.1.1.{index}", "s", name]);
    }

    /// <summary>Posts probe points (scenario input: the lab has no prober) to <c>POST /api/v1/telemetry/metrics</c>.</summary>
    public async Task PostProbeAsync(string router, string path, double value, DateTimeOffset at)
    {
        using var response = await Api.PostAsJsonAsync("/api/v1/telemetry/metrics", new[]
        {
            new { router, path, value, timestamp = at, tags = new Dictionary<string, string> { ["source"] = "scenario-input" } },
        });
        Assert.True(response.IsSuccessStatusCode, $"POST metrics → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task PollAsync(Func<Task<bool>> done, TimeSpan timeout, string failure)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(250);
        }
    }
}
