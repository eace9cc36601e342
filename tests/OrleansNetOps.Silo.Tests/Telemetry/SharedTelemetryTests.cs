using System.Globalization;
using System.Net;
using System.Text;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Silo.Tests.Health;
using OrleansNetOps.Silo.Tests.Infrastructure;

namespace OrleansNetOps.Silo.Tests.Telemetry;

/// <summary>With PostgreSQL, what one silo's listeners receive every silo's API answers: logs, traps, flows and alerts.</summary>
public sealed class SharedTelemetryTests
{
    private static string P(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static SiloConfig Config(string schema) => TestSilo.PostgresConfig(schema);

    [PostgresFact]
    public async Task What_one_silo_receives_from_real_senders_the_other_silo_serves()
    {
        var schema = "shared_" + Guid.NewGuid().ToString("N")[..12];
        await using var receiving = await TestSilo.StartAsync(Config(schema));
        await using var answering = await TestSilo.StartAsync(Config(schema));
        var token = "tokshared" + Guid.NewGuid().ToString("N")[..8];

        Tools.Run("logger", ["-d", "-n", "127.0.0.1", "-P", P(Tools.Port(receiving, "syslog")), "--rfc5424", "-t", "bgpd", "-p", "local3.err", token]);
        Tools.Run("snmptrap", ["-v", "2c", "-c", "public", $"127.0.0.1:{P(Tools.Port(receiving, "snmp-traps"))}", "42", "1.3.6.1.6.3.1.1.5.3",
            "1.3.6.1.2.1.2.2.1.1.3", "i", "3"], environment: new Dictionary<string, string> { ["MIBS"] = string.Empty, ["MIBDIRS"] = "/nonexistent" });
        var t0 = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);
        var flow = (new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5000), new IPEndPoint(IPAddress.Parse("198.51.100.20"), 53));
        var work = Directory.CreateTempSubdirectory("sfd");
        try
        {
            File.WriteAllBytes(Path.Combine(work.FullName, "in.pcap"), PcapWriter.Write([(t0, flow.Item1, flow.Item2, 50), (t0.AddMilliseconds(100), flow.Item1, flow.Item2, 50)]));
            Tools.Run("softflowd", ["-d", "-r", "in.pcap", "-n", $"127.0.0.1:{P(Tools.Port(receiving, "flows"))}", "-v", "10", "-p", "pid", "-c", "ctl"],
                workingDirectory: work.FullName);
        }
        finally
        {
            work.Delete(recursive: true);
        }

        var alert = """
            {"receiver":"netops","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"HighLatency","router":"R7"},
            "annotations":{},"startsAt":"2025-03-01T10:00:00.000Z","endsAt":"0001-01-01T00:00:00Z","generatorURL":"","fingerprint":"f1"}],
            "groupLabels":{},"commonLabels":{},"commonAnnotations":{},"externalURL":"","version":"4","groupKey":"{}:{}","truncatedAlerts":0}
            """;
        using (var posted = await receiving.Client.PostAsync("/api/v1/alerts/alertmanager", new StringContent(alert, Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        var log = await Tools.PollAsync(answering, $"/api/v1/logs?q={token}", j => j.GetArrayLength() > 0);
        Assert.Equal("error", log.EnumerateArray().Single().GetProperty("severity").GetString());
        var trap = await Tools.PollAsync(answering, "/api/v1/traps?router=127.0.0.1", j => j.GetArrayLength() > 0);
        Assert.Equal("linkDown", trap.EnumerateArray().Single().GetProperty("name").GetString());
        var alerts = await Tools.PollAsync(answering, "/api/v1/alerts?router=R7", j => j.GetArrayLength() > 0);
        Assert.Equal("HighLatency", alerts.EnumerateArray().Single().GetProperty("alert").GetProperty("labels").GetProperty("alertname").GetString());
        // The receiving silo's open flow window closes on its timer (the router went quiet), then the other silo sees it.
        var top = await Tools.PollAsync(answering, "/api/v1/flows/top?router=127.0.0.1&by=prefix", j => j.GetArrayLength() > 0);
        var row = top.EnumerateArray().SingleOrDefault();
        Assert.True(row.ValueKind == System.Text.Json.JsonValueKind.Object,
            "no flows: " + (await Tools.PollAsync(receiving, "/api/v1/flows/top?by=prefix", _ => true)) + (await Tools.PollAsync(receiving, "/api/v1/collectors", _ => true)) + string.Join(" | ", receiving.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).Select(e => e.Message)));
        Assert.Equal(("198.51.100.0/24", 2L * PcapWriter.IpLength(50), 2L), (row.GetProperty("key").GetString(), row.GetProperty("bytes").GetInt64(), row.GetProperty("packets").GetInt64()));
    }
}
