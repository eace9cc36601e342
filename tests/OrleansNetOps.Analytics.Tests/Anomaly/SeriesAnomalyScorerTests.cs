using System.Globalization;
using System.Text.Json;
using OrleansNetOps.Analytics.Anomaly;
using OrleansNetOps.Analytics.Anomaly.Nab;
using OrleansNetOps.Analytics.Baselines;
using OrleansNetOps.TestSupport;

namespace OrleansNetOps.Analytics.Tests.Anomaly;

public sealed class SeriesAnomalyScorerTests
{
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);

    [Fact]
    public void Cold_start_raises_nothing_during_the_first_two_days()
    {
        var series = SyntheticSeries.Daily(600, FiveMinutes, noise: 2, seed: 1);
        series[150].Value += 500;
        var scorer = new SeriesAnomalyScorer(new AnomalyScorerOptions());
        var points = series.Select(p => scorer.Observe(p.At, p.Value)).ToList();
        Assert.All(points.Take(576), p => Assert.Equal(0.0, p.Score));
        Assert.DoesNotContain(points, p => p.Raised);
    }

    [Fact]
    public void A_spike_in_a_daily_series_raises_a_finding_and_a_clean_week_raises_none()
    {
        var clean = SyntheticSeries.Daily(288 * 9, FiveMinutes, noise: 2, seed: 2);
        var spiked = SyntheticSeries.Daily(288 * 9, FiveMinutes, noise: 2, seed: 2);
        var at = (288 * 8) + 100;
        spiked[at].Value += 25;

        var quiet = Run(clean);
        var noisy = Run(spiked);
        Assert.DoesNotContain(quiet.Skip(288), p => p.Raised);
        Assert.True(noisy[at].Raised, $"score {noisy[at].Score}");
        Assert.True(noisy[at].Score >= 0.85, $"score {noisy[at].Score}");
        Assert.Equal(noisy[at].Value - 25, quiet[at].Value, 9);
    }

    [Fact]
    public void A_missing_daily_bump_is_found_from_the_seasonal_baseline()
    {
        var series = SyntheticSeries.Daily(288 * 10, FiveMinutes, noise: 1, seed: 3);
        var random = new Random(30);
        for (var i = 288 * 9; i < 288 * 10; i++)
        {
            series[i].Value = 40 + SyntheticSeries.Gaussian(random); // the afternoon bump does not come
        }

        var points = Run(series);
        Assert.Contains(points.Skip(288 * 9), p => p.Raised);
        Assert.Equal(Seasonality.Daily, points[^1].Expected.Seasonality);
    }

    [Fact]
    public void Scores_are_causal_a_longer_series_does_not_change_earlier_rows()
    {
        var series = SyntheticSeries.Daily(288 * 4, FiveMinutes, noise: 3, seed: 4);
        var full = Run(series);
        var prefix = Run(series.Take(700).ToArray());
        for (var i = 0; i < prefix.Count; i++)
        {
            Assert.Equal(full[i].Score, prefix[i].Score);
            Assert.Equal(full[i].Raised, prefix[i].Raised);
        }
    }

    [Fact]
    public void Restored_from_JSON_it_continues_exactly_where_it_left_off()
    {
        var series = SyntheticSeries.Daily(288 * 6, FiveMinutes, noise: 2, seed: 5);
        series[(288 * 5) + 30].Value += 40;
        var options = new AnomalyScorerOptions();
        var uninterrupted = new SeriesAnomalyScorer(options);
        var first = new SeriesAnomalyScorer(options);
        var split = 288 * 4;
        for (var i = 0; i < split; i++)
        {
            uninterrupted.Observe(series[i].At, series[i].Value);
            first.Observe(series[i].At, series[i].Value);
        }

        var json = JsonSerializer.Serialize(first.ToState());
        var restored = SeriesAnomalyScorer.FromState(options, JsonSerializer.Deserialize<SeriesAnomalyScorerState>(json)!);
        for (var i = split; i < series.Length; i++)
        {
            var expected = uninterrupted.Observe(series[i].At, series[i].Value);
            var actual = restored.Observe(series[i].At, series[i].Value);
            Assert.Equal(expected.Score, actual.Score, 12);
            Assert.Equal(expected.Raised, actual.Raised);
        }

        Assert.Equal(JsonSerializer.Serialize(uninterrupted.ToState()), JsonSerializer.Serialize(restored.ToState()));
    }

    [Fact]
    public void Memory_is_bounded_the_state_does_not_grow_with_history()
    {
        var series = SyntheticSeries.Daily(288 * 30, FiveMinutes, noise: 2, seed: 6);
        var scorer = new SeriesAnomalyScorer(new AnomalyScorerOptions());
        int afterFiveDays = 0;
        for (var i = 0; i < series.Length; i++)
        {
            scorer.Observe(series[i].At, series[i].Value);
            if (i == (288 * 5) - 1)
            {
                afterFiveDays = JsonSerializer.Serialize(scorer.ToState()).Length;
            }
        }

        var afterThirtyDays = JsonSerializer.Serialize(scorer.ToState()).Length;
        Assert.True(afterThirtyDays < afterFiveDays * 1.25, $"{afterFiveDays} → {afterThirtyDays} characters");
        Assert.True(afterThirtyDays < 120_000, $"{afterThirtyDays} characters");
    }

    [Fact]
    public void Rejects_a_state_it_did_not_write()
    {
        var state = new SeriesAnomalyScorer(new AnomalyScorerOptions()).ToState();
        var broken = state with { ResidualTails = state.ResidualTails.RemoveAt(0) };
        Assert.Throws<ArgumentException>(() => SeriesAnomalyScorer.FromState(new AnomalyScorerOptions(), broken));
    }

    [Theory]
    [InlineData("artificialNoAnomaly/art_daily_no_noise.csv")]
    [InlineData("artificialNoAnomaly/art_daily_perfect_square_wave.csv")]
    [InlineData("artificialNoAnomaly/art_daily_small_noise.csv")]
    [InlineData("artificialNoAnomaly/art_flatline.csv")]
    [InlineData("artificialNoAnomaly/art_noisy.csv")]
    public void NAB_series_without_anomalies_raise_nothing(string file)
    {
        var points = Run(Nab(file));
        Assert.DoesNotContain(points, p => p.Raised);
    }

    [Theory]
    [InlineData("artificialWithAnomaly/art_daily_jumpsdown.csv")]
    [InlineData("artificialWithAnomaly/art_daily_jumpsup.csv")]
    [InlineData("artificialWithAnomaly/art_daily_nojump.csv")]
    [InlineData("artificialWithAnomaly/art_daily_flatmiddle.csv")]
    public void NAB_pattern_anomalies_are_found_inside_their_labelled_window(string file)
    {
        var series = Nab(file);
        var window = NabLabels.ParseWindows(File.ReadAllText(SharedData.Path("NAB", "labels", "combined_windows.json")))[file].Single();
        var points = Run(series);
        Assert.Contains(points, p => p.Raised && p.At.UtcDateTime >= window.Start && p.At.UtcDateTime <= window.End);
    }

    private static List<AnomalyPoint> Run((DateTimeOffset At, double Value)[] series)
    {
        var scorer = new SeriesAnomalyScorer(new AnomalyScorerOptions());
        return [.. series.Select(p => scorer.Observe(p.At, p.Value))];
    }

    private static (DateTimeOffset At, double Value)[] Nab(string file) =>
        [.. File.ReadLines(SharedData.Path("NAB", "data", file)).Skip(1).Select(line => line.Split(',')).Select(f => (
            new DateTimeOffset(DateTime.ParseExact(f[0], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), TimeSpan.Zero),
            double.Parse(f[1], CultureInfo.InvariantCulture)))];
}
