using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansNetOps.Silo.Tests.Infrastructure;

namespace OrleansNetOps.Silo.Tests.Network;

public sealed class TopologyApiTests
{
    [Fact]
    public async Task An_ISP_link_carries_what_its_router_last_measured_toward_that_ISP_and_internal_links_stay_unmeasured()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig());
        var now = DateTimeOffset.UtcNow;
        var old = now.AddMinutes(-20).ToString("O", CultureInfo.InvariantCulture);
        var recent = now.AddSeconds(-30).ToString("O", CultureInfo.InvariantCulture);
        using var posted = await silo.Client.PostAsJsonAsync("/api/v1/telemetry/metrics", new object[]
        {
            new { router = "R1", path = "/probes/isp[name=ISP-A]/utilisation-pct", value = 40.0, timestamp = old },
            new { router = "R1", path = "/probes/isp[name=ISP-A]/utilisation-pct", value = 91.0, timestamp = recent },
            new { router = "R1", path = "/probes/isp[name=ISP-A]/latency-ms", value = 31.5, timestamp = recent },
            new { router = "R1", path = "/probes/isp[name=ISP-A]/loss-pct", value = 0.5, timestamp = recent },
            // Twenty minutes old: no longer what the link is doing.
            new { router = "R2", path = "/probes/isp[name=ISP-C]/utilisation-pct", value = 70.0, timestamp = old },
        });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);

        var links = JsonDocument.Parse(await silo.Client.GetStringAsync("/api/v1/topology")).RootElement.GetProperty("links").EnumerateArray().ToList();

        var hot = links.Single(l => l.GetProperty("a").GetString() == "R1" && l.GetProperty("b").GetString() == "ISP-A");
        Assert.Equal(0.91, hot.GetProperty("utilisation").GetDouble(), 9);
        Assert.Equal(31.5, hot.GetProperty("latencyMs").GetDouble());
        Assert.Equal(0.5, hot.GetProperty("lossPct").GetDouble());
        var stale = links.Single(l => l.GetProperty("a").GetString() == "R2" && l.GetProperty("b").GetString() == "ISP-C");
        Assert.Equal(JsonValueKind.Null, stale.GetProperty("utilisation").ValueKind);
        Assert.Equal(6, stale.GetProperty("latencyMs").GetDouble());
        var internalLink = links.Single(l => l.GetProperty("a").GetString() == "R3" && l.GetProperty("b").GetString() == "R1");
        Assert.Equal(JsonValueKind.Null, internalLink.GetProperty("utilisation").ValueKind);
        Assert.Equal(JsonValueKind.Null, internalLink.GetProperty("lossPct").ValueKind);
    }
}
