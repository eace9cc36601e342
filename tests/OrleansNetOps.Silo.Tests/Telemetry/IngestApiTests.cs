using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrleansNetOps.Silo.Tests.Infrastructure;

namespace OrleansNetOps.Silo.Tests.Telemetry;

public sealed class IngestApiTests
{
    internal static async Task<JsonElement> SeriesAsync(TestSilo silo, string router, string path, string? from = null, string? to = null)
    {
        var query = $"/api/v1/metrics/series?router={router}&path={Uri.EscapeDataString(path)}"
            + (from is null ? string.Empty : $"&from={Uri.EscapeDataString(from)}") + (to is null ? string.Empty : $"&to={Uri.EscapeDataString(to)}");
        using var response = await silo.GetAsync(query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Json.ReadAsync(response)).GetProperty("points");
    }

    [Fact]
    public async Task Posted_metrics_come_back_exactly_and_a_bad_batch_stores_nothing()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig());
        const string Path = "/interfaces/interface[name=eth0]/state/counters/in-octets";
        var t0 = new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);
        var batch = Enumerable.Range(0, 50).Select(i => new { router = "R1", path = Path, value = (i * 1000.5) + 0.25, timestamp = t0.AddMilliseconds(i * 1001) }).ToList();
        using var accepted = await silo.Client.PostAsJsonAsync("/api/v1/telemetry/metrics", batch);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);

        var all = await SeriesAsync(silo, "R1", Path);
        var window = await SeriesAsync(silo, "R1", Path, t0.AddMilliseconds(1001 * 10).ToString("O"), t0.AddMilliseconds(1001 * 19).ToString("O"));

        Assert.Equal(batch.Select(b => (b.timestamp, b.value)), all.EnumerateArray().Select(p => (p.GetProperty("t").GetDateTimeOffset(), p.GetProperty("v").GetDouble())));
        Assert.Equal(batch.Skip(10).Take(10).Select(b => b.value), window.EnumerateArray().Select(p => p.GetProperty("v").GetDouble()));

        var bad = new object[]
        {
            new { router = "R2", path = "/system/cpu/utilization", value = 1.0 },
            new { router = "R2", path = "no-slash[", value = 2.0 },
            new { router = "", path = "/system/cpu/utilization", value = 3.0 },
            new { router = "R2", path = "/system/cpu/utilization", value = "high", timestamp = "yesterday" },
        };
        using var rejected = await silo.Client.PostAsJsonAsync("/api/v1/telemetry/metrics", bad);
        var problem = await Json.ReadProblemAsync(rejected, 400);
        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ToList();
        Assert.Equal(["[1].path", "[2].router", "[3].timestamp", "[3].value"], errors);
        Assert.Equal(0, (await SeriesAsync(silo, "R2", "/system/cpu/utilization")).GetArrayLength());
    }

    [Fact]
    public async Task Prometheus_push_stores_samples_and_reports_bad_lines()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig());
        var text = "# TYPE api_latency_ms gauge\napi_latency_ms{endpoint=\"/pay\"} 42.5 1740823200000\nthis is not a sample\ntransactions_ok_ratio 0.997\n";
        using var response = await silo.Client.PostAsync("/api/v1/telemetry/prometheus?router=app1", new StringContent(text, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await Json.ReadAsync(response);

        Assert.Equal(2, body.GetProperty("accepted").GetInt32());
        var line = Assert.Single(body.GetProperty("rejected").EnumerateArray());
        var lineStart = text.IndexOf("this is", StringComparison.Ordinal);
        Assert.InRange(line.GetProperty("offset").GetInt64(), lineStart, text.IndexOf('\n', lineStart));
        var point = Assert.Single((await SeriesAsync(silo, "app1", "/api_latency_ms[endpoint=/pay]")).EnumerateArray());
        Assert.Equal((DateTimeOffset.FromUnixTimeMilliseconds(1740823200000), 42.5), (point.GetProperty("t").GetDateTimeOffset(), point.GetProperty("v").GetDouble()));
        Assert.Single((await SeriesAsync(silo, "app1", "/transactions_ok_ratio")).EnumerateArray());
    }

    [Fact]
    public async Task Prometheus_push_refuses_NaN_and_infinities_by_line_and_counts_only_what_it_kept()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig());
        var text = "up 1\nrpc_seconds{quantile=\"0.5\"} NaN\n# a comment\nqueue_limit +Inf\nfloor_dbm -Inf 1740823200000\nnot a sample\nready 1\n";
        using var response = await silo.Client.PostAsync("/api/v1/telemetry/prometheus?router=app2", new StringContent(text, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await Json.ReadAsync(response);

        Assert.Equal(2, body.GetProperty("accepted").GetInt32());
        var rejected = body.GetProperty("rejected").EnumerateArray().Select(r => (Line: r.GetProperty("line").GetInt32(), Reason: r.GetProperty("reason").GetString()!)).ToList();
        Assert.Equal([2, 4, 5, 6], rejected.Select(r => r.Line));
        Assert.Contains("value NaN", rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("value +Inf", rejected[1].Reason, StringComparison.Ordinal);
        Assert.Contains("value -Inf", rejected[2].Reason, StringComparison.Ordinal);
        Assert.All(rejected.Take(3), r => Assert.Contains("not stored", r.Reason, StringComparison.Ordinal));
        Assert.Single((await SeriesAsync(silo, "app2", "/up")).EnumerateArray());
        Assert.Single((await SeriesAsync(silo, "app2", "/ready")).EnumerateArray());
        Assert.Empty((await SeriesAsync(silo, "app2", "/queue_limit")).EnumerateArray());

        using var none = await silo.Client.PostAsync("/api/v1/telemetry/prometheus?router=app2", new StringContent("a NaN\nb +Inf\n", Encoding.UTF8, "text/plain"));
        var problem = await Json.ReadProblemAsync(none, 400);
        Assert.Equal(["line 1", "line 2"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task Alertmanager_payload_is_accepted_and_a_bad_one_names_the_json_path()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig());
        const string Payload = """
            {"receiver":"netops","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"HighLatency","router":"R1","severity":"critical"},
            "annotations":{"summary":"latency to ISP-A above 30 ms"},"startsAt":"2025-03-01T10:00:00.000Z","endsAt":"0001-01-01T00:00:00Z",
            "generatorURL":"http://prometheus:9090/graph","fingerprint":"a1b2c3"}],"groupLabels":{"alertname":"HighLatency"},
            "commonLabels":{"alertname":"HighLatency"},"commonAnnotations":{},"externalURL":"http://alertmanager:9093","version":"4",
            "groupKey":"{}:{alertname=\"HighLatency\"}","truncatedAlerts":0}
            """;
        using var ok = await silo.Client.PostAsync("/api/v1/alerts/alertmanager", new StringContent(Payload, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(1, (await Json.ReadAsync(ok)).GetProperty("accepted").GetInt32());
        var stored = await Tools.PollAsync(silo, "/api/v1/alerts?router=R1", _ => true);
        Assert.Equal("HighLatency", stored.EnumerateArray().Single().GetProperty("alert").GetProperty("labels").GetProperty("alertname").GetString());

        using var bad = await silo.Client.PostAsync("/api/v1/alerts/alertmanager",
            new StringContent(Payload.Replace("\"startsAt\":\"2025-03-01T10:00:00.000Z\"", "\"startsAt\":42", StringComparison.Ordinal), Encoding.UTF8, "application/json"));
        var problem = await Json.ReadProblemAsync(bad, 400);
        var path = Assert.Single(problem.GetProperty("errors").EnumerateObject()).Name;
        Assert.Contains("alerts[0]", path, StringComparison.Ordinal);
        Assert.Contains("startsAt", path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Features_average_probe_latency_and_loss_per_isp()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig());
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-5);
        var batch = new object[]
        {
            new { router = "R1", path = "/probes/isp[name=ISP-A]/latency-ms", value = 10.0, timestamp = t0 },
            new { router = "R1", path = "/probes/isp[name=ISP-A]/latency-ms", value = 30.0, timestamp = t0.AddSeconds(10) },
            new { router = "R1", path = "/probes/isp[name=ISP-A]/loss-pct", value = 0.5, timestamp = t0 },
            new { router = "R1", path = "/probes/isp[name=ISP-B]/latency-ms", value = 7.0, timestamp = t0 },
            new { router = "R1", path = "/interfaces/interface[name=eth0]/state/counters/out-octets", value = 0.0, timestamp = t0 },
            new { router = "R1", path = "/interfaces/interface[name=eth0]/state/counters/out-octets", value = 125_000_000.0, timestamp = t0.AddSeconds(10) },
            new { router = "R1", path = "/interfaces/interface[name=eth0]/state/high-speed", value = 1000.0, timestamp = t0 },
        };
        using var posted = await silo.Client.PostAsJsonAsync("/api/v1/telemetry/metrics", batch);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);

        var features = await silo.Client.GetFromJsonAsync<JsonElement>("/api/v1/routers/R1/features");

        var isps = features.GetProperty("isps").EnumerateArray().ToDictionary(i => i.GetProperty("isp").GetString()!);
        Assert.Equal((20.0, 30.0, 0.5), (isps["ISP-A"].GetProperty("avgLatencyMs").GetDouble(), isps["ISP-A"].GetProperty("maxLatencyMs").GetDouble(), isps["ISP-A"].GetProperty("maxLossPct").GetDouble()));
        Assert.Equal(7.0, isps["ISP-B"].GetProperty("avgLatencyMs").GetDouble());
        Assert.Equal(JsonValueKind.Null, isps["ISP-B"].GetProperty("avgLossPct").ValueKind);
        var eth0 = features.GetProperty("interfaces").EnumerateArray().Single();
        Assert.Equal(100_000_000.0, eth0.GetProperty("outBitsPerSecond").GetDouble());
        Assert.Equal(0.1, eth0.GetProperty("utilisation").GetDouble(), 9);
        Assert.Equal(0, features.GetProperty("peersDown").GetInt32());
    }
}
