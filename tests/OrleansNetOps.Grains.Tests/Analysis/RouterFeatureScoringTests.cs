using System.Collections.Immutable;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Analytics.Signals;
using OrleansNetOps.Grains.Analysis;
using OrleansNetOps.Telemetry.Features;

namespace OrleansNetOps.Grains.Tests.Analysis;

/// <summary>
/// A router's feature vectors through its analyst grain: CPU follows the BGP update rate (a 90-minute cycle), one vector a
/// minute. The anomaly: for half an hour, while updates are at the low of their cycle, the CPU runs as high as it only
/// does at their peak. (Synthetic: no real router feature vectors with a labelled anomaly of this kind exist.)
/// </summary>
public sealed class RouterFeatureScoringTests
{
    private const int Normal = 2 * 1440;

    // From the 52nd minute of a cycle, where the updates are near their low.
    private const int AnomalyStart = Normal + 52;
    private const int AnomalyMinutes = 30;
    private static readonly DateTimeOffset Start = new(2024, 3, 4, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_abnormal_joint_pattern_after_a_reactivation_is_one_finding_naming_the_features()
    {
        await using var cluster = await GrainCluster.StartAsync(collectionAge: TimeSpan.FromSeconds(1));
        var analyst = cluster.Grains.GetGrain<IRouterAnalystGrain>("R1");
        var vectors = Vectors(anomalyMinutes: AnomalyMinutes, seed: 1);
        foreach (var batch in vectors.Take(Normal).Chunk(500))
        {
            await analyst.ObserveFeaturesAsync([.. batch]);
        }

        // The analyst is collected and comes back from its stored state: a cold scorer would need 300 vectors first.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await cluster.ActivationsOfAsync<RouterAnalystGrain>()).Count > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the analyst was never collected");
            await Task.Delay(100);
        }

        await analyst.ObserveFeaturesAsync([.. vectors.Skip(Normal)]);

        var finding = Assert.Single(await CorrelatorWait.FindingsAsync(cluster.Grains, new FindingQuery("R1", FindingKind.MetricAnomaly, null, null, 10), "metric anomaly"));
        Assert.InRange(finding.At, vectors[AnomalyStart].To, vectors[AnomalyStart + AnomalyMinutes - 1].To);
        Assert.Equal(new FindingSubject(SubjectKind.Router, "R1"), finding.Subject);
        var evidence = Assert.Single(finding.Evidence);
        Assert.Equal("randomized-pca", evidence.Data["detector"]);
        Assert.StartsWith("R1: an unusual combination of its features; most off: cpuPercent", finding.Summary, StringComparison.Ordinal);
        Assert.True(double.Parse(evidence.Data["cpuPercent.share"], System.Globalization.CultureInfo.InvariantCulture) > 0.5, evidence.Data["cpuPercent.share"]);
        // Nothing else raised in the hour after it, when the pattern is ordinary again.
        await AssertNoOtherFindingAsync(cluster, analyst, finding.Id);
    }

    [Fact]
    public async Task Ordinary_vectors_raise_nothing()
    {
        await using var cluster = await GrainCluster.StartAsync();
        var analyst = cluster.Grains.GetGrain<IRouterAnalystGrain>("R1");
        foreach (var batch in Vectors(anomalyMinutes: 0, seed: 1).Chunk(500))
        {
            await analyst.ObserveFeaturesAsync([.. batch]);
        }

        await AssertNoOtherFindingAsync(cluster, analyst, except: null);
    }

    // Findings of one grain reach the correlator in order: once a finding reported after the vectors has arrived, every
    // finding the vectors raised has too.
    private static async Task AssertNoOtherFindingAsync(GrainCluster cluster, IRouterAnalystGrain analyst, string? except)
    {
        await analyst.ReportAsync([SignalFindings.InterfaceDown("R1", "eth9", Start.AddDays(3), "test")]);
        await CorrelatorWait.FindingsAsync(cluster.Grains, new FindingQuery("R1", FindingKind.LinkDown, null, null, 10), "marker finding");
        var anomalies = await cluster.Grains.GetGrain<IFindingCorrelatorGrain>(Events.NetOpsStreams.DefaultDomain)
            .GetFindingsAsync(new FindingQuery("R1", FindingKind.MetricAnomaly, null, null, 10));
        Assert.Equal(except is null ? [] : [except], anomalies.Select(f => f.Id));
    }

    private static RouterFeatures[] Vectors(int anomalyMinutes, int seed)
    {
        var random = new Random(seed);
        var vectors = new List<RouterFeatures>();
        // Two days, then the anomaly, then an hour.
        for (var i = 0; i < AnomalyStart + anomalyMinutes + 60; i++)
        {
            var updates = Updates(i) + (3 * Gaussian(random));
            var driver = i >= AnomalyStart && i < AnomalyStart + anomalyMinutes ? 90 : Updates(i);
            var cpu = 10 + (0.6 * driver) + (2 * Gaussian(random));
            var latency = 8 + (0.5 * Gaussian(random));
            var loss = 0.1 + (0.02 * Math.Abs(Gaussian(random)));
            var at = Start.AddMinutes(i);
            vectors.Add(new RouterFeatures("R1", at.AddMinutes(-1), at, [new IspProbeFeatures("ISP-A", latency, latency, loss, loss, 2)], 3, 0,
                900_000 + (long)(200 * Gaussian(random)), (0.5 * updates) + Gaussian(random), updates, [], cpu));
        }

        return [.. vectors];
    }

    private static double Updates(int minute) => 50 + (40 * Math.Sin(2 * Math.PI * minute / 90.0));

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
