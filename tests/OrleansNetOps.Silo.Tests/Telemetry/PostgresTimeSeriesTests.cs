using System.Net;
using System.Net.Http.Json;
using OrleansNetOps.Postgres;
using OrleansNetOps.Postgres.TimeSeries;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Silo.Tests.Health;
using OrleansNetOps.Silo.Tests.Infrastructure;
using OrleansNetOps.Telemetry.TimeSeries;

namespace OrleansNetOps.Silo.Tests.Telemetry;

public sealed class PostgresTimeSeriesTests
{
    private static SiloConfig Config(string schema) => TestSilo.PostgresConfig(schema);

    [PostgresFact]
    public async Task Metrics_survive_a_host_restart()
    {
        var schema = "ts_restart_" + Guid.NewGuid().ToString("N")[..12];
        const string Path = "/probes/isp[name=ISP-A]/latency-ms";
        var t0 = new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);
        // Equal times on purpose: they must come back in write order. Microsecond stamps are kept exactly.
        var batch = Enumerable.Range(0, 200).Select(i => new { router = "R1", path = Path, value = i * 0.125, timestamp = t0.AddTicks((i / 2) * 10_010) }).ToList();
        string first;
        await using (var silo = await TestSilo.StartAsync(Config(schema)))
        {
            // Ready first (the silo joins once PostgreSQL is migrated): a silo stopped while still joining is another test.
            await ReadyAsync(silo);
            using var posted = await silo.Client.PostAsJsonAsync("/api/v1/telemetry/metrics", batch);
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
            first = (await IngestApiTests.SeriesAsync(silo, "R1", Path)).GetRawText();
        }

        await using var restarted = await TestSilo.StartAsync(Config(schema));
        var points = await IngestApiTests.SeriesAsync(restarted, "R1", Path, t0.ToString("O"), t0.AddSeconds(1).ToString("O"));

        Assert.Equal(first, points.GetRawText());
        Assert.Equal(batch.Select(b => (b.timestamp, b.value)), points.EnumerateArray().Select(p => (p.GetProperty("t").GetDateTimeOffset(), p.GetProperty("v").GetDouble())));
    }

    private static async Task ReadyAsync(TestSilo silo)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await silo.Client.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, "the silo never became ready");
            await Task.Delay(100);
        }
    }

    [PostgresFact]
    public async Task Retention_rolls_old_points_into_minute_averages_and_deletes_past_retention()
    {
        var schema = "ts_retention_" + Guid.NewGuid().ToString("N")[..12];
        var retention = new TimeSeriesRetention { RawFor = TimeSpan.FromHours(1), RollupsFor = TimeSpan.FromDays(1) };
        await using var store = new PostgresTimeSeriesStore(
            new PostgresDatabase(new PostgresOptions { ConnectionString = PostgresFactAttribute.ConnectionString, Schema = schema }), retention, ownsDatabase: true);
        var key = new SeriesKey("R1", "/system/cpu/utilization");
        var now = new DateTimeOffset(2025, 3, 10, 12, 0, 0, TimeSpan.Zero);
        var ancient = now.AddDays(-2);              // past rollup retention once rolled
        var old = now.AddHours(-3);                 // rolled up, kept
        var recent = now.AddMinutes(-10);           // stays raw
        var samples = new List<MetricSample>
        {
            new("R1", key.Path, ancient, 1), new("R1", key.Path, ancient.AddSeconds(5), 3),
            new("R1", key.Path, old, 10), new("R1", key.Path, old.AddSeconds(20), 20), new("R1", key.Path, old.AddSeconds(40), 60),
            new("R1", key.Path, old.AddMinutes(1), 5),
            new("R1", key.Path, recent, 42), new("R1", key.Path, recent.AddSeconds(1), 43),
        };
        await store.AppendAsync(samples);

        var result = await store.MaintainAsync(now);
        var again = await store.MaintainAsync(now);

        Assert.Equal(6, result.RawRolledUp);
        Assert.Equal(1, result.RollupsDeleted);
        Assert.Equal(new TimeSeriesMaintenanceResult(0, 0), again);
        var raw = await store.QueryAsync(key, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        Assert.Equal([new MetricPoint(recent, 42), new MetricPoint(recent.AddSeconds(1), 43)], raw);
        var minutes = await store.QueryMinutesAsync(key, now.AddDays(-3), now);
        Assert.Equal(
            [new MetricRollup(old, 30, 10, 60, 3), new MetricRollup(old.AddMinutes(1), 5, 5, 5, 1), new MetricRollup(recent, 42.5, 42, 43, 2)],
            minutes);

        // A late point for an already rolled-up minute merges into it.
        await store.AppendAsync([new MetricSample("R1", key.Path, old.AddSeconds(50), 30)]);
        await store.MaintainAsync(now);
        Assert.Equal(new MetricRollup(old, 30, 10, 60, 4), (await store.QueryMinutesAsync(key, old, old))[0]);
    }

    [Fact]
    public async Task Memory_store_keeps_a_bounded_ring_and_applies_the_same_retention()
    {
        var retention = new TimeSeriesRetention { RawFor = TimeSpan.FromHours(1), RollupsFor = TimeSpan.FromDays(1) };
        var store = new MemoryTimeSeriesStore(pointsPerSeries: 100, retention);
        var key = new SeriesKey("R1", "/x");
        var now = new DateTimeOffset(2025, 3, 10, 12, 0, 0, TimeSpan.Zero);
        await store.AppendAsync([.. Enumerable.Range(0, 250).Select(i => new MetricSample("R1", "/x", now.AddSeconds(-250 + i), i))]);

        var kept = await store.QueryAsync(key, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        Assert.Equal(Enumerable.Range(150, 100).Select(i => (double)i), kept.Select(p => p.Value));

        var old = now.AddHours(-3);
        await store.AppendAsync([new MetricSample("R1", "/x", old, 10), new MetricSample("R1", "/x", old.AddSeconds(30), 20)]);
        var result = await store.MaintainAsync(now);
        Assert.Equal(2, result.RawRolledUp);
        Assert.Equal(new MetricRollup(old, 15, 10, 20, 2), (await store.QueryMinutesAsync(key, old, old))[0]);
        // The two old points took ring slots before retention ran: the two oldest recent points (150, 151) gave way.
        Assert.Equal(Enumerable.Range(152, 98).Select(i => (double)i), (await store.QueryAsync(key, DateTimeOffset.MinValue, DateTimeOffset.MaxValue)).Select(p => p.Value));
    }
}
