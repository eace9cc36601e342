using System.Collections.Immutable;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Grains.Analysis;
using OrleansNetOps.Grains.Events;

namespace OrleansNetOps.Grains.Tests.Analysis;

public sealed class RouterAnalystGrainTests
{
    private const string Path = "/probes/isp[name=ISP-A]/utilisation-pct";

    [Fact]
    public async Task A_ramping_utilisation_series_yields_a_forecast_and_a_congestion_finding_on_the_findings_stream()
    {
        await using var cluster = await GrainCluster.StartAsync();
        var analyst = cluster.Grains.GetGrain<IRouterAnalystGrain>("R1");

        // A day at 40 % ± 2 (one point a minute), then +0.5 % a minute up to 60 %: 85 % is 50 minutes away.
        var random = new Random(1);
        var at = new DateTimeOffset(2024, 3, 4, 0, 0, 0, TimeSpan.Zero);
        var points = new List<AnalystMetric>();
        for (var i = 0; i < 1440; i++, at = at.AddMinutes(1))
        {
            points.Add(new AnalystMetric(Path, at, 40 + (2 * Gaussian(random))));
        }

        for (var value = 40.0; value < 60; value += 0.5, at = at.AddMinutes(1))
        {
            points.Add(new AnalystMetric(Path, at, value + (0.5 * Gaussian(random))));
        }

        foreach (var batch in points.Chunk(250))
        {
            await analyst.ObserveMetricsAsync([.. batch]);
        }

        var forecast = Assert.Single(await analyst.GetForecastsAsync());
        Assert.Equal(Path, forecast.Path);
        Assert.Equal(85, forecast.Threshold);
        Assert.NotNull(forecast.EtaMinutes);
        Assert.InRange(forecast.EtaMinutes.Value, 35, 65);
        Assert.True(forecast.Confidence >= 0.5, $"confidence {forecast.Confidence}");

        // The finding reached the domain's correlator through the findings stream.
        var correlator = cluster.Grains.GetGrain<IFindingCorrelatorGrain>(NetOpsStreams.DefaultDomain);
        var congestion = Assert.Single(await CorrelatorWait.FindingsAsync(cluster.Grains, new FindingQuery("R1", FindingKind.CongestionForecast, null, null, 10), "congestion finding"));
        Assert.Equal("R1", congestion.Router);
        Assert.Contains("reaches 85", congestion.Summary, StringComparison.Ordinal);
        Assert.NotNull(congestion.CandidateCause);
        var candidate = Assert.Single(await correlator.GetCandidatesAsync(10), c => c.Findings.Any(f => f.Id == congestion.Id));
        Assert.Equal(candidate.TopCause.Subject, congestion.CandidateCause.Subject);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
