using System.Text.Json;
using OrleansNetOps.Analytics.Anomaly;
using OrleansNetOps.Analytics.Findings;

namespace OrleansNetOps.Analytics.Tests.Anomaly;

public sealed class SeriesAnalystTests
{
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);

    [Fact]
    public void A_latency_above_its_floor_is_one_breach_until_it_clears()
    {
        var analyst = new SeriesAnalyst(new MetricSeries("R1", "/probes/ISP-A/latency", MetricKind.LatencyMs), new AnomalyScorerOptions());
        var start = SyntheticSeries.Start;
        var values = new[] { 10.0, 12, 31, 40, 29.9, 31, 20, 35 };
        var breaches = new List<Finding>();
        for (var i = 0; i < values.Length; i++)
        {
            breaches.AddRange(analyst.Observe(start + (i * FiveMinutes), values[i]).Findings.Where(f => f.Kind == FindingKind.ThresholdBreach));
        }

        // 31 breaches; 40, 29.9 (within 5 % of the floor) and 31 do not repeat it; 20 clears; 35 breaches again.
        Assert.Equal(2, breaches.Count);
        Assert.Equal(start + (2 * FiveMinutes), breaches[0].At);
        Assert.Equal(start + (7 * FiveMinutes), breaches[1].At);
        Assert.Equal("R1", breaches[0].Router);
        Assert.Equal(new FindingSubject(SubjectKind.Series, "R1|/probes/ISP-A/latency"), breaches[0].Subject);
        Assert.Equal(FindingId.Create(FindingKind.ThresholdBreach, breaches[0].Subject, breaches[0].At), breaches[0].Id);
        Assert.Equal(0.6 + (0.25 * (31 - 30) / (50 - 30)), breaches[0].Score, 9); // "high" at the floor, "critical" at the 50 ms SLA
        Assert.True(breaches[1].Score > 0.6 && breaches[1].Score < 0.85); // 35 ms: between the floor and the 50 ms SLA
        Assert.Equal("30", breaches[0].Evidence.Single().Data["floor"]);
    }

    [Fact]
    public void A_metric_anomaly_finding_carries_the_expectation_and_how_rare_it_is()
    {
        var series = SyntheticSeries.Daily(288 * 8, FiveMinutes, noise: 1.5, seed: 9);
        series[(288 * 7) + 150].Value += 30;
        var analyst = new SeriesAnalyst(new MetricSeries("R2", "/system/cpu/utilization", MetricKind.Other), new AnomalyScorerOptions());
        var findings = series.SelectMany(p => analyst.Observe(p.At, p.Value).Findings).ToList();
        var anomaly = Assert.Single(findings);
        Assert.Equal(FindingKind.MetricAnomaly, anomaly.Kind);
        Assert.Equal(series[(288 * 7) + 150].At, anomaly.At);
        var data = anomaly.Evidence.Single().Data;
        Assert.Equal("daily", data["seasonality"]);
        Assert.True(double.Parse(data["recurrenceDays"], System.Globalization.CultureInfo.InvariantCulture) >= 7);
        Assert.Contains("was expected", anomaly.Summary, StringComparison.Ordinal);
        Assert.Equal(anomaly.Score >= 0.85 ? "critical" : "high", data["severity"]);
    }

    [Fact]
    public void An_analyst_restored_from_JSON_remembers_an_open_breach()
    {
        var series = new MetricSeries("R1", "/probes/ISP-B/loss", MetricKind.LossPercent);
        var options = new AnomalyScorerOptions();
        var analyst = new SeriesAnalyst(series, options);
        analyst.Observe(SyntheticSeries.Start, 0.9);
        var restored = SeriesAnalyst.FromState(series, options, JsonSerializer.Deserialize<SeriesAnalystState>(JsonSerializer.Serialize(analyst.ToState()))!);
        Assert.Empty(restored.Observe(SyntheticSeries.Start + FiveMinutes, 0.8).Findings);
    }
}
