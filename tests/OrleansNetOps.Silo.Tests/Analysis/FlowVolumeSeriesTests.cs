using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrleansNetOps.Silo.Tests.Infrastructure;
using OrleansNetOps.Silo.Tests.Telemetry;
using OrleansNetOps.Telemetry.Flows;

namespace OrleansNetOps.Silo.Tests.Analysis;

public sealed class FlowVolumeSeriesTests
{
    [Fact]
    public async Task Flows_a_router_exports_become_its_volume_series_in_the_time_series_store_and_stay_in_top_talkers()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig());
        var flows = silo.App.Services.GetRequiredService<IFlowStore>();
        // Three minutes of flows a few minutes ago, each received as it ended: the feed's timer closes their minutes.
        var now = DateTimeOffset.UtcNow;
        var first = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero).AddMinutes(-5);
        for (var minute = 0; minute < 3; minute++)
        {
            var end = first.AddMinutes(minute).AddSeconds(30);
            flows.Add("R1", new FlowRecord(IPAddress.Parse("198.51.100.1"), IPAddress.Parse("172.16.10.5"), IPAddress.Parse("8.8.8.8"), 40000, 443, 6,
                (ulong)(60_000 * (minute + 1)), 60, 1, 2, 65001, 15169, end.AddSeconds(-10), end), end.AddSeconds(5));
        }

        var from = Uri.EscapeDataString(first.ToString("O", CultureInfo.InvariantCulture));
        var to = Uri.EscapeDataString(now.ToString("O", CultureInfo.InvariantCulture));
        var series = await Tools.PollAsync(silo, $"/api/v1/metrics/series?router=R1&path={Uri.EscapeDataString(FlowVolumeMeter.BytesPath)}&from={from}&to={to}",
            j => j.GetProperty("points").GetArrayLength() >= 3);

        var points = series.GetProperty("points").EnumerateArray().Take(3).Select(p => p.GetProperty("v").GetDouble()).ToList();
        Assert.Equal([1_000.0, 2_000.0, 3_000.0], points);
        var top = await Tools.PollAsync(silo, "/api/v1/flows/top?router=R1&by=prefix", j => j.GetArrayLength() == 1);
        Assert.Equal(360_000, top[0].GetProperty("bytes").GetInt64());
    }
}
