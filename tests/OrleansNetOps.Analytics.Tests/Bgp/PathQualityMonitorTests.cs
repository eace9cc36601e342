using System.Collections.Immutable;
using System.Text.Json;
using OrleansNetOps.Analytics.Bgp;
using OrleansNetOps.Analytics.Findings;

namespace OrleansNetOps.Analytics.Tests.Bgp;

public sealed class PathQualityMonitorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);

    private static PathQualityMonitor Monitor() => new(PathQualityOptions.FromSla(SeedTopology.Value.Sla), SeedTopology.Value);

    private static ImmutableArray<Finding> Feed(PathQualityMonitor monitor, int from, int count, double? latency, double loss, string isp = "ISP-A", string router = "R1")
    {
        var findings = ImmutableArray.CreateBuilder<Finding>();
        for (var i = from; i < from + count; i++)
        {
            findings.AddRange(monitor.Observe(new ProbeSample(T0.AddSeconds(10 * i), router, isp, latency, loss)));
        }

        return findings.ToImmutable();
    }

    [Fact]
    public void A_healthy_path_scores_near_one_and_raises_nothing()
    {
        var monitor = Monitor();

        Assert.Empty(Feed(monitor, 0, 12, 8.0, 0));

        var score = monitor.Score("R1", "ISP-A", T0.AddSeconds(110))!;
        Assert.Equal(1, score.Quality, 9); // constant latency at the ISP's configured 8 ms, no loss, no jitter
        Assert.Equal(12, score.Samples);
        Assert.Equal(0, score.JitterMs);
    }

    [Fact]
    public void Total_probe_loss_raises_one_finding_until_the_path_recovers()
    {
        var monitor = Monitor();
        Feed(monitor, 0, 12, 8.0, 0);

        // The link is cut: no replies, 100 % loss. The window still holds healthy samples at first.
        var cut = Feed(monitor, 12, 12, null, 100);
        var finding = Assert.Single(cut);
        Assert.Equal(FindingKind.PathQuality, finding.Kind);
        Assert.Equal(new FindingSubject(SubjectKind.Isp, "ISP-A"), finding.Subject);
        Assert.Equal("R1", finding.Router);
        Assert.Equal(1, finding.Score, 9); // quality 0: loss far above the 1 % SLA
        Assert.Equal("ISP-A", finding.Evidence[0].Data["isp"]);
        Assert.Equal("0", finding.Evidence[0].Data["lossPart"]);

        // Recovery, then a second cut: a second finding.
        Assert.Empty(Feed(monitor, 24, 15, 8.0, 0));
        Assert.Single(Feed(monitor, 39, 12, null, 100));
    }

    [Fact]
    public void Latency_counts_from_the_learned_typical_value_toward_the_sla_limit()
    {
        var monitor = Monitor();
        Feed(monitor, 0, 12, 20.0, 0, isp: "ISP-B"); // ISP-B's configured latency is 12 ms; it runs at 20 ms

        var score = monitor.Score("R1", "ISP-B", T0.AddSeconds(110))!;
        Assert.Equal(20, score.TypicalLatencyMs, 9);
        Assert.Equal(1, score.Quality, 9);

        // 40 ms is two thirds of the way from the typical ~20 ms to the 50 ms SLA: a finding.
        var worse = Feed(monitor, 12, 12, 40.0, 0, isp: "ISP-B");
        var finding = Assert.Single(worse);
        Assert.Contains("ISP-B", finding.Summary, StringComparison.Ordinal);
        var after = monitor.Score("R1", "ISP-B", T0.AddSeconds(230))!;
        // The first slower samples still looked healthy and nudged the typical value up a little; no further.
        Assert.InRange(after.TypicalLatencyMs, 20, 21);
        Assert.Equal((50 - 40) / (50 - after.TypicalLatencyMs), after.LatencyPart, 9);
    }

    [Fact]
    public void Jitter_is_derived_from_successive_latencies_when_probes_do_not_report_it()
    {
        var monitor = Monitor();
        double[] latencies = [8, 12, 8, 12, 8];
        for (var i = 0; i < latencies.Length; i++)
        {
            monitor.Observe(new ProbeSample(T0.AddSeconds(10 * i), "R2", "ISP-C", latencies[i], 0));
        }

        var score = monitor.Score("R2", "ISP-C", T0.AddSeconds(40))!;
        Assert.Equal(4, score.JitterMs);
        Assert.Equal(0.6, score.JitterPart, 9);
    }

    [Fact]
    public void An_isp_score_averages_the_routers_that_probe_it()
    {
        var monitor = Monitor();
        Feed(monitor, 0, 6, 12.0, 0, isp: "ISP-B", router: "R1");
        Feed(monitor, 0, 6, 12.0, 0.5, isp: "ISP-B", router: "R2");

        var score = monitor.Score("ISP-B", T0.AddSeconds(50))!;
        Assert.Null(score.Router);
        Assert.Equal(0.75, score.Quality, 9); // R1 1.0, R2 0.5 (half the 1 % loss budget)
        Assert.Equal(12, score.Samples);
    }

    [Fact]
    public void Churn_from_an_isp_lowers_its_score()
    {
        var monitor = Monitor();
        Feed(monitor, 0, 6, 8.0, 0);

        var findings = monitor.ObserveChurn(T0.AddSeconds(55), "R1", "ISP-A", 3000); // 1500 per minute in the 2 min window

        Assert.Single(findings);
        Assert.Equal(0.25, monitor.Score("R1", "ISP-A", T0.AddSeconds(55))!.ChurnPart, 9);
    }

    [Fact]
    public void States_survive_a_json_round_trip()
    {
        var monitor = Monitor();
        Feed(monitor, 0, 6, 8.0, 0);
        Feed(monitor, 6, 6, null, 100);

        var json = JsonSerializer.Serialize(monitor.States);
        var restored = new PathQualityMonitor(PathQualityOptions.FromSla(SeedTopology.Value.Sla), SeedTopology.Value, JsonSerializer.Deserialize<ImmutableArray<PathQualityState>>(json));

        Assert.Equal(monitor.Score("R1", "ISP-A", T0.AddSeconds(110)), restored.Score("R1", "ISP-A", T0.AddSeconds(110)));
        Assert.True(restored.States.Single().Degraded);
        Assert.Empty(restored.Observe(new ProbeSample(T0.AddSeconds(120), "R1", "ISP-A", null, 100))); // already reported
    }

    [Theory]
    [InlineData(-1.0, 0.0, "latency")]
    [InlineData(5.0, 101.0, "loss")]
    public void Impossible_samples_are_refused_naming_the_value(double latency, double loss, string what)
    {
        var error = Assert.Throws<ArgumentException>(() => Monitor().Observe(new ProbeSample(T0, "R1", "ISP-A", latency, loss)));
        Assert.Contains(what, error.Message, StringComparison.Ordinal);
        Assert.Contains("R1", error.Message, StringComparison.Ordinal);
    }
}
