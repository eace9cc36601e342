using System.Net;
using OrleansNetOps.Telemetry.Flows;
using OrleansNetOps.Telemetry.TimeSeries;

namespace OrleansNetOps.Telemetry.Tests.Flows;

public sealed class FlowVolumeMeterTests
{
    private static readonly DateTimeOffset Noon = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly IPAddress Exporter = IPAddress.Parse("192.0.2.254");

    private static FlowRecord Flow(ulong bytes, ulong packets, uint input, uint output, DateTimeOffset? end, uint sampling = 1) =>
        new(Exporter, IPAddress.Parse("10.0.0.1"), IPAddress.Parse("203.0.113.7"), 1, 2, 6, bytes, packets, input, output, 64500, 64501, end?.AddSeconds(-1), end)
        {
            SamplingInterval = sampling,
        };

    private static Dictionary<string, double> At(IEnumerable<MetricSample> samples, DateTimeOffset at) =>
        samples.Where(s => s.Time == at).ToDictionary(s => s.Path, s => s.Value);

    [Fact]
    public void An_interval_closes_one_interval_after_its_end_with_rates_per_router_and_interface_scaled_by_sampling()
    {
        var meter = new FlowVolumeMeter();
        Assert.Empty(meter.Add("R1", Flow(6_000, 10, 1, 2, Noon.AddSeconds(10)), Noon.AddSeconds(11)));
        Assert.Empty(meter.Add("R1", Flow(600, 1, 3, 2, Noon.AddSeconds(50), sampling: 10), Noon.AddSeconds(55)));
        Assert.Empty(meter.Add("R2", Flow(60_000, 100, 1, 2, Noon.AddSeconds(20)), Noon.AddSeconds(21)));
        // Exported in the next minute but ended in this one: still counted here (the grace interval).
        Assert.Empty(meter.Add("R1", Flow(60, 1, 1, 0, Noon.AddSeconds(59)), Noon.AddSeconds(90)));

        var closed = meter.Add("R1", Flow(120, 1, 1, 2, Noon.AddMinutes(1).AddSeconds(5)), Noon.AddMinutes(2));

        Assert.All(closed, s => Assert.Equal("R1", s.Router));
        Assert.Equal(new Dictionary<string, double>
        {
            [FlowVolumeMeter.BytesPath] = (6_000 + 6_000 + 60) / 60.0,
            [FlowVolumeMeter.PacketsPath] = (10 + 10 + 1) / 60.0,
            ["/flows/interface[name=1]/in-bytes-per-second"] = 6_060 / 60.0,
            ["/flows/interface[name=3]/in-bytes-per-second"] = 6_000 / 60.0,
            ["/flows/interface[name=2]/out-bytes-per-second"] = 12_000 / 60.0,
        }, At(closed, Noon));
        Assert.Equal(closed.Count, At(closed, Noon).Count);

        // A timer closes R2's minute too (and the silent one after it), and R1's next one.
        var flushed = meter.Flush(Noon.AddMinutes(3));
        Assert.Equal(1_000, Assert.Single(flushed, s => s.Router == "R2" && s.Path == FlowVolumeMeter.BytesPath && s.Time == Noon).Value);
        Assert.Equal(2, Assert.Single(flushed, s => s.Router == "R1" && s.Path == FlowVolumeMeter.BytesPath && s.Time == Noon.AddMinutes(1)).Value);
        Assert.Equal(0, meter.Late);
    }

    [Fact]
    public void Silence_is_zero_traffic_until_the_gap_limit_and_a_flow_after_its_interval_closed_is_counted_late()
    {
        var meter = new FlowVolumeMeter();
        meter.Add("R1", Flow(6_000, 10, 1, 2, Noon.AddSeconds(10)), Noon.AddSeconds(11));

        var quiet = meter.Flush(Noon.AddMinutes(5)).Where(s => s.Path == FlowVolumeMeter.BytesPath).ToList();
        Assert.Equal([100.0, 0, 0, 0], quiet.Select(s => s.Value));
        Assert.Equal([Noon, Noon.AddMinutes(1), Noon.AddMinutes(2), Noon.AddMinutes(3)], quiet.Select(s => s.Time));

        Assert.Empty(meter.Add("R1", Flow(6_000, 10, 1, 2, Noon.AddSeconds(30)), Noon.AddMinutes(5)));
        Assert.Equal(1, meter.Late);

        // A day of silence: zeros for its first hour only (three of them given already), then nothing until the router
        // sends again, and then its traffic where it is.
        var day = meter.Flush(Noon.AddDays(1)).Where(s => s.Path == FlowVolumeMeter.BytesPath).ToList();
        Assert.Equal(FlowVolumeMeter.MaxGap - 3, day.Count);
        Assert.All(day, s => Assert.Equal(0, s.Value));
        Assert.Equal(Noon.AddMinutes(FlowVolumeMeter.MaxGap), day[^1].Time);
        Assert.Empty(meter.Flush(Noon.AddDays(1).AddMinutes(10)));
        meter.Add("R1", Flow(600, 1, 0, 0, Noon.AddDays(2)), Noon.AddDays(2));
        var back = Assert.Single(meter.Flush(Noon.AddDays(2).AddMinutes(2)), s => s.Path == FlowVolumeMeter.BytesPath);
        Assert.Equal((Noon.AddDays(2), 10.0), (back.Time, back.Value));
    }

    [Fact]
    public void A_flow_stamped_far_from_its_arrival_counts_at_its_arrival()
    {
        var meter = new FlowVolumeMeter();
        meter.Add("R1", Flow(6_000, 10, 0, 0, new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero)), Noon.AddSeconds(1));
        meter.Add("R1", Flow(600, 1, 0, 0, end: null), Noon.AddSeconds(2));

        var closed = meter.Flush(Noon.AddMinutes(2));

        Assert.Equal(new Dictionary<string, double> { [FlowVolumeMeter.BytesPath] = 110, [FlowVolumeMeter.PacketsPath] = 11 / 60.0 }, At(closed, Noon));
    }
}
