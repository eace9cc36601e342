using System.Net;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Grains.Analysis;
using OrleansNetOps.Telemetry.Flows;

namespace OrleansNetOps.Grains.Tests.Analysis;

/// <summary>
/// Flow records of a router, counted into its volume series as the silo does (<see cref="FlowVolumeMeter"/>), reach its
/// analyst as metric points. Three days of steady traffic (about 80 Mb/s out of interface 2, a few flows a minute with
/// ordinary variation), then a quarter of an hour at four times the volume. (Synthetic traffic: the shared data has no
/// flow export with a labelled volume anomaly.)
/// </summary>
public sealed class FlowVolumeAnalysisTests
{
    private static readonly DateTimeOffset Start = new(2024, 3, 4, 0, 0, 0, TimeSpan.Zero);
    private static readonly IPAddress Exporter = IPAddress.Parse("198.51.100.1");

    [Fact]
    public async Task A_volume_spike_after_a_steady_baseline_is_a_finding_on_the_routers_flow_series()
    {
        await using var cluster = await GrainCluster.StartAsync();
        var analyst = cluster.Grains.GetGrain<IRouterAnalystGrain>("R1");
        var meter = new FlowVolumeMeter();
        var random = new Random(7);
        const int Steady = 3 * 1440;
        var points = new List<AnalystMetric>();
        for (var minute = 0; minute < Steady + 15 + 30; minute++)
        {
            var spike = minute >= Steady && minute < Steady + 15 ? 4.0 : 1.0;
            for (var flow = 0; flow < 4; flow++)
            {
                var end = Start.AddMinutes(minute).AddSeconds(5 + (flow * 14));
                var bytes = (ulong)(spike * 150_000_000 * (1 + (0.05 * Gaussian(random))));
                var record = new FlowRecord(Exporter, IPAddress.Parse("172.16.10.5"), IPAddress.Parse("8.8.8.8"), 40000, 443, 6,
                    bytes, bytes / 1200, 1, 2, 65001, 15169, end.AddSeconds(-30), end);
                points.AddRange(meter.Add("R1", record, end.AddSeconds(1)).Select(s => new AnalystMetric(s.Path, s.Time, s.Value)));
            }
        }

        Assert.Contains(points, p => p.Path == "/flows/interface[name=2]/out-bytes-per-second");
        foreach (var batch in points.Chunk(2000))
        {
            await analyst.ObserveMetricsAsync([.. batch]);
        }

        var found = await CorrelatorWait.FindingsAsync(cluster.Grains, new FindingQuery("R1", FindingKind.MetricAnomaly, null, null, 50), "flow volume anomaly");
        var volume = Assert.Single(found, f => f.Subject == new FindingSubject(SubjectKind.Series, "R1|" + FlowVolumeMeter.BytesPath));
        Assert.InRange(volume.At, Start.AddMinutes(Steady), Start.AddMinutes(Steady + 15));
        // Nothing was raised about the steady days.
        Assert.All(found, f => Assert.True(f.At >= Start.AddMinutes(Steady), $"{f.Subject.Id} raised at {f.At}"));
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
