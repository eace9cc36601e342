using System.Globalization;
using System.Net;
using System.Text;
using OrleansNetOps.Silo.Tests.Infrastructure;
using OrleansNetOps.Silo.Tests.Telemetry;

namespace OrleansNetOps.Silo.Tests.Analysis;

public sealed class SignalFindingsApiTests
{
    [Fact]
    public async Task A_linkDown_trap_from_snmptrap_and_a_firing_alert_become_findings_and_a_linkUp_and_a_resolved_alert_do_not()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig());
        var port = Tools.Port(silo, "snmp-traps").ToString(CultureInfo.InvariantCulture);
        var noMibs = new Dictionary<string, string> { ["MIBS"] = string.Empty, ["MIBDIRS"] = "/nonexistent" };
        Tools.Run("snmptrap", ["-v", "2c", "-c", "public", $"127.0.0.1:{port}", "123456", "1.3.6.1.6.3.1.1.5.4",
            "1.3.6.1.2.1.2.2.1.1.3", "i", "3", "1.3.6.1.2.1.31.1.1.1.1.3", "s", "eth1"], environment: noMibs);
        Tools.Run("snmptrap", ["-v", "2c", "-c", "public", $"127.0.0.1:{port}", "123457", "1.3.6.1.6.3.1.1.5.3",
            "1.3.6.1.2.1.2.2.1.1.7", "i", "7", "1.3.6.1.2.1.2.2.1.2.7", "s", "GigabitEthernet0/7",
            "1.3.6.1.2.1.2.2.1.7.7", "i", "1", "1.3.6.1.2.1.2.2.1.8.7", "i", "2"], environment: noMibs);

        var linkDown = (await Tools.PollAsync(silo, "/api/v1/findings?kind=link-down", j => j.GetArrayLength() > 0)).EnumerateArray().Single();
        Assert.Equal("127.0.0.1", linkDown.GetProperty("router").GetString());
        Assert.Equal("interface:127.0.0.1:GigabitEthernet0/7", linkDown.GetProperty("subject").GetString());
        var data = linkDown.GetProperty("evidence").EnumerateArray().Single().GetProperty("data");
        Assert.Equal("7", data.GetProperty("ifIndex").GetString());
        Assert.Equal("up", data.GetProperty("ifAdminStatus").GetString());
        Assert.Equal("down", data.GetProperty("ifOperStatus").GetString());

        foreach (var status in new[] { "resolved", "firing" })
        {
            var payload = $$"""
                {"receiver":"netops","status":"{{status}}","alerts":[{"status":"{{status}}","labels":{"alertname":"HighLatency","router":"R1","severity":"critical","isp":"ISP-A"},
                "annotations":{"summary":"latency to ISP-A above 30 ms"},"startsAt":"2025-03-01T10:0{{(status == "firing" ? 1 : 0)}}:00.000Z","endsAt":"0001-01-01T00:00:00Z",
                "generatorURL":"http://prometheus:9090/graph","fingerprint":"a1b2c3"}],"groupLabels":{},"commonLabels":{},"commonAnnotations":{},
                "externalURL":"http://alertmanager:9093","version":"4","groupKey":"{}:{alertname=\"HighLatency\"}","truncatedAlerts":0}
                """;
            using var posted = await silo.Client.PostAsync("/api/v1/alerts/alertmanager", new StringContent(payload, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        var alert = (await Tools.PollAsync(silo, "/api/v1/findings?router=R1&kind=external-alert", j => j.GetArrayLength() > 0)).EnumerateArray().Single();
        Assert.Equal("router:R1", alert.GetProperty("subject").GetString());
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 10, 1, 0, TimeSpan.Zero), alert.GetProperty("t").GetDateTimeOffset());
        Assert.Contains("latency to ISP-A above 30 ms", alert.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal("ISP-A", alert.GetProperty("evidence").EnumerateArray().Single().GetProperty("data").GetProperty("isp").GetString());

        // The linkUp before and the resolved alert stated no fault.
        Assert.Single((await Tools.PollAsync(silo, "/api/v1/findings?kind=link-down", _ => true)).EnumerateArray());
        Assert.Single((await Tools.PollAsync(silo, "/api/v1/findings?router=R1&kind=external-alert", _ => true)).EnumerateArray());
    }
}
