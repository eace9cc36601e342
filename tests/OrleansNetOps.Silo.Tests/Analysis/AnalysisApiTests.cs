using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansNetOps.Silo.Tests.Infrastructure;
using OrleansNetOps.Telemetry.Syslog;

namespace OrleansNetOps.Silo.Tests.Analysis;

public sealed class AnalysisApiTests
{
    private const string Path = "/probes/isp[name=ISP-A]/utilisation-pct";

    [Fact]
    public async Task Posted_metrics_and_stored_syslog_reach_the_analysts_and_come_back_as_forecasts_findings_templates_and_template_ids()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig());

        // A day at 40 % ± 2, then +0.5 % a minute to 60 %, ending now: 85 % is about 50 minutes away.
        var random = new Random(1);
        // Microseconds: RFC 5424 timestamps carry at most six fractional digits.
        var now = new DateTimeOffset(DateTime.UtcNow.Ticks / 10 * 10, TimeSpan.Zero);
        var values = Enumerable.Range(0, 1440).Select(_ => 40 + (2 * Gaussian(random)))
            .Concat(Enumerable.Range(0, 40).Select(i => 40 + (0.5 * i) + (0.5 * Gaussian(random)))).ToList();
        var points = values.Select((v, i) => new { router = "R1", path = Path, value = v, timestamp = now.AddMinutes(i - values.Count) }).ToList();
        foreach (var batch in points.Chunk(500))
        {
            using var accepted = await silo.Client.PostAsJsonAsync("/api/v1/telemetry/metrics", batch);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        var forecasts = await PollAsync(silo, "/api/v1/forecasts?router=R1", a => a.EnumerateArray().Any(f => f.GetProperty("etaMinutes").ValueKind == JsonValueKind.Number));
        var forecast = Assert.Single(forecasts.EnumerateArray());
        Assert.Equal(Path, forecast.GetProperty("path").GetString());
        Assert.Equal(60, forecast.GetProperty("horizonMinutes").GetDouble());
        Assert.Equal(85, forecast.GetProperty("threshold").GetDouble());
        Assert.InRange(forecast.GetProperty("etaMinutes").GetDouble(), 35, 65);
        Assert.True(forecast.GetProperty("low").GetDouble() <= forecast.GetProperty("etaMinutes").GetDouble());
        Assert.True(forecast.GetProperty("confidence").GetDouble() >= 0.5);

        var findings = await PollAsync(silo, "/api/v1/findings?router=R1&kind=congestion-forecast&limit=5", a => a.GetArrayLength() > 0);
        var finding = Assert.Single(findings.EnumerateArray());
        Assert.StartsWith("f-", finding.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("R1", finding.GetProperty("router").GetString());
        Assert.Equal("congestion-forecast", finding.GetProperty("kind").GetString());
        Assert.InRange(finding.GetProperty("score").GetDouble(), 0, 1);
        Assert.Contains("reaches 85", finding.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.True(finding.GetProperty("evidence").GetArrayLength() > 0);
        Assert.True(finding.GetProperty("t").GetDateTimeOffset() <= now);
        Assert.Equal(JsonValueKind.Object, finding.GetProperty("candidateCause").ValueKind);
        var candidates = await PollAsync(silo, "/api/v1/findings/candidates", a => a.GetArrayLength() > 0);
        Assert.Contains(candidates.EnumerateArray(), c => c.GetProperty("findings").EnumerateArray().Any(f => f.GetString() == finding.GetProperty("id").GetString()));
        Assert.Equal(0, (await GetAsync(silo, "/api/v1/findings?router=R2")).GetArrayLength());
        await Json.ReadProblemAsync(await silo.GetAsync("/api/v1/findings?kind=nonsense"), 400);
        await Json.ReadProblemAsync(await silo.GetAsync("/api/v1/forecasts"), 400);

        // Syslog as the listener stores it: the store (the read model) hands it to R1's analyst.
        var store = silo.App.Services.GetRequiredService<ISyslogStore>();
        for (var i = 0; i < 30; i++)
        {
            var text = $"<28>1 {now.AddSeconds(i).UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'} r1 bgpd 812 - - %ADJCHANGE: neighbor 203.0.113.{i + 1} Down Hold Timer Expired";
            store.Add(new StoredSyslogMessage(now.AddSeconds(i), now, "R1", "127.0.0.1", "udp", SyslogParser.Parse(Encoding.UTF8.GetBytes(text), now)));
        }

        var templates = await PollAsync(silo, "/api/v1/logs/templates?router=R1", a => a.EnumerateArray().Any(t => t.GetProperty("count").GetInt64() == 30));
        var template = Assert.Single(templates.EnumerateArray());
        Assert.Contains("Down Hold Timer Expired", template.GetProperty("template").GetString(), StringComparison.Ordinal);
        Assert.Equal(now.AddSeconds(29), template.GetProperty("lastSeen").GetDateTimeOffset());
        Assert.Equal(now, template.GetProperty("firstSeen").GetDateTimeOffset());
        Assert.False(template.GetProperty("rare").GetBoolean());
        var logs = await GetAsync(silo, "/api/v1/logs?router=R1&limit=50");
        Assert.Equal(30, logs.GetArrayLength());
        Assert.All(logs.EnumerateArray(), l => Assert.Equal(template.GetProperty("id").GetString(), l.GetProperty("templateId").GetString()));
    }

    private static async Task<JsonElement> GetAsync(TestSilo silo, string query)
    {
        using var response = await silo.GetAsync(query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Json.ReadAsync(response);
    }

    // The analysts are fed asynchronously from the stores.
    private static async Task<JsonElement> PollAsync(TestSilo silo, string query, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var body = await GetAsync(silo, query);
            if (done(body))
            {
                return body;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{query} never gave what was expected; last: {body}");
            await Task.Delay(200);
        }
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
